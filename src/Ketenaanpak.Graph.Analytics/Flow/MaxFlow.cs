using Ketenaanpak.Graph.Analytics.Snapshot;
using QuikGraph;
using QuikGraph.Algorithms.MaximumFlow;

namespace Ketenaanpak.Graph.Analytics.Flow;

/// <summary>Which max-flow implementation <see cref="MaxFlow.Value"/> uses.</summary>
public enum MaxFlowMethod
{
    /// <summary>QuikGraph's Edmonds–Karp up to <see cref="MaxFlow.SmallGraphEdges"/> edges, Dinic above.</summary>
    Auto,
    /// <summary>QuikGraph's Edmonds–Karp (object graph; fine for small networks, slow on large ones).</summary>
    EdmondsKarp,
    /// <summary>Dinic's blocking flows over flat arc arrays.</summary>
    Dinic,
}

/// <summary>Maximum flow between two vertices with edge capacities.</summary>
/// <remarks>
/// <b>Definition.</b> The largest s–t flow respecting capacities; equals the minimum total capacity of an edge cut
/// (Ford–Fulkerson). <b>Capacities.</b> Edge weights, or 1 per edge with <c>unitCapacities</c> (peers.py's
/// <c>maxflow</c>: then the value is the number of edge-disjoint paths). <b>Direction.</b> An undirected edge carries
/// flow either way up to its capacity (networkx's convention for undirected graphs); directed arcs one way.
/// <b>Complexity.</b> Edmonds–Karp O(n·m²) (QuikGraph; used on small graphs), Dinic O(n²m), O(m·sqrt(m)) with unit
/// capacities. <b>References.</b> J. Edmonds and R. M. Karp, JACM 19(2), 1972; E. A. Dinic, 1970.
/// Weights are rounded to whole units (capacities are counts of ties, meetings or calls).
/// </remarks>
public static class MaxFlow
{
    /// <summary>Edge count up to which <see cref="MaxFlowMethod.Auto"/> uses QuikGraph's Edmonds–Karp.</summary>
    public const int SmallGraphEdges = 2_000;

    /// <summary>Maximum flow value from <paramref name="s"/> to <paramref name="t"/>.</summary>
    public static long Value(CsrGraph g, int s, int t, bool unitCapacities = true, MaxFlowMethod method = MaxFlowMethod.Auto,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        if ((uint)s >= (uint)g.NodeCount || (uint)t >= (uint)g.NodeCount) throw new ArgumentOutOfRangeException(nameof(s));
        if (s == t) throw new ArgumentException("Source and sink must differ.", nameof(t));
        if (method == MaxFlowMethod.EdmondsKarp || (method == MaxFlowMethod.Auto && g.EdgeCount <= SmallGraphEdges))
            return EdmondsKarp(g, s, t, unitCapacities);
        var net = new Dinic(g.NodeCount, 2 * g.EdgeCount);
        for (int e = 0; e < g.EdgeCount; e++)
        {
            var (u, v) = g.Edge(e);
            long c = Capacity(g, e, unitCapacities);
            net.AddArc(u, v, c, g.IsDirected ? 0 : c);
        }
        return net.MaxFlow(s, t, ct);
    }

    private static long EdmondsKarp(CsrGraph g, int s, int t, bool unitCapacities)
    {
        var graph = new AdjacencyGraph<int, TaggedEdge<int, double>>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, g.NodeCount));
        for (int e = 0; e < g.EdgeCount; e++)
        {
            var (u, v) = g.Edge(e);
            double c = Capacity(g, e, unitCapacities);
            graph.AddEdge(new TaggedEdge<int, double>(u, v, c));
            if (!g.IsDirected) graph.AddEdge(new TaggedEdge<int, double>(v, u, c));
        }
        EdgeFactory<int, TaggedEdge<int, double>> factory = (a, b) => new TaggedEdge<int, double>(a, b, 0);
        // Reversed edges carry the residual flow; for an undirected edge both directions already exist with capacity
        // c, and the augmentor pairs each with a zero-capacity twin, which is the standard construction.
        var augmentor = new ReversedEdgeAugmentorAlgorithm<int, TaggedEdge<int, double>>(graph, factory);
        augmentor.AddReversedEdges();
        var flow = new EdmondsKarpMaximumFlowAlgorithm<int, TaggedEdge<int, double>>(graph, e => e.Tag, factory, augmentor);
        flow.Compute(s, t);
        augmentor.RemoveReversedEdges();
        return (long)Math.Round(flow.MaxFlow);
    }

    private static long Capacity(CsrGraph g, int e, bool unit) => unit ? 1 : (long)Math.Round(g.Weight(e));
}
