using Ketenaanpak.Graph.Analytics.Paths;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// Paths on the user's visible snapshot: the shortest and the k shortest loopless paths between two nodes (Yen), and
/// the pairs whose shortest paths run through a node. Hop counts, undirected: "how are these two connected".
/// </summary>
public sealed class ExplorerPaths(GraphSnapshotService snapshots, ExplorerElements elements, IAuditLog audit)
{
    public const int MaxK = 10;
    public const int MaxTop = 25;
    public const int CentralRadius = 3;
    public const int CentralMaxVertices = 300;

    public async Task<PathsDto?> BetweenAsync(Actor actor, NodeId from, NodeId to, int k, CancellationToken ct = default)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        var view = scope.Visible;
        if (view.IndexOf(from.ToString()) is not { } s || view.IndexOf(to.ToString()) is not { } t) return null;
        var found = PathFinder.KShortestPaths(view.Undirected, s, t, k);
        var vertices = found.SelectMany(p => p.Vertices).ToHashSet();
        var graph = await elements.BuildAsync(scope, vertices, 0, ct: ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Analysis, "Netwerk", from.ToString(),
            $"paden naar {to}: {found.Count} van de {k} gevraagd", null), ct);
        return new PathsDto(from.ToString(), to.ToString(), found.Select(p => ToDto(view, p.Vertices, graph)).ToList(), graph);
    }

    public async Task<CentralPathsDto?> ThroughAsync(Actor actor, NodeId id, int top, CancellationToken ct = default)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        var view = scope.Visible;
        if (view.IndexOf(id.ToString()) is not { } v) return null;
        var result = ThroughPaths.Compute(view.Undirected, v, CentralRadius, CentralMaxVertices, top, ct);
        var vertices = result.Pairs.SelectMany(p => p.Example).Append(v).ToHashSet();
        var graph = await elements.BuildAsync(scope, vertices, 0, ct: ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Analysis, "Netwerk", id.ToString(),
            $"waarom centraal: {result.Pairs.Count} paren binnen {CentralRadius} stappen", null), ct);
        return new CentralPathsDto(id.ToString(), CentralRadius, result.NeighbourhoodSize, result.Betweenness,
            result.Pairs.Select(p => new CentralPathDto(view.Node(p.Source).Key, scope.Label(view.Node(p.Source)), view.Node(p.Target).Key,
                scope.Label(view.Node(p.Target)), p.Share, ToDto(view, p.Example, graph))).ToList(), graph);
    }

    private static PathDto ToDto(Ketenaanpak.Graph.Analytics.Snapshot.GraphSnapshot view, IReadOnlyList<int> path, ExplorerGraphDto graph)
    {
        var keys = path.Select(v => view.Node(v).Key).ToList();
        var edges = new List<string>();
        for (var i = 0; i + 1 < keys.Count; i++)
        {
            var (a, b) = (keys[i], keys[i + 1]);
            var edge = graph.Edges.FirstOrDefault(e => (e.Data.Source == a && e.Data.Target == b) || (e.Data.Source == b && e.Data.Target == a));
            if (edge is not null) edges.Add(edge.Data.Id);
        }
        return new PathDto(keys, edges, keys.Count - 1);
    }
}
