using System.Runtime.CompilerServices;

namespace Ketenaanpak.Graph.Analytics.Snapshot;

/// <summary>
/// An immutable adjacency structure in compressed sparse row (CSR) form over dense int vertex ids 0..n-1: the arcs of
/// vertex v are <c>Targets[Offsets[v]..Offsets[v+1])</c>, sorted by target. This is what every algorithm runs on.
/// </summary>
/// <remarks>
/// Undirected graphs store each edge as two arcs (u→v and v→u) that share one edge id; <see cref="EdgeCount"/> counts
/// edges, not arcs. A graph built with <see cref="FromEdges"/> in undirected mode is simple: self-loops are dropped and
/// parallel or reversed pairs are merged into one edge whose weight is the sum of theirs (the CAVIAR rule).
/// Directed graphs keep parallel arcs as given. Memory: (n+1)·4 + arcs·16 + edges·16 bytes.
/// </remarks>
public sealed class CsrGraph
{
    internal readonly int[] Offsets;
    internal readonly int[] Targets;
    internal readonly double[] ArcWeights;
    internal readonly int[] ArcEdge;
    internal readonly int[] EdgeU;
    internal readonly int[] EdgeV;
    internal readonly double[] EdgeWeight;

    internal CsrGraph(int n, bool directed, int[] offsets, int[] targets, double[] arcWeights, int[] arcEdge,
        int[] edgeU, int[] edgeV, double[] edgeWeight)
    {
        NodeCount = n;
        IsDirected = directed;
        Offsets = offsets;
        Targets = targets;
        ArcWeights = arcWeights;
        ArcEdge = arcEdge;
        EdgeU = edgeU;
        EdgeV = edgeV;
        EdgeWeight = edgeWeight;
        IsUnitWeight = Array.TrueForAll(edgeWeight, w => w == 1.0);
    }

    /// <summary>Number of vertices n.</summary>
    public int NodeCount { get; }

    /// <summary>Number of edges m (an undirected edge counts once).</summary>
    public int EdgeCount => EdgeU.Length;

    /// <summary>Number of arcs: m for directed graphs, 2m for undirected ones.</summary>
    public int ArcCount => Targets.Length;

    /// <summary>True when arcs carry direction; false when each edge is stored in both directions.</summary>
    public bool IsDirected { get; }

    /// <summary>True when every edge weight is exactly 1.</summary>
    public bool IsUnitWeight { get; }

    /// <summary>Out-neighbours of <paramref name="v"/> (all neighbours when undirected), ascending.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Neighbors(int v) => new(Targets, Offsets[v], Offsets[v + 1] - Offsets[v]);

    /// <summary>Weights of the arcs of <paramref name="v"/>, aligned with <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<double> NeighborWeights(int v) => new(ArcWeights, Offsets[v], Offsets[v + 1] - Offsets[v]);

    /// <summary>Edge ids of the arcs of <paramref name="v"/>, aligned with <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<int> NeighborEdges(int v) => new(ArcEdge, Offsets[v], Offsets[v + 1] - Offsets[v]);

    /// <summary>Number of arcs leaving <paramref name="v"/> (its degree when undirected).</summary>
    public int Degree(int v) => Offsets[v + 1] - Offsets[v];

    /// <summary>Endpoints of edge <paramref name="e"/>; for undirected graphs <c>U &lt; V</c>.</summary>
    public (int U, int V) Edge(int e) => (EdgeU[e], EdgeV[e]);

    /// <summary>Weight of edge <paramref name="e"/>.</summary>
    public double Weight(int e) => EdgeWeight[e];

