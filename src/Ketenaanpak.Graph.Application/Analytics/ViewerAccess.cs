using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;

namespace Ketenaanpak.Graph.Application.Analytics;

/// <summary>
/// The access rules of one user over the whole <see cref="StoreGraph"/>, as predicates on the root snapshot's node and
/// edge ids. <see cref="GraphSnapshotService.VisibleTo(StoreGraph, Actor, SnapshotFilter?)"/> applies them to every
/// node and edge (O(n + m)); local reads such as an expand apply them only to the nodes and edges they touch, so their
/// cost follows the size of the answer, not of the store — with exactly the same outcome.
/// </summary>
public sealed class ViewerAccess
{
    private readonly StoreGraph _graph;
    private readonly Actor _actor;
    private readonly bool _mayRead;
    private readonly bool _seesAll;

    private ViewerAccess(StoreGraph graph, Actor actor)
    {
        _graph = graph;
        _actor = actor;
        _mayRead = AccessPolicy.MayReadNetwork(actor);
        _seesAll = AccessPolicy.SeesAllDossiers(actor);
        ReadableDossiers = graph.ReadableDossiers(actor);
        Profile = new AccessProfile(actor.IsSystem, actor.Role, actor.PartnerId, actor.PartnerKind, actor.IsCovenantPartner,
            string.Join('\n', ReadableDossiers.Order(StringComparer.Ordinal)));
    }

    /// <summary>Everything of the user these rules read: two users with the same profile see exactly the same network,
    /// so per-node answers (a visible degree) can be shared between them for the same store graph.</summary>
    public AccessProfile Profile { get; }

    public static ViewerAccess For(StoreGraph graph, Actor actor) => new(graph, actor);

    public IReadOnlySet<string> ReadableDossiers { get; }

    /// <summary>Whether the user is in the team of one of the node's dossiers.</summary>
    public bool InTeam(SnapshotNode node) => node.DossierRoles is { } roles && roles.Keys.Any(ReadableDossiers.Contains);

    /// <summary>Whether node <paramref name="v"/> (a root snapshot id) is in the user's network.</summary>
    public bool NodeVisible(int v) => _mayRead && NodeVisible(_graph.Snapshot.Node(v), v);

    private bool NodeVisible(SnapshotNode node, int v)
    {
        var tag = _graph.NodeFacts[v];
        var inTeam = InTeam(node);
        // Outside the RIEC a user's network is their dossiers plus what their own organisation reported.
        if (!_seesAll && !inTeam && tag.Partner != _actor.PartnerId) return false;
        return AccessPolicy.ForFact(_actor, tag.AsProvenance(), inTeam) == FactAccess.Readable;
    }

    /// <summary>Node visibility for a node of the root snapshot given as a record (what <see cref="SnapshotFilter"/> passes).</summary>
    public bool NodeVisible(SnapshotNode node) => _mayRead && NodeVisible(node, _graph.Snapshot.IndexOf(node.Key)!.Value);

    /// <summary>Whether stored edge <paramref name="e"/> of the root snapshot may be read, its end nodes apart.</summary>
    public bool EdgeReadable(int e, SnapshotNode source, SnapshotNode target) =>
        FactReadable(_graph.EdgeFacts[e].AsProvenance(), InTeam(source) || InTeam(target));

    /// <summary>Whether one fact (a statement, a relation) may be read in full by the user.</summary>
    /// <param name="inTeam">Whether the user is in the team of a dossier of the node(s) the fact is about.</param>
    public bool FactReadable(Domain.Provenance.Provenance fact, bool inTeam) =>
        _mayRead && AccessPolicy.ForFact(_actor, fact, inTeam) == FactAccess.Readable;

    /// <summary>Whether stored edge <paramref name="e"/> of the root snapshot is in the user's network: itself and both ends readable.</summary>
    public bool EdgeVisible(int e)
    {
        var edge = _graph.Snapshot.Edge(e);
        var snapshot = _graph.Snapshot;
        return NodeVisible(edge.Source) && NodeVisible(edge.Target) && EdgeReadable(e, snapshot.Node(edge.Source), snapshot.Node(edge.Target));
    }
}

/// <summary>The parts of an <see cref="Actor"/> that <see cref="AccessPolicy"/> reads for network visibility (everything
/// but the user's id and name; the municipality only through the readable dossiers), plus those dossiers' keys.</summary>
public readonly record struct AccessProfile(bool IsSystem, string Role, PartnerId Partner, PartnerKind Kind, bool IsCovenantPartner, string ReadableDossiers);
