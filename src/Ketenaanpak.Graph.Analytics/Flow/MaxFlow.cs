using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Flow;

/// <summary>Maximum flow between two vertices with edge capacities.</summary>
/// <remarks>
/// <b>Definition.</b> The largest s–t flow respecting capacities; equals the minimum total capacity of an edge cut
/// (Ford–Fulkerson). <b>Capacities.</b> Edge weights, or 1 per edge with <c>unitCapacities</c> (peers.py's
/// <c>maxflow</c>: then the value is the number of edge-disjoint paths). <b>Direction.</b> An undirected edge carries
/// flow either way up to its capacity (networkx's convention for undirected graphs); directed arcs one way.
/// <b>Complexity.</b> Dinic, O(n²m), O(m·sqrt(m)) with unit capacities. <b>Reference.</b> E. A. Dinic, 1970.
/// Weights are rounded to whole units (capacities are counts of ties, meetings or calls).
/// </remarks>
public static class MaxFlow
{
    /// <summary>Maximum flow value from <paramref name="s"/> to <paramref name="t"/>.</summary>
    public static long Value(CsrGraph g, int s, int t, bool unitCapacities = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        if ((uint)s >= (uint)g.NodeCount || (uint)t >= (uint)g.NodeCount) throw new ArgumentOutOfRangeException(nameof(s));
        if (s == t) throw new ArgumentException("Source and sink must differ.", nameof(t));
        var net = new Dinic(g.NodeCount, 2 * g.EdgeCount);
        for (int e = 0; e < g.EdgeCount; e++)
        {
            var (u, v) = g.Edge(e);
            long c = unitCapacities ? 1 : (long)Math.Round(g.Weight(e));
            net.AddArc(u, v, c, g.IsDirected ? 0 : c);
        }
        return net.MaxFlow(s, t, ct);
    }
}
