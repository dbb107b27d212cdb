using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// A named explorer view: which nodes were drawn where, which were pinned, and the filters — per dossier (readable
/// by everyone who may read the dossier) or personal (readable by its owner only). The state is JSON the explorer
/// writes; its node ids are re-checked against the reader's visible snapshot every time it is opened.
/// </summary>
public sealed class SavedView
{
    public const int MaxNameLength = 100;
    public const int MaxStateLength = 400_000;

    private SavedView() { Name = OwnerUserId = OwnerUserName = StateJson = ""; }

    public SavedView(Guid id, string name, DossierId? dossierId, string ownerUserId, string ownerUserName, string stateJson, DateTimeOffset at)
    {
        Id = id;
        Name = name;
        DossierId = dossierId;
        OwnerUserId = ownerUserId;
        OwnerUserName = ownerUserName;
        StateJson = stateJson;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>The dossier the view belongs to; null for a personal view.</summary>
    public DossierId? DossierId { get; private set; }
    public string OwnerUserId { get; private set; }
    public string OwnerUserName { get; private set; }
    public string StateJson { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>What the explorer keeps of a view. Positions are Cytoscape model coordinates.</summary>
public sealed record ViewState(IReadOnlyList<ViewNode> Nodes, ViewFilters? Filters, string? Layout, string? SizeBy);

public sealed record ViewNode(string Id, double X, double Y, bool Pinned);

/// <summary>Filter settings as the page holds them; all optional.</summary>
public sealed record ViewFilters(IReadOnlyList<string>? HiddenKinds, IReadOnlyList<string>? HiddenRelations, string? From, string? To,
    string? Partner, string? MinGrading, IReadOnlyList<string>? HiddenPhases = null);
