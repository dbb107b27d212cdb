using Ketenaanpak.Graph.Analytics.Internal;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Centrality;

/// <summary>Options for <see cref="Betweenness"/>.</summary>
/// <param name="Normalized">Divide by the number of pairs: 1/((n-1)(n-2)) for vertices, 1/(n(n-1)) for edges
/// (networkx's convention, which for undirected graphs does not halve first).</param>
/// <param name="Weighted">Use edge weights as lengths (Dijkstra); weights must be positive. Otherwise hop counts.</param>
/// <param name="MaxDegreeOfParallelism">Threads over sources; 0 or less = all cores.</param>
public sealed record BetweennessOptions(bool Normalized = false, bool Weighted = false, int MaxDegreeOfParallelism = 0);

/// <summary>
/// Shortest-path betweenness centrality of vertices and edges, exact (Brandes) or estimated from sampled sources.
/// </summary>
/// <remarks>
/// <para><b>Definition.</b> c_B(v) = Σ_{s≠v≠t} σ(s,t|v)/σ(s,t), where σ(s,t) is the number of shortest s–t paths and
/// σ(s,t|v) the number of those passing through v. Edge betweenness sums σ(s,t|e)/σ(s,t) over all pairs.</para>
/// <para><b>Normalisation</b> (identical to networkx <c>betweenness_centrality</c> / <c>edge_betweenness_centrality</c>
/// and, unnormalised, to igraph <c>betweenness</c>): raw values on undirected graphs count each unordered pair once
/// (sums over ordered pairs halved); with <c>Normalized</c> the ordered-pair sum is divided by (n-1)(n-2) for vertices
/// and n(n-1) for edges.</para>
/// <para><b>Direction.</b> On a directed <see cref="CsrGraph"/> paths follow arc direction and pairs are ordered; on an
/// undirected one (e.g. <see cref="GraphSnapshot.Undirected"/>) arcs go both ways.</para>
/// <para><b>Complexity.</b> O(nm) time unweighted, O(nm + n² log n) weighted; O(n + m) memory per thread. Sources are
/// spread over threads; each thread owns one workspace.</para>
/// <para><b>Sampling.</b> <see cref="ComputeSampled"/> runs the same accumulation from k sources drawn uniformly without
/// replacement and scales by n/k (Brandes &amp; Pich 2007). The estimate is unbiased; its standard error for a vertex is
/// about sqrt(n/k · Var_s δ_s(v)) ≤ (n-2)·n/(2·sqrt(k)) in raw units, i.e. relative error ~ 1/sqrt(k) for vertices whose
/// dependency is spread evenly over sources and larger for vertices that matter to few sources; k = n gives the exact
/// value.</para>
/// <para><b>References.</b> U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001;
/// U. Brandes, "On variants of shortest-path betweenness centrality and their generic computation", Social Networks
/// 30(2), 2008; U. Brandes and C. Pich, "Centrality estimation in large networks", IJBC 17(7), 2007.</para>
/// </remarks>
public static class Betweenness
{
    /// <summary>Exact vertex betweenness of <paramref name="g"/>. Cancellable; reports progress in [0,1].</summary>
    public static NodeScores Compute(CsrGraph g, BetweennessOptions? options = null, CancellationToken ct = default,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        var o = options ?? new BetweennessOptions();
        var sources = Enumerable.Range(0, g.NodeCount).ToArray();
        var raw = RunNodes(g, o, sources, ct, progress);
        Rescale(raw, g.NodeCount, o.Normalized, g.IsDirected, k: null);
        return NodeScores.Wrap(raw);
    }

    /// <summary>Exact vertex betweenness on the snapshot's undirected view.</summary>
    public static NodeScores Compute(GraphSnapshot snapshot, BetweennessOptions? options = null,
        CancellationToken ct = default, IProgress<double>? progress = null) =>
        Compute(snapshot.Undirected, options, ct, progress);

    /// <summary>
    /// Estimated vertex betweenness from <paramref name="k"/> pivot sources drawn with a seeded generator, scaled by
    /// n/k (see remarks on the class for the error). k ≥ n computes the exact value.
    /// </summary>
    public static NodeScores ComputeSampled(CsrGraph g, int k, int seed, BetweennessOptions? options = null,
        CancellationToken ct = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var o = options ?? new BetweennessOptions();
        int n = g.NodeCount;
        if (k >= n) return Compute(g, o, ct, progress);
        var all = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(all);
        var sources = all[..k];
        var raw = RunNodes(g, o, sources, ct, progress);
        Rescale(raw, n, o.Normalized, g.IsDirected, k);
        return NodeScores.Wrap(raw);
    }

