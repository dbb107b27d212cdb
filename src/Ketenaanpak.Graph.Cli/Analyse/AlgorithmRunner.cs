using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Communities;
using Ketenaanpak.Graph.Analytics.Connectivity;
using Ketenaanpak.Graph.Analytics.Flow;

namespace Ketenaanpak.Graph.Cli.Analyse;

/// <summary>Maps algorithm names (peers.py's where they exist) to the Analytics entry points.</summary>
internal static class AlgorithmRunner
{
    public static readonly string[] Names =
    [
        "betweenness", "betweenness-sampled", "closeness", "harmonic", "pagerank", "eigenvector", "degree", "kcore",
        "components", "articulation", "bridges", "connectivity", "louvain", "maxflow", "facilitator", "mincut", "whatif",
    ];

    public static AlgorithmOutcome Execute(AlgorithmRequest r)
    {
        var g = r.Weighted ? r.Graph : r.Graph.Unweighted();
        var bo = new BetweennessOptions(r.Normalized, r.Weighted, r.Threads);
        switch (r.Algo)
        {
            case "betweenness": return Values(Betweenness.Compute(g, bo));
            case "betweenness-sampled": return Values(Betweenness.ComputeSampled(g, r.K, r.Seed, bo), ("k", r.K));
            case "closeness": return Values(Closeness.Compute(g, new ClosenessOptions(r.Weighted, true, r.Threads)));
            case "harmonic": return Values(Closeness.Harmonic(g, new ClosenessOptions(r.Weighted, true, r.Threads)));
            case "pagerank": return Values(PageRank.Compute(g, new PageRankOptions(Weighted: r.Weighted)));
            case "eigenvector": return Values(Eigenvector.Compute(g, r.Weighted));
            case "degree": return Values(Degree.Compute(g, r.Weighted, r.Normalized));
            case "kcore":
            {
                var core = KCore.CoreNumbers(g);
                return new(core.Select(c => (double)c).ToArray(), [Pair("max_core", core.DefaultIfEmpty(0).Max())]);
            }
            case "components": return Summary(("components", Components.Connected(g).Count));
            case "articulation": return Summary(("articulation_points", Components.Biconnectivity(g).ArticulationPoints.Length));
            case "bridges": return Summary(("bridges", Components.Biconnectivity(g).Bridges.Length));
            case "connectivity":
            {
                var (c, b) = Components.All(g);
                return Summary(("components", c.Count), ("articulation_points", b.ArticulationPoints.Length),
                    ("bridges", b.Bridges.Length));
            }
            case "louvain":
            {
                var l = Louvain.Detect(g, new LouvainOptions(r.Seed, Weighted: r.Weighted));
                return Summary(("communities", l.Count), ("modularity", Math.Round(l.Modularity, 6)), ("levels", l.Levels));
            }
            case "maxflow": return Summary(("maxflow", MaxFlow.Value(g, 0, g.NodeCount - 1)));
            case "facilitator":
            {
                var t = Terminals.Resolve(r);
                var f = FacilitatorBetweenness.Compute(g, t.Sources, t.Targets, new FacilitatorOptions(r.Normalized, r.Weighted, r.Threads));
                return new(f.Values, [Pair("sources", t.Sources.Length), Pair("targets", t.Targets.Length)]);
            }
            case "mincut":
            {
                var t = Terminals.Resolve(r);
                var cut = VertexCut.Minimum(g, t.Sources, t.Targets, t.Cuttable);
                return new(null, Terminals.Describe(r, t, cut));
            }
            case "whatif":
            {
                var t = Terminals.Resolve(r);
                var removed = t.Removed;
                if (removed.Length == 0)
                {
                    // No --remove: try the minimum cut (or the cut besides direct ties) and show what it achieves.
                    var c = VertexCut.Minimum(g, t.Sources, t.Targets, t.Cuttable);
                    removed = c.Separable ? c.Cut.ToArray() : (c.CutBesidesDirectTies?.ToArray() ?? []);
                }
                var w = WhatIf.Remove(g, removed, t.Sources, t.Targets);
                return Summary(("removed", removed.Select(v => r.Data.Names[v]).ToArray()),
                    ("pairs_before", w.Before.ConnectedPairs), ("pairs_after", w.After.ConnectedPairs),
                    ("pairs_disconnected", w.DisconnectedPairs.Length),
                    ("components_before", w.Before.Components), ("components_after", w.After.Components),
                    ("avg_distance_before", Math.Round(w.Before.AverageDistance, 6)),
                    ("avg_distance_after", double.IsNaN(w.After.AverageDistance) ? -1 : Math.Round(w.After.AverageDistance, 6)));
            }
            default: throw new ArgumentException($"unknown algo {r.Algo}; known: {string.Join(' ', Names)}");
        }
    }

    private static KeyValuePair<string, object> Pair(string k, object v) => KeyValuePair.Create(k, v);

    private static AlgorithmOutcome Values(NodeScores s, params (string, object)[] summary) =>
        new(s.Values, summary.Select(p => Pair(p.Item1, p.Item2)).ToArray());

    private static AlgorithmOutcome Summary(params (string, object)[] summary) =>
        new(null, summary.Select(p => Pair(p.Item1, p.Item2)).ToArray());
}
