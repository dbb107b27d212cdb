namespace Ketenaanpak.Graph.Application.Intake;

/// <summary>
/// A signal as a reporter types it (form) or a partner system sends it (JSON, camelCase). Every value is text, so that
/// binding never fails and every wrong value gets its own Dutch message from <see cref="SignalIntakeValidator"/>; the
/// same object is stored as a draft's content.
/// </summary>
public sealed class SignalIntakeInput
{
    /// <summary>Who observed it; defaults to the signed-in user's name.</summary>
    public string? ReporterName { get; set; }
    /// <summary>Date of the observation, yyyy-MM-dd (or d-M-yyyy).</summary>
    public string? ObservedOn { get; set; }
    public PlaceInput Place { get; set; } = new();
    /// <summary>Suspected form of exploitation: a <see cref="Domain.Signals.ExploitationForm"/> name.</summary>
    public string? Form { get; set; }
    public string? LegalQualification { get; set; }
    /// <summary>A <see cref="Domain.Signals.Sector"/> name.</summary>
    public string? Sector { get; set; }
    /// <summary>Signal-card codes such as BRP.05.</summary>
    public List<string> Indicators { get; set; } = [];
    public List<MentionInput> Mentions { get; set; } = [];
    public List<RelationInput> Relations { get; set; } = [];
    /// <summary>5x5x5 grading such as B2.</summary>
    public string? Grading { get; set; }
    /// <summary>A <see cref="Domain.Provenance.LegalBasis"/> name.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>A <see cref="Domain.Provenance.HandlingCode"/> name (Chain, DossierTeam, SourceOnly, PoliceAndJustice) or H1–H4.</summary>
    public string? HandlingCode { get; set; }
    public string? Note { get; set; }
    /// <summary>Acute danger to a victim (crisis intervention): the police contact and the coordinator are alerted.</summary>
    public bool Urgent { get; set; }
    /// <summary>The partner system's own reference, kept as the signal's source reference.</summary>
    public string? Reference { get; set; }
}

/// <summary>Where it was observed. Municipality is a CBS code (GM0153); the address is optional but checked when given.</summary>
public sealed class PlaceInput
{
    public string? Municipality { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? Postcode { get; set; }
    public string? Town { get; set; }
    /// <summary>A <see cref="Domain.Signals.LocationType"/> name.</summary>
    public string? LocationType { get; set; }

    public bool HasAddress => !string.IsNullOrWhiteSpace(Street) || !string.IsNullOrWhiteSpace(HouseNumber)
        || !string.IsNullOrWhiteSpace(Postcode) || !string.IsNullOrWhiteSpace(Town);
}

/// <summary>
/// One entity the signal mentions. <see cref="Kind"/> is a <see cref="Domain.Graph.NodeKind"/> name; <see cref="Values"/>
/// holds its properties by the names of <see cref="Domain.Graph.NodeSchema"/> (firstName, postcode, iban, …).
/// <see cref="Ref"/> is how relations refer to it.
/// </summary>
public sealed class MentionInput
{
    public string? Ref { get; set; }
    public string? Kind { get; set; }
    /// <summary>In which role the signal mentions it, e.g. "begeleider".</summary>
    public string? Role { get; set; }
    public Dictionary<string, string?> Values { get; set; } = [];
}

/// <summary>How two mentioned entities relate: From and To are mention refs, Type a <see cref="Domain.Graph.RelationType"/> name.</summary>
public sealed class RelationInput
{
    public string? From { get; set; }
    public string? Type { get; set; }
    public string? To { get; set; }
    public string? Detail { get; set; }
}
