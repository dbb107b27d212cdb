namespace Ketenaanpak.Graph.Domain.Dossiers;

/// <summary>The role a node plays in one dossier. Roles are per dossier: a victim in one can be a recruiter in another.</summary>
public enum DossierRole
{
    Perpetrator = 1,
    Victim = 2,
    Facilitator = 3,
    Other = 4,
}

/// <summary>Sub-role of a perpetrator.</summary>
public enum PerpetratorRole
{
    Unknown = 0,
    Recruiter = 1,
    Transporter = 2,
    Exploiter = 3,
    PimpOrLoverBoy = 4,
    Controller = 5,
    MoneyMule = 6,
    DocumentForger = 7,
}

/// <summary>Whether a facilitator knows what it facilitates (bewust / onbewust).</summary>
public enum FacilitatorAwareness
{
    Unknown = 0,
    Knowing = 1,
    Unknowing = 2,
}

public static class DossierRoleLabels
{
    public static string Dutch(this DossierRole role) => role switch
    {
        DossierRole.Perpetrator => "Dader",
        DossierRole.Victim => "Slachtoffer",
        DossierRole.Facilitator => "Faciliteerder",
        _ => "Getuige / overig",
    };

    public static string Dutch(this PerpetratorRole role) => role switch
    {
        PerpetratorRole.Recruiter => "Ronselaar",
        PerpetratorRole.Transporter => "Vervoerder",
        PerpetratorRole.Exploiter => "Uitbuiter",
        PerpetratorRole.PimpOrLoverBoy => "Pooier / loverboy",
        PerpetratorRole.Controller => "Controleur",
        PerpetratorRole.MoneyMule => "Geldezel",
        PerpetratorRole.DocumentForger => "Documentvervalser",
        _ => "Onbekend",
    };

    public static string Dutch(this FacilitatorAwareness awareness) => awareness switch
    {
        FacilitatorAwareness.Knowing => "Bewust",
        FacilitatorAwareness.Unknowing => "Onbewust",
        _ => "Onbekend",
    };
}
