using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Analytics.Snapshot;

/// <summary>Roles a node plays in a dossier (domain.md §5); flags because one node may hold several.</summary>
[Flags]
public enum NodeRole
{
    None = 0,
    Perpetrator = 1,
    Victim = 2,
    Facilitator = 4,
    Witness = 8,
}

/// <summary>
/// A node of a <see cref="GraphSnapshot"/>. <paramref name="Key"/> is the external identity (a store GUID or a vertex
/// name from a file) and is unique within a snapshot.
/// </summary>
/// <param name="Key">External identity, unique per snapshot.</param>
/// <param name="Label">Display label (may be pseudonymised by the caller before building).</param>
/// <param name="Kind">Node kind, or null for imported networks that do not type their nodes.</param>
/// <param name="Roles">Roles over all dossiers the node appears in (union of <paramref name="DossierRoles"/>).</param>
/// <param name="Cuttable">True when a barrier can be raised at this node (a legal facilitator): only such nodes may
/// appear in a minimum vertex cut.</param>
/// <param name="DossierRoles">Role per dossier key; roles are per dossier, not per person.</param>
/// <param name="Tags">Free tags, e.g. barrier phase or barrier owner.</param>
/// <param name="Properties">Anything a visibility predicate needs (partner, handling code); opaque to algorithms.</param>
public sealed record SnapshotNode(
    string Key,
    string Label,
    NodeKind? Kind = null,
    NodeRole Roles = NodeRole.None,
    bool Cuttable = false,
    IReadOnlyDictionary<string, NodeRole>? DossierRoles = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Properties = null)
{
    /// <summary>The role in one dossier, or the union over all dossiers when <paramref name="dossier"/> is null.</summary>
    public NodeRole RoleIn(string? dossier) =>
        dossier is null ? Roles
        : DossierRoles is not null && DossierRoles.TryGetValue(dossier, out var r) ? r
        : NodeRole.None;

    /// <summary>True when the node belongs to dossier <paramref name="dossier"/>.</summary>
    public bool InDossier(string dossier) => DossierRoles is not null && DossierRoles.ContainsKey(dossier);
}

/// <summary>
/// A stored, directed edge of a <see cref="GraphSnapshot"/> (source → target as recorded; whether direction matters is
/// <see cref="RelationTypeInfo.Directed"/>). Validity dates are inclusive; null means open-ended. <c>Index</c> is the
/// edge's index in the snapshot it was read from, so a caller can look up what it keeps beside the snapshot (e.g. the
/// edge's provenance for a visibility rule).
/// </summary>
public readonly record struct SnapshotEdge(
    int Source,
    int Target,
    RelationType Type,
    double Weight,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int Index = -1);
