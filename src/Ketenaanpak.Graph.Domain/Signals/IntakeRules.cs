using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Domain.Signals;

/// <summary>
/// The rules of the signal intake that do not depend on the store: which legal basis a partner may claim, how old an
/// observation may be, and the basis a partner's own registration usually has.
/// </summary>
public static class IntakeRules
{
    /// <summary>Older observations are history, not signals; they belong in an import with their own source.</summary>
    public const int MaxObservationAgeYears = 10;

    /// <summary>
    /// The police data act covers the police and the special investigation services working as police; the justice
    /// data act the public prosecutor; the covenant only its signatories. Everyone may rely on the GDPR bases.
    /// </summary>
    public static bool MayClaim(this PartnerKind kind, LegalBasis basis) => basis switch
    {
        LegalBasis.PoliceDataAct => kind is PartnerKind.Police or PartnerKind.RoyalMarechaussee or PartnerKind.Fiod or PartnerKind.LabourInspectorate,
        LegalBasis.JusticeDataAct => kind is PartnerKind.PublicProsecutor,
        LegalBasis.Covenant => kind.IsCovenantKind(),
        LegalBasis.GdprPublicTask or LegalBasis.GdprLegalObligation or LegalBasis.Consent => true,
        _ => false,
    };

    /// <summary>The basis a partner's signal gets when the reporter does not choose (the demo region uses the same).</summary>
    public static LegalBasis DefaultLegalBasis(this PartnerKind kind) => kind switch
    {
        PartnerKind.Police or PartnerKind.RoyalMarechaussee => LegalBasis.PoliceDataAct,
        PartnerKind.PublicProsecutor => LegalBasis.JusticeDataAct,
        PartnerKind.TaxAuthority or PartnerKind.Fiod => LegalBasis.GdprLegalObligation,
        PartnerKind.Municipality => LegalBasis.GdprPublicTask,
        _ when !kind.IsCovenantKind() => LegalBasis.Consent,
        _ => LegalBasis.Covenant,
    };

    /// <summary>Null when the date is acceptable; otherwise the Dutch reason.</summary>
    public static string? CheckObservedOn(DateOnly observedOn, DateOnly today)
    {
        if (observedOn > today) return "De datum van de waarneming ligt in de toekomst.";
        if (observedOn < today.AddYears(-MaxObservationAgeYears))
            return $"De waarneming is meer dan {MaxObservationAgeYears} jaar oud; meld oudere gegevens via het RIEC.";
        return null;
    }
}
