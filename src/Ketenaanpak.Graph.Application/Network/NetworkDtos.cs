namespace Ketenaanpak.Graph.Application.Network;

/// <summary>One Cytoscape-shaped answer for every graph request: { nodes: [{data}], edges: [{data}] }.</summary>
/// <param name="Truncated">True when more elements exist than the answer holds.</param>
public sealed record GraphDto(IReadOnlyList<ElementDto<NodeData>> Nodes, IReadOnlyList<ElementDto<EdgeData>> Edges, bool Truncated)
{
    /// <summary>For a capped expand: how many more neighbours the next pages hold (a lower bound when enumeration stopped early).</summary>
    public int Remaining { get; init; }
}

public sealed record ElementDto<T>(T Data);

/// <param name="Role">perpetrator, victim, facilitator, other or unknown (the union over the dossiers the user sees).</param>
public sealed record NodeData(string Id, string Label, string? Kind, string Role, bool Cuttable, bool Pseudonymised);

public sealed record EdgeData(string Id, string Source, string Target, string Type, string Label, double Weight);

/// <summary>One statement about a node: its value when the user may read it, otherwise whom to ask.</summary>
public sealed record StatementDto(string Property, string Label, string? Value, string SourcePartner, DateTimeOffset? ObservedAt,
    DateTimeOffset? RecordedAt, string? Grading, string? LegalBasis, string? HandlingCode, DateOnly? RetainUntil, string? AskPartner);

public sealed record NodeDetailsDto(string Id, string Kind, string Label, bool Pseudonymised, IReadOnlyList<StatementDto> Statements,
    IReadOnlyList<DossierRoleDto> Dossiers);

public sealed record DossierRoleDto(string Number, string Title, string Role);

/// <param name="Dossiers">Keys (ids) of the readable dossiers the entity appears in.</param>
public sealed record SearchHitDto(string Id, string Label, string Kind, IReadOnlyList<string> Dossiers)
{
    /// <summary>The kind in Dutch (Persoon, Adres, …).</summary>
    public string KindLabel { get; init; } = "";

    /// <summary>What matched: naam, naam (bij benadering), IBAN, postcode en huisnummer, …</summary>
    public string MatchedOn { get; init; } = "";

    /// <summary>The readable dossiers with their number, title and the entity's role in each.</summary>
    public IReadOnlyList<DossierRoleDto> DossierRoles { get; init; } = [];
}

public sealed record FacilitatorRankDto(string Id, string Label, string? Kind, double Score, bool InMinimumCut);

/// <summary>The barrier view of a dossier: facilitators ranked by perpetrator-to-victim traffic and the minimum cut.</summary>
public sealed record BarrierDto(string Dossier, int Perpetrators, int Victims, IReadOnlyList<FacilitatorRankDto> Facilitators,
    bool Separable, IReadOnlyList<string> MinimumCut, IReadOnlyList<string> DirectTies);