    /// <summary>
    /// Builds a CSR graph from edge arrays. Undirected: self-loops dropped, duplicate and reversed pairs merged with
    /// weights summed, edge ids in (min, max) order. Directed: arcs kept as given (self-loops dropped). O(m log m).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static CsrGraph FromEdges(int n, ReadOnlySpan<int> u, ReadOnlySpan<int> v, ReadOnlySpan<double> weights,
        bool directed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (u.Length != v.Length || (!weights.IsEmpty && weights.Length != u.Length))
            throw new ArgumentException("Edge arrays differ in length.");
        // Bucket edges by their first endpoint (counting sort), then sort each short bucket by the second: O(m + Σ d
        // log d) instead of one O(m log m) sort of the whole list, and the buckets come out in (u, v) order.
        var count = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < u.Length; i++)
        {
            int a = u[i], b = v[i];
            if ((uint)a >= (uint)n || (uint)b >= (uint)n)
                throw new ArgumentOutOfRangeException(nameof(u), $"Edge {i} ({a},{b}) has an endpoint outside 0..{n - 1}.");
            if (a == b) continue;
            count[(directed || a < b ? a : b) + 1]++;
            kept++;
        }
        for (int i = 0; i < n; i++) count[i + 1] += count[i];
        var fill = count.AsSpan(0, n).ToArray();
        var second = new int[kept];
        var wts = new double[kept];
        for (int i = 0; i < u.Length; i++)
        {
            int a = u[i], b = v[i];
            if (a == b) continue;
            if (!directed && a > b) (a, b) = (b, a);
            int p = fill[a]++;
            second[p] = b;
            wts[p] = weights.IsEmpty ? 1.0 : weights[i];
        }
        var eu = new int[kept];
        var ev = new int[kept];
        var ew = new double[kept];
        int m = 0;
        for (int a = 0; a < n; a++)
        {
            int start = count[a], len = count[a + 1] - start;
            if (len == 0) continue;
            if (len > 1) Array.Sort(second, wts, start, len);
            for (int p = start; p < start + len; p++)
            {
                if (!directed && m > 0 && eu[m - 1] == a && ev[m - 1] == second[p])
                {
                    ew[m - 1] += wts[p]; // parallel or reversed pair: one undirected edge, weights summed
                    continue;
                }
                eu[m] = a; ev[m] = second[p]; ew[m] = wts[p];
                m++;
            }
        }
        if (m < kept)
        {
            Array.Resize(ref eu, m);
            Array.Resize(ref ev, m);
            Array.Resize(ref ew, m);
        }
        return Build(n, directed, eu, ev, ew);
    }

    /// <summary>Builds from edges already simple and ordered by (u, v) (u &lt; v when undirected).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static CsrGraph Build(int n, bool directed, int[] eu, int[] ev, double[] ew)
    {
        int m = eu.Length;
        var offsets = new int[n + 1];
        for (int e = 0; e < m; e++)
        {
            offsets[eu[e] + 1]++;
            if (!directed) offsets[ev[e] + 1]++;
        }
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        int arcs = offsets[n];
        var targets = new int[arcs];
        var aw = new double[arcs];
        var ae = new int[arcs];
        var fill = offsets.AsSpan(0, n).ToArray();
        // Edges arrive sorted by (u, v): arcs v→u (u < v) land before arcs v→w (w > v), both ascending.
        for (int e = 0; e < m; e++)
        {
            int a = eu[e], b = ev[e];
            int p = fill[a]++;
            targets[p] = b; aw[p] = ew[e]; ae[p] = e;
            if (!directed)
            {
                p = fill[b]++;
                targets[p] = a; aw[p] = ew[e]; ae[p] = e;
            }
        }
        return new CsrGraph(n, directed, offsets, targets, aw, ae, eu, ev, ew);
    }

    /// <summary>
    /// The same vertex ids with every edge touching a vertex in <paramref name="removed"/> left out (those vertices
    /// become isolated). Used by what-if analyses. O(n + m).
    /// </summary>
    public CsrGraph WithoutNodes(ReadOnlySpan<bool> removed)
    {
        var eu = new List<int>(EdgeCount);
        var ev = new List<int>(EdgeCount);
        var ew = new List<double>(EdgeCount);
        for (int e = 0; e < EdgeCount; e++)
        {
            if (removed[EdgeU[e]] || removed[EdgeV[e]]) continue;
            eu.Add(EdgeU[e]); ev.Add(EdgeV[e]); ew.Add(EdgeWeight[e]);
        }
        return Build(NodeCount, IsDirected, eu.ToArray(), ev.ToArray(), ew.ToArray());
    }

    /// <summary>This graph with every weight replaced by 1 (for unweighted measures on weighted data).</summary>
    public CsrGraph Unweighted()
    {
        if (IsUnitWeight) return this;
        var ones = new double[EdgeCount];
        Array.Fill(ones, 1.0);
        return Build(NodeCount, IsDirected, EdgeU, EdgeV, ones);
    }
}