    /// <summary>Exact edge betweenness, indexed by the edge ids of <paramref name="g"/>.</summary>
    public static EdgeScores ComputeEdges(CsrGraph g, BetweennessOptions? options = null,
        CancellationToken ct = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        var o = options ?? new BetweennessOptions();
        var sources = Enumerable.Range(0, g.NodeCount).ToArray();
        var raw = SourceLoop.Run(sources, g.EdgeCount, o.MaxDegreeOfParallelism, () => new BrandesKernel(g.NodeCount),
            (s, k, acc) => k.Accumulate(g, s, o.Weighted, null, null, acc), ct, progress);
        int n = g.NodeCount;
        double? scale = o.Normalized ? (n <= 1 ? null : 1.0 / ((double)n * (n - 1))) : (g.IsDirected ? null : 0.5);
        if (scale is { } f) for (int i = 0; i < raw.Length; i++) raw[i] *= f;
        return EdgeScores.Wrap(raw);
    }

    internal static double[] RunNodes(CsrGraph g, BetweennessOptions o, int[] sources, CancellationToken ct,
        IProgress<double>? progress)
    {
        bool weighted = o.Weighted && !g.IsUnitWeight;
        if (weighted)
            foreach (var w in g.ArcWeights)
                if (!(w > 0) || !double.IsFinite(w))
                    throw new ArgumentException("Weighted betweenness needs finite positive weights.", nameof(g));
        if (weighted)
            return SourceLoop.Run(sources, g.NodeCount, o.MaxDegreeOfParallelism,
                () => new BrandesKernel(g.NodeCount),
                (s, k, acc) => k.Accumulate(g, s, true, null, acc, null), ct, progress);
        // Relabel vertices by descending degree: a vertex is touched once per incident arc per source, so hubs are
        // the hottest entries of the level and σ arrays; packing them together keeps more of them in L1.
        var (h, perm) = ByDegree(g);
        var mapped = perm is null ? sources : sources.Select(s => perm[s]).ToArray();
        const int lanes = BatchedBrandesKernel.Lanes;
        int batches = (mapped.Length + lanes - 1) / lanes;
        var raw = SourceLoop.Run(Enumerable.Range(0, batches).ToArray(), h.NodeCount, o.MaxDegreeOfParallelism,
            () => new BatchedBrandesKernel(h.NodeCount),
            (b, k, acc) => k.Accumulate(h, mapped.AsSpan(b * lanes, Math.Min(lanes, mapped.Length - b * lanes)), acc),
            ct, progress);
        if (perm is null) return raw;
        var result = new double[raw.Length];
        for (int v = 0; v < result.Length; v++) result[v] = raw[perm[v]];
        return result;
    }

    /// <summary>The graph relabelled so that new id 0 has the highest degree; perm[old] = new.</summary>
    private static (CsrGraph, int[]?) ByDegree(CsrGraph g)
    {
        int n = g.NodeCount;
        if (n < 1024) return (g, null);
        var order = Enumerable.Range(0, n).ToArray();
        var keys = new int[n];
        for (int v = 0; v < n; v++) keys[v] = -g.Degree(v);
        Array.Sort(keys, order);
        var perm = new int[n];
        for (int i = 0; i < n; i++) perm[order[i]] = i;
        var u = new int[g.EdgeCount];
        var w = new int[g.EdgeCount];
        for (int e = 0; e < g.EdgeCount; e++) { u[e] = perm[g.EdgeU[e]]; w[e] = perm[g.EdgeV[e]]; }
        return (CsrGraph.FromEdges(n, u, w, [], g.IsDirected), perm);
    }

    /// <summary>networkx's <c>_rescale</c>.</summary>
    internal static void Rescale(double[] values, int n, bool normalized, bool directed, int? k)
    {
        double? scale = normalized
            ? (n <= 2 ? null : 1.0 / ((double)(n - 1) * (n - 2)))
            : (directed ? null : 0.5);
        // Unlike networkx (which skips n/k when no other scale applies), a sample is always scaled: unbiasedness.
        double f = (scale ?? 1.0) * (k is { } kk ? (double)n / kk : 1.0);
        if (f == 1.0) return;
        for (int i = 0; i < values.Length; i++) values[i] *= f;
    }
}
