using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Paths;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Analytics.Tests;

public sealed class PathTests
{
    private static CsrGraph PathGraph(int n) => FlowTests.Graph(n, [.. Enumerable.Range(0, n - 1).Select(i => (i, i + 1))]);

    [Fact]
    public void KHop_TwoHopsOnPath_ReturnsThreeVerticesWithDistances()
    {
        var r = PathFinder.KHop(PathGraph(5), 0, 2);
        Assert.Equal([0, 1, 2], r.Vertices.ToArray());
        Assert.Equal([0, 1, 2], r.Distances.ToArray());
        Assert.False(r.Truncated);
    }

    [Fact]
    public void KHop_VertexCapReached_SaysTruncated()
    {
        var star = ReferenceNetworks.Star(50).ToCsr();
        var r = PathFinder.KHop(star, 0, 1, maxVertices: 10);
        Assert.Equal(10, r.Vertices.Length);
        Assert.True(r.Truncated);
    }

    [Fact]
    public void ShortestPath_KiteZeroToNine_HasFourHopsAsNetworkx()
    {
        var kite = ReferenceNetworks.Load("kite");
        var p = PathFinder.ShortestPath(kite.ToCsr(), 0, 9);
        Assert.NotNull(p);
        Assert.Equal(4, p.Length); // networkx: shortest_path_length(krackhardt_kite_graph(), 0, 9) == 4
        Assert.Equal([0, 5, 7, 8, 9], p.Vertices.ToArray());
    }

    [Fact]
    public void WeightedShortestPath_HeavyDirectEdge_TakesTheDetour()
    {
        var g = CsrGraph.FromEdges(3, [0, 0, 1], [2, 1, 2], [10.0, 1.0, 2.0], directed: false);
        var p = PathFinder.WeightedShortestPath(g, 0, 2);
        Assert.Equal([0, 1, 2], p!.Vertices.ToArray());
        Assert.Equal(3.0, p.Length);
    }

    [Fact]
    public void ShortestPath_Unreachable_ReturnsNull()
    {
        var g = FlowTests.Graph(4, (0, 1), (2, 3));
        Assert.Null(PathFinder.ShortestPath(g, 0, 3));
        Assert.Null(PathFinder.WeightedShortestPath(g, 0, 3));
    }

    [Fact]
    public void KShortestPaths_SquareWithDiagonal_ReturnsPathsInLengthOrder()
    {
        // 0-1-2-3-0 square plus diagonal 0-2: from 0 to 2 the paths are 0-2, then 0-1-2 and 0-3-2.
        var g = FlowTests.Graph(4, (0, 1), (1, 2), (2, 3), (3, 0), (0, 2));
        var paths = PathFinder.KShortestPaths(g, 0, 2, 3);
        Assert.Equal(3, paths.Count);
        Assert.Equal([0, 2], paths[0].Vertices.ToArray());
        Assert.Equal([1.0, 2.0, 2.0], paths.Select(p => p.Length));
    }

    [Fact]
    public void SimplePaths_CompleteK5_CountsPathsByDepthAndCap()
    {
        var g = ReferenceNetworks.Load("k5").ToCsr();
        // K5 between two vertices: 1 direct, 3 via one vertex, 6 via two, 6 via three = 16 simple paths.
        Assert.Equal(16, PathFinder.SimplePaths(g, 0, 4, new SimplePathOptions(MaxDepth: 4)).Count);
        Assert.Equal(4, PathFinder.SimplePaths(g, 0, 4, new SimplePathOptions(MaxDepth: 2)).Count);
        Assert.Equal(2, PathFinder.SimplePaths(g, 0, 4, new SimplePathOptions(MaxDepth: 4, MaxPaths: 2)).Count);
    }

    [Fact]
    public void Degree_SnapshotModes_CountStoredDirections()
    {
        var b = new SnapshotBuilder();
        b.AddEdge("a", "b", RelationType.PaysTo, 2.0);
        b.AddEdge("a", "c", RelationType.PaysTo, 3.0);
        b.AddEdge("c", "a", RelationType.PaysTo);
        var s = b.Build(1);
        int a = s.IndexOf("a")!.Value;
        Assert.Equal(2, Degree.Compute(s, DegreeMode.Out)[a]);
        Assert.Equal(1, Degree.Compute(s, DegreeMode.In)[a]);
        Assert.Equal(3, Degree.Compute(s, DegreeMode.Total)[a]);
        Assert.Equal(5.0, Degree.Compute(s, DegreeMode.Out, weighted: true)[a]);
        Assert.Equal(1.0, Degree.Compute(s.Undirected, normalized: true)[a]);
    }
}
