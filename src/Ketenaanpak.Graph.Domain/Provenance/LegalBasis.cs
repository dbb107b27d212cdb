namespace Ketenaanpak.Graph.Domain.Provenance;

/// <summary>The legal basis on which a fact is processed and shared (domain.md §6).</summary>
public enum LegalBasis
{
    /// <summary>RIEC covenant (with the Wet gegevensverwerking door samenwerkingsverbanden, WGS).</summary>
    Covenant = 1,
    /// <summary>Police data act (Wet politiegegevens): only roles it allows may read the content.</summary>
    PoliceDataAct = 2,
    /// <summary>Justice data act (Wet justitiële en strafvorderlijke gegevens).</summary>
    JusticeDataAct = 3,
    /// <summary>GDPR art. 6(1)(e): a task in the public interest (most municipal and care information).</summary>
    GdprPublicTask = 4,
    /// <summary>Consent of the person concerned.</summary>
    Consent = 5,
    /// <summary>GDPR art. 6(1)(c): a legal obligation (e.g. tax law).</summary>
    GdprLegalObligation = 6,
}

/// <summary>Who may read the content of a fact. Facts a user may not read show as "a fact exists — ask the partner".</summary>
public enum HandlingCode
{
    /// <summary>H1: shareable within the chain (covenant partners with access to the dossier).</summary>
    Chain = 1,
    /// <summary>H2: only the team of the dossier it belongs to.</summary>
    DossierTeam = 2,
    /// <summary>H3: only the source partner; others learn that it exists and whom to ask.</summary>
    SourceOnly = 3,
    /// <summary>H4: police and public prosecutor only (Wpg/Wjsg).</summary>
    PoliceAndJustice = 4,
}

public static class LegalBasisLabels
{
    public static string Dutch(this LegalBasis basis) => basis switch
    {
        LegalBasis.Covenant => "RIEC-convenant (WGS)",
        LegalBasis.PoliceDataAct => "Wet politiegegevens (Wpg)",
        LegalBasis.JusticeDataAct => "Wet justitiële en strafvorderlijke gegevens (Wjsg)",
        LegalBasis.GdprPublicTask => "AVG art. 6 lid 1 sub e (publieke taak)",
        LegalBasis.Consent => "Toestemming betrokkene",
        LegalBasis.GdprLegalObligation => "AVG art. 6 lid 1 sub c (wettelijke plicht)",
        _ => basis.ToString(),
    };

    public static string Dutch(this HandlingCode code) => code switch
    {
        HandlingCode.Chain => "H1 – deelbaar in de keten",
        HandlingCode.DossierTeam => "H2 – alleen dossierteam",
        HandlingCode.SourceOnly => "H3 – alleen bronpartner",
        HandlingCode.PoliceAndJustice => "H4 – alleen politie en OM",
        _ => code.ToString(),
    };
}
