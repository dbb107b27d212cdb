using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Centrality;

/// <summary>Which arcs a degree counts.</summary>
public enum DegreeMode
{
    /// <summary>Arcs out of the vertex (all neighbours on an undirected graph).</summary>
    Out,
    /// <summary>Arcs into the vertex.</summary>
    In,
    /// <summary>In + out.</summary>
    Total,
}

/// <summary>Degree centrality.</summary>
/// <remarks>
/// <b>Definition.</b> The number of arcs (or, weighted, the sum of their weights: "strength") at a vertex.
/// <b>Normalisation.</b> Raw; <c>normalized</c> divides by n-1 (networkx <c>degree_centrality</c>).
/// <b>Direction.</b> Out uses <see cref="GraphSnapshot.Out"/>, In <see cref="GraphSnapshot.In"/>, Total both; on
/// the undirected view every mode is the plain degree. <b>Complexity.</b> O(n + m). <b>Reference.</b>
/// L. C. Freeman, "Centrality in social networks: conceptual clarification", Social Networks 1, 1979.
/// </remarks>
public static class Degree
{
    /// <summary>Degree (or strength) of every vertex of one CSR graph.</summary>
    public static NodeScores Compute(CsrGraph g, bool weighted = false, bool normalized = false)
    {
        ArgumentNullException.ThrowIfNull(g);
        int n = g.NodeCount;
        var d = new double[n];
        for (int v = 0; v < n; v++)
        {
            if (!weighted) d[v] = g.Degree(v);
            else foreach (var w in g.NeighborWeights(v)) d[v] += w;
            if (normalized && n > 1) d[v] /= n - 1;
        }
        return NodeScores.Wrap(d);
    }

    /// <summary>In-, out- or total degree on a snapshot's stored (directed, multi-) edges.</summary>
    public static NodeScores Compute(GraphSnapshot snapshot, DegreeMode mode, bool weighted = false, bool normalized = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (mode == DegreeMode.Out) return Compute(snapshot.Out, weighted, normalized);
        if (mode == DegreeMode.In) return Compute(snapshot.In, weighted, normalized);
        var a = Compute(snapshot.Out, weighted, normalized).Values;
        var b = Compute(snapshot.In, weighted, normalized).Values;
        return NodeScores.Wrap(a.Zip(b, (x, y) => x + y).ToArray());
    }
}
