using Ketenaanpak.Graph.Analytics.Paths;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Explorer;

namespace Ketenaanpak.Graph.Application.Tests.Explorer;

/// <summary>
/// The explorer's k shortest paths and "why is this node central?" on Krackhardt's kite, against networkx 2.8.8:
/// <c>/usr/bin/python3 -c "import networkx as nx, itertools; G = nx.krackhardt_kite_graph();
/// print(list(itertools.islice(nx.shortest_simple_paths(G, 0, 9), 6)))"</c>, the count of simple paths per length from
/// <c>nx.all_simple_paths</c>, and <c>nx.betweenness_centrality(G, normalized=False)</c>.
/// </summary>
public sealed class ExplorerPathTests
{
    private static readonly (int, int)[] KiteEdges =
    [
        (0, 1), (0, 2), (0, 3), (0, 5), (1, 3), (1, 4), (1, 6), (2, 3), (2, 5), (3, 4), (3, 5), (3, 6), (4, 6), (5, 6), (5, 7),
        (6, 7), (7, 8), (8, 9),
    ];

    private static CsrGraph Kite() =>
        CsrGraph.FromEdges(10, KiteEdges.Select(e => e.Item1).ToArray(), KiteEdges.Select(e => e.Item2).ToArray(), [], directed: false);

    // networkx: shortest_simple_paths(G, 0, 9) starts [0,5,7,8,9], then five paths of 5 edges; all_simple_paths has
    // exactly one path of 4 edges and five of 5 edges, so the first six paths are determined up to the order of ties.
    private static readonly int[][] ZeroToNineLength5 =
        [[0, 2, 5, 7, 8, 9], [0, 5, 6, 7, 8, 9], [0, 1, 6, 7, 8, 9], [0, 3, 5, 7, 8, 9], [0, 3, 6, 7, 8, 9]];

    // networkx: shortest_simple_paths(G, 2, 8) starts [2,5,7,8]; all_simple_paths has one path of 3 edges, four of 4.
    private static readonly int[][] TwoToEightLength4 = [[2, 0, 5, 7, 8], [2, 3, 5, 7, 8], [2, 3, 6, 7, 8], [2, 5, 6, 7, 8]];

    [Fact]
    public void KShortestPaths_KiteZeroToNine_MatchesNetworkx()
    {
        var paths = PathFinder.KShortestPaths(Kite(), 0, 9, 6);
        Assert.Equal(6, paths.Count);
        Assert.Equal("0,5,7,8,9", Key(paths[0].Vertices));
        Assert.Equal([4.0, 5, 5, 5, 5, 5], paths.Select(p => p.Length));
        Assert.Equal(ZeroToNineLength5.Select(Key).Order(), paths.Skip(1).Select(p => Key(p.Vertices)).Order());
    }

    [Fact]
    public void KShortestPaths_KiteTwoToEight_MatchesNetworkxAndIsLoopless()
    {
        var paths = PathFinder.KShortestPaths(Kite(), 2, 8, 5);
        Assert.Equal("2,5,7,8", Key(paths[0].Vertices));
        Assert.Equal(TwoToEightLength4.Select(Key).Order(), paths.Skip(1).Select(p => Key(p.Vertices)).Order());
        Assert.All(paths, p => Assert.Equal(p.Vertices.Length, p.Vertices.Distinct().Count()));
    }

    [Fact]
    public void ThroughPaths_KiteNodeSeven_SumsToNetworkxBetweenness()
    {
        // networkx: betweenness_centrality(G, normalized=False)[7] == 14.0; every pair (s in 0..6, t in {8, 9}) runs
        // through 7 only, share 1 each. 7 reaches the whole kite within 2 steps, so radius 3 sees all of it.
        var result = ThroughPaths.Compute(Kite(), 7, radius: 3, maxVertices: 300, top: 50);
        Assert.Equal(10, result.NeighbourhoodSize);
        Assert.Equal(14.0, result.Betweenness, 9);
        Assert.Equal(14, result.Pairs.Count);
        Assert.All(result.Pairs, p => Assert.Equal(1.0, p.Share, 9));
        Assert.All(result.Pairs, p => Assert.Contains(7, p.Example));
    }

    [Fact]
    public void ThroughPaths_KiteNodeFive_SumsToNetworkxBetweennessWithFractionalShares()
    {
        // networkx: betweenness_centrality(G, normalized=False)[5] == 8.333333333333334 (5's eccentricity is 3).
        var result = ThroughPaths.Compute(Kite(), 5, radius: 3, maxVertices: 300, top: 100);
        Assert.Equal(25.0 / 3, result.Betweenness, 9);
        Assert.Equal(result.Pairs.OrderByDescending(p => p.Share).Select(p => p.Share), result.Pairs.Select(p => p.Share));
        foreach (var pair in result.Pairs)
        {
            Assert.Equal(pair.Source, pair.Example[0]);
            Assert.Equal(pair.Target, pair.Example[^1]);
            Assert.Equal(PathFinder.ShortestPath(Kite(), pair.Source, pair.Target)!.Length, pair.Example.Length - 1);
        }
    }

    private static string Key(IEnumerable<int> path) => string.Join(",", path);
}
