using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>
/// What one user sees of the current store graph: their visible snapshot, the dossiers they may read, and how each node
/// is labelled for them (victims pseudonymised outside the team of every dossier in which they are a victim).
/// </summary>
public sealed class ViewerScope
{
    private readonly Lazy<GraphSnapshot> _visible;

    private ViewerScope(Actor actor, StoreGraph graph, SnapshotFilter? narrow)
    {
        Actor = actor;
        Graph = graph;
        Access = ViewerAccess.For(graph, actor);
        // Cut out only when asked for: a whole-store filter is O(n + m), which local reads (expand) do not need.
        _visible = new(() => GraphSnapshotService.VisibleTo(graph, Access, narrow));
    }

    public Actor Actor { get; }
    public StoreGraph Graph { get; }

    /// <summary>The access rules as predicates on the root snapshot (<see cref="StoreGraph.Snapshot"/>).</summary>
    public ViewerAccess Access { get; }

    /// <summary>The user's visible part of the snapshot (built on first use, O(n + m)).</summary>
    public GraphSnapshot Visible => _visible.Value;

    public IReadOnlySet<string> ReadableDossiers => Access.ReadableDossiers;

    public static ViewerScope For(Actor actor, StoreGraph graph, SnapshotFilter? narrow = null) => new(actor, graph, narrow);

    public bool InTeam(SnapshotNode node) => Access.InTeam(node);

    /// <summary>
    /// The one answer to "may this user see entity <paramref name="id"/>?", as <c>/api/nodes/{id}</c> gives it: true,
    /// with the node, when it is in the user's network; false both for a hidden and for an unknown id.
    /// </summary>
    public bool Sees(NodeId id, out SnapshotNode node)
    {
        node = default!;
        if (Graph.Snapshot.IndexOf(id.ToString()) is not { } v || !Access.NodeVisible(v)) return false;
        node = Graph.Snapshot.Node(v);
        return true;
    }

    /// <summary>The entity's label for this user (pseudonym for a victim outside the team), or null when not visible.</summary>
    public string? LabelOf(NodeId id) => Sees(id, out var node) ? Label(node) : null;

    public bool IsPseudonymised(SnapshotNode node)
    {
        if (AccessPolicy.SeesAllDossiers(Actor) || node.DossierRoles is null) return false;
        var victimIn = node.DossierRoles.Where(r => (r.Value & NodeRole.Victim) != 0).Select(r => r.Key).ToList();
        return victimIn.Count > 0 && AccessPolicy.ShowVictimPseudonymised(Actor, victimIn.Any(ReadableDossiers.Contains));
    }

    public string Label(SnapshotNode node) =>
        IsPseudonymised(node) && Guid.TryParse(node.Key, out var id) ? AccessPolicy.VictimPseudonym(new NodeId(id)) : node.Label;

    /// <summary>The node's role over the dossiers this user may read.</summary>
    public NodeRole RoleFor(SnapshotNode node) =>
        node.DossierRoles is null ? NodeRole.None
        : node.DossierRoles.Where(r => AccessPolicy.SeesAllDossiers(Actor) || ReadableDossiers.Contains(r.Key)).Aggregate(NodeRole.None, (a, r) => a | r.Value);

    public static string RoleName(NodeRole role) =>
        (role & NodeRole.Perpetrator) != 0 ? "perpetrator"
        : (role & NodeRole.Victim) != 0 ? "victim"
        : (role & NodeRole.Facilitator) != 0 ? "facilitator"
        : role == NodeRole.None ? "unknown" : "other";
}
