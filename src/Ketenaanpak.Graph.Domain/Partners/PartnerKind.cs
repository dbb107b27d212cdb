namespace Ketenaanpak.Graph.Domain.Partners;

/// <summary>Kinds of chain partner (ketenpartner), domain.md §1.</summary>
public enum PartnerKind
{
    Riec = 1,
    Municipality = 2,
    Province = 3,
    PublicProsecutor = 4,
    Police = 5,
    TaxAuthority = 6,
    Fiod = 7,
    LabourInspectorate = 8,
    RoyalMarechaussee = 9,
    Customs = 10,
    Ind = 11,
    Uwv = 12,
    HealthService = 13,
    CareOrganisation = 14,
    HousingCorporation = 15,
    ChamberOfCommerce = 16,
    Shelter = 17,
    CoMensha = 18,
}

public static class PartnerKinds
{
    /// <summary>Kinds that sign the RIEC covenant and may share and read dossier information under it.</summary>
    public static bool IsCovenantKind(this PartnerKind kind) => kind switch
    {
        PartnerKind.Riec or PartnerKind.Municipality or PartnerKind.Province or PartnerKind.PublicProsecutor
            or PartnerKind.Police or PartnerKind.TaxAuthority or PartnerKind.Fiod or PartnerKind.LabourInspectorate
            or PartnerKind.RoyalMarechaussee or PartnerKind.Customs or PartnerKind.Ind or PartnerKind.Uwv => true,
        _ => false,
    };

    /// <summary>Investigating partners whose criminal-law signals need the prosecutor's consent (domain.md §1, issue 7).</summary>
    public static bool IsInvestigating(this PartnerKind kind) =>
        kind is PartnerKind.Police or PartnerKind.LabourInspectorate or PartnerKind.RoyalMarechaussee or PartnerKind.Fiod;

    public static string Dutch(this PartnerKind kind) => kind switch
    {
        PartnerKind.Riec => "RIEC",
        PartnerKind.Municipality => "Gemeente",
        PartnerKind.Province => "Provincie",
        PartnerKind.PublicProsecutor => "Openbaar Ministerie",
        PartnerKind.Police => "Politie",
        PartnerKind.TaxAuthority => "Belastingdienst",
        PartnerKind.Fiod => "FIOD",
        PartnerKind.LabourInspectorate => "Inspectie SZW",
        PartnerKind.RoyalMarechaussee => "Koninklijke Marechaussee",
        PartnerKind.Customs => "Douane",
        PartnerKind.Ind => "IND",
        PartnerKind.Uwv => "UWV",
        PartnerKind.HealthService => "GGD",
        PartnerKind.CareOrganisation => "Zorgorganisatie",
        PartnerKind.HousingCorporation => "Woningcorporatie",
        PartnerKind.ChamberOfCommerce => "Kamer van Koophandel",
        PartnerKind.Shelter => "Opvang",
        PartnerKind.CoMensha => "CoMensha",
        _ => kind.ToString(),
    };
}
