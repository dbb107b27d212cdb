using System.Collections.Immutable;
using Ketenaanpak.Graph.Analytics.Internal;
using Ketenaanpak.Graph.Analytics.Snapshot;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace Ketenaanpak.Graph.Analytics.Paths;

/// <summary>A path as a vertex sequence with its length (hops, or total weight for weighted searches).</summary>
public sealed record GraphPath(ImmutableArray<int> Vertices, double Length);

/// <summary>A k-hop neighbourhood: vertices in BFS order with their hop distance; <see cref="Truncated"/> when a cap
/// stopped the search early (so callers can say "more than N").</summary>
public sealed record Neighbourhood(ImmutableArray<int> Vertices, ImmutableArray<int> Distances, bool Truncated);

/// <summary>Options for <see cref="PathFinder.SimplePaths"/>.</summary>
/// <param name="MaxDepth">Maximum number of edges in a path.</param>
/// <param name="MaxPaths">Stop after this many paths (the count can be exponential).</param>
public sealed record SimplePathOptions(int MaxDepth = 4, int MaxPaths = 1000);

/// <summary>
/// Neighbourhoods and paths between vertices: the explorer's "who is within two steps" and "how are these two
/// connected".
/// </summary>
/// <remarks>
/// <b>Direction.</b> Arcs of the given graph (undirected views go both ways). <b>Complexity.</b> k-hop: O(size of the
/// neighbourhood's arcs), bounded by the caps; BFS path O(n + m); Dijkstra O(m log n); Yen's k shortest loopless
/// paths (QuikGraph) O(k·n·(m + n log n)); simple paths O(paths · depth) up to the caps.
/// <b>References.</b> E. W. Dijkstra, Numer. Math. 1, 1959; J. Y. Yen, Management Science 17(11), 1971.
/// </remarks>
public static class PathFinder
{
    /// <summary>Vertices within <paramref name="hops"/> of <paramref name="start"/>, at most <paramref name="maxVertices"/>,
    /// scanning at most <paramref name="maxArcs"/> arcs (protects requests from hubs with huge degree).</summary>
    public static Neighbourhood KHop(CsrGraph g, int start, int hops, int maxVertices = 10_000, int maxArcs = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(g);
        var dist = new Dictionary<int, int> { [start] = 0 };
        var order = new List<int> { start };
        int head = 0, arcs = 0;
        bool truncated = false;
        while (head < order.Count && !truncated)
        {
            int v = order[head++];
            int d = dist[v];
            if (d == hops) continue;
            foreach (var w in g.Neighbors(v))
            {
                if (++arcs > maxArcs) { truncated = true; break; }
                if (dist.ContainsKey(w)) continue;
                if (order.Count >= maxVertices) { truncated = true; break; }
                dist[w] = d + 1;
                order.Add(w);
            }
        }
        return new Neighbourhood([.. order], [.. order.Select(v => dist[v])], truncated);
    }

    /// <summary>One shortest path by hop count (BFS), or null when unreachable.</summary>
    public static GraphPath? ShortestPath(CsrGraph g, int source, int target)
    {
        ArgumentNullException.ThrowIfNull(g);
        var parent = new int[g.NodeCount];
        Array.Fill(parent, -2);
        parent[source] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            if (v == target) break;
            foreach (var w in g.Neighbors(v))
            {
                if (parent[w] != -2) continue;
                parent[w] = v;
                queue.Enqueue(w);
            }
        }
        return parent[target] == -2 ? null : Trace(parent, target, len => len - 1);
    }

    /// <summary>One shortest path by total weight (Dijkstra; weights must be positive), or null when unreachable.</summary>
    public static GraphPath? WeightedShortestPath(CsrGraph g, int source, int target)
    {
        ArgumentNullException.ThrowIfNull(g);
        var d = new Dijkstra(g.NodeCount);
        d.Run(g, source, target);
        if (double.IsPositiveInfinity(d.Dist[target])) return null;
        double length = d.Dist[target];
        return Trace(d.Parent, target, _ => length);
    }

    /// <summary>Up to <paramref name="k"/> shortest loopless paths in order of length (Yen, via QuikGraph).</summary>
    public static IReadOnlyList<GraphPath> KShortestPaths(CsrGraph g, int source, int target, int k, bool weighted = false)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (source == target) return [new GraphPath([source], 0)];
        var qg = new AdjacencyGraph<int, EquatableTaggedEdge<int, double>>(allowParallelEdges: false);
        qg.AddVertexRange(Enumerable.Range(0, g.NodeCount));
        for (int v = 0; v < g.NodeCount; v++)
        {
            var nb = g.Neighbors(v);
            var wt = g.NeighborWeights(v);
            for (int i = 0; i < nb.Length; i++)
                qg.AddEdge(new EquatableTaggedEdge<int, double>(v, nb[i], weighted ? wt[i] : 1.0));
        }
        var yen = new YenShortestPathsAlgorithm<int>(qg, source, target, k, e => e.Tag);
        try
        {
            return yen.Execute()
                .Select(p => p.ToArray())
                .Select(edges => new GraphPath([source, .. edges.Select(e => e.Target)], edges.Sum(e => e.Tag)))
                .ToArray();
        }
        catch (NoPathFoundException)
        {
            return [];
        }
    }

    /// <summary>All simple paths from <paramref name="source"/> to <paramref name="target"/> with at most
    /// <see cref="SimplePathOptions.MaxDepth"/> edges (depth-first, capped at <see cref="SimplePathOptions.MaxPaths"/>).</summary>
    public static IReadOnlyList<GraphPath> SimplePaths(CsrGraph g, int source, int target, SimplePathOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        var o = options ?? new SimplePathOptions();
        var result = new List<GraphPath>();
        var onPath = new HashSet<int> { source };
        var path = new List<int> { source };
        Walk(source);
        return result;

        void Walk(int v)
        {
            if (result.Count >= o.MaxPaths) return;
            ct.ThrowIfCancellationRequested();
            foreach (var w in g.Neighbors(v))
            {
                if (result.Count >= o.MaxPaths) return;
                if (onPath.Contains(w)) continue;
                if (w == target)
                {
                    result.Add(new GraphPath([.. path, w], path.Count));
                    if (result.Count >= o.MaxPaths) return;
                    continue;
                }
                if (path.Count >= o.MaxDepth) continue;
                onPath.Add(w);
                path.Add(w);
                Walk(w);
                path.RemoveAt(path.Count - 1);
                onPath.Remove(w);
            }
        }
    }

    private static GraphPath Trace(int[] parent, int target, Func<int, double> length)
    {
        var list = new List<int>();
        for (int x = target; x >= 0; x = parent[x]) list.Add(x);
        list.Reverse();
        return new GraphPath([.. list], length(list.Count));
    }
}
