using Ketenaanpak.Graph.Analytics.Internal;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Centrality;

/// <summary>Options for <see cref="FacilitatorBetweenness"/>.</summary>
/// <param name="Normalized">Divide by the number of ordered (source, target) pairs with source ≠ target, so a value
/// is the average share of one pair's shortest paths that runs through the vertex (0..1).</param>
/// <param name="Weighted">Use edge weights as lengths (Dijkstra); otherwise hop counts.</param>
/// <param name="MaxDegreeOfParallelism">Threads over sources; 0 or less = all cores.</param>
public sealed record FacilitatorOptions(bool Normalized = false, bool Weighted = false, int MaxDegreeOfParallelism = 0);

/// <summary>
/// Facilitator betweenness: how much perpetrator-to-victim traffic runs through each vertex. Only shortest paths from
/// a source set S (perpetrators) to a target set T (victims) count.
/// </summary>
/// <remarks>
/// <para><b>Definition.</b> c_F(v) = Σ_{s∈S} Σ_{t∈T, t≠s} σ(s,t|v)/σ(s,t) for v ∉ {s,t}: the sum over ordered
/// (perpetrator, victim) pairs of the fraction of their shortest paths through v. Endpoints get no credit for their
/// own pairs. This is Brandes' (2008) "subset betweenness"; networkx's <c>betweenness_centrality_subset</c> computes
/// the same sums but halves them on undirected graphs (its generic rescale assumes each pair is seen twice, which is
/// not so when S and T differ), so on undirected graphs c_F = 2 × networkx's unnormalised value.</para>
/// <para><b>Normalisation.</b> Raw by default; <see cref="FacilitatorOptions.Normalized"/> divides by the number of
/// ordered pairs (s,t), s≠t.</para>
/// <para><b>Direction.</b> On a directed graph paths follow arc direction from perpetrator to victim; on an undirected
/// graph arcs go both ways.</para>
/// <para><b>Complexity.</b> O(|S|·m) unweighted, O(|S|·(m + n log n)) weighted; parallel over sources.</para>
/// <para><b>Reference.</b> U. Brandes, "On variants of shortest-path betweenness centrality and their generic
/// computation", Social Networks 30(2):136–145, 2008, §3.3.</para>
/// </remarks>
public static class FacilitatorBetweenness
{
    /// <summary>Facilitator betweenness of every vertex of <paramref name="g"/>.</summary>
    public static NodeScores Compute(CsrGraph g, IReadOnlyCollection<int> sources, IReadOnlyCollection<int> targets,
        FacilitatorOptions? options = null, CancellationToken ct = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        var o = options ?? new FacilitatorOptions();
        var isTarget = new bool[g.NodeCount];
        foreach (var t in targets) isTarget[Check(g, t)] = true;
        var src = sources.Select(s => Check(g, s)).Distinct().ToArray();
        bool weighted = o.Weighted && !g.IsUnitWeight;
        var raw = SourceLoop.Run(src, g.NodeCount, o.MaxDegreeOfParallelism, () => new BrandesKernel(g.NodeCount),
            (s, k, acc) =>
            {
                // The source itself is never its own target: Brandes' e[s] = 0 is implicit (s is the root).
                k.Accumulate(g, s, weighted, isTarget, acc, null);
            }, ct, progress);
        if (o.Normalized)
        {
            long pairs = 0;
            var tset = targets.Distinct().ToArray();
            foreach (var s in src) pairs += tset.Length - (isTarget[s] ? 1 : 0);
            if (pairs > 0) for (int i = 0; i < raw.Length; i++) raw[i] /= pairs;
        }
        return NodeScores.Wrap(raw);
    }

    /// <summary>Facilitator betweenness on a snapshot's undirected view with perpetrators as sources and victims as
    /// targets (roles in <paramref name="dossier"/>, or in any dossier when null).</summary>
    public static NodeScores Compute(GraphSnapshot snapshot, string? dossier = null, FacilitatorOptions? options = null,
        CancellationToken ct = default, IProgress<double>? progress = null) =>
        Compute(snapshot.Undirected, snapshot.NodesWithRole(NodeRole.Perpetrator, dossier),
            snapshot.NodesWithRole(NodeRole.Victim, dossier), options, ct, progress);

    private static int Check(CsrGraph g, int v) =>
        (uint)v < (uint)g.NodeCount ? v : throw new ArgumentOutOfRangeException(nameof(v), $"Vertex {v} is not in the graph.");
}
