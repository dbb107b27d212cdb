using Ketenaanpak.Graph.Analytics.Connectivity;
using Ketenaanpak.Graph.Analytics.Flow;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Analytics.Tests.Reference;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;
using FsCheck.Xunit;

namespace Ketenaanpak.Graph.Analytics.Tests;

public sealed class FlowTests
{
    public static TheoryData<string> Graphs => new(ReferenceNetworks.Names);

    [Theory, MemberData(nameof(Graphs))]
    public void MaxFlow_UnitCapacitiesFirstToLastVertex_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var value = MaxFlow.Value(data.ToCsr(), 0, data.NodeCount - 1);
        Assert.Equal(KnownAnswers.For(graph).Summary["maxflow"], value);
    }

    [Fact]
    public void Minimum_SourceTiedDirectlyToTarget_ReportsTheTieInsteadOfACut()
    {
        // 0 = perpetrator, 3 = victim, 1 and 2 facilitators; 0–3 also share an edge.
        var g = Graph(4, (0, 1), (1, 3), (0, 2), (2, 3), (0, 3));
        var result = VertexCut.Minimum(g, [0], [3], [false, true, true, false]);
        Assert.False(result.Separable);
        Assert.Empty(result.Cut);
        var tie = Assert.Single(result.DirectTies);
        Assert.Equal((0, 3), (tie.Source, tie.Target));
        Assert.Equal([1, 2], result.CutBesidesDirectTies!.Value.ToArray());
    }

    [Fact]
    public void Minimum_PathThroughNonCuttableVertex_ReportsThatPath()
    {
        var g = Graph(4, (0, 1), (1, 3), (0, 2), (2, 3));
        var result = VertexCut.Minimum(g, [0], [3], [false, true, false, false]);
        Assert.False(result.Separable);
        var blocker = Assert.Single(result.Blockers);
        Assert.Equal([0, 2, 3], blocker.Path.ToArray());
        Assert.Null(result.CutBesidesDirectTies);
    }

    [Fact]
    public void Minimum_TwoDisjointRoutes_CutsOneFacilitatorOnEach()
    {
        var g = Graph(6, (0, 1), (1, 2), (2, 5), (0, 3), (3, 4), (4, 5));
        var result = VertexCut.Minimum(g, [0], [5], [false, true, true, true, true, false]);
        Assert.True(result.Separable);
        Assert.Equal(2, result.Size);
    }

    [Property(MaxTest = 150)]
    public bool Minimum_RandomSmallGraph_SeparatesEverySourceFromEveryTargetAndIsMinimal(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(4, 10);
        var g = RandomGraph(rng, n, rng.NextDouble() * 0.6 + 0.1);
        var roles = Enumerable.Range(0, n).Select(_ => rng.Next(4)).ToArray(); // 0 source, 1 target, 2 cuttable, 3 other
        int[] sources = [.. Enumerable.Range(0, n).Where(v => roles[v] == 0)];
        int[] targets = [.. Enumerable.Range(0, n).Where(v => roles[v] == 1)];
        bool[] cuttable = [.. roles.Select(r => r == 2)];
        var result = VertexCut.Minimum(g, sources, targets, cuttable);
        int? best = BruteForceMinimum(g, sources, targets, cuttable);
        if (best is null) return !result.Separable && result.Blockers.Length > 0;
        if (!result.Separable || result.Size != best) return false;
        return !AnyConnected(g, sources, targets, [.. result.Cut])
               && result.Cut.All(v => cuttable[v]);
    }

    [Property(MaxTest = 100)]
    public bool WhatIf_RemovingTheMinimumCut_LeavesNoConnectedPair(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(5, 30);
        var g = RandomGraph(rng, n, 0.2);
        int[] sources = [0, 1];
        int[] targets = [n - 1, n - 2];
        var cuttable = Enumerable.Range(0, n).Select(v => v >= 2 && v < n - 2).ToArray();
        var cut = VertexCut.Minimum(g, sources, targets, cuttable);
        if (!cut.Separable) return true;
        var whatIf = WhatIf.Remove(g, cut.Cut, sources, targets);
        return whatIf.After.ConnectedPairs == 0
               && whatIf.DisconnectedPairs.Length == whatIf.Before.ConnectedPairs;
    }

    [Fact]
    public void WhatIf_RemoveBridgeVertex_SplitsComponentAndDisconnectsPair()
    {
        var g = Graph(5, (0, 1), (1, 2), (2, 3), (3, 4));
        var r = WhatIf.Remove(g, [2], [0], [4]);
        Assert.Equal(1, r.Before.Components);
        Assert.Equal(2, r.After.Components);
        Assert.Equal(1, r.Before.ConnectedPairs);
        Assert.Equal(0, r.After.ConnectedPairs);
        Assert.Equal((0, 4), Assert.Single(r.DisconnectedPairs));
        Assert.Equal(2.0, r.Before.AverageDistance, 12); // path P5: mean distance 2
        Assert.Equal(1.0, r.After.AverageDistance, 12);
    }

    internal static CsrGraph Graph(int n, params (int U, int V)[] edges) =>
        CsrGraph.FromEdges(n, edges.Select(e => e.U).ToArray(), edges.Select(e => e.V).ToArray(), [], directed: false);

    internal static CsrGraph RandomGraph(Random rng, int n, double p)
    {
        var edges = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (rng.NextDouble() < p) edges.Add((i, j));
        return Graph(n, [.. edges]);
    }

    private static int? BruteForceMinimum(CsrGraph g, int[] sources, int[] targets, bool[] cuttable)
    {
        var candidates = Enumerable.Range(0, g.NodeCount).Where(v => cuttable[v]).ToArray();
        int? best = null;
        for (int mask = 0; mask < 1 << candidates.Length; mask++)
        {
            int size = System.Numerics.BitOperations.PopCount((uint)mask);
            if (best is not null && size >= best) continue;
            var removed = candidates.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            if (!AnyConnected(g, sources, targets, removed)) best = size;
        }
        return best;
    }

    private static bool AnyConnected(CsrGraph g, int[] sources, int[] targets, HashSet<int> removed)
    {
        var gone = new bool[g.NodeCount];
        foreach (var v in removed) gone[v] = true;
        var comp = Components.Connected(g.WithoutNodes(gone)).ComponentOf;
        return sources.Any(s => targets.Any(t => comp[s] == comp[t]));
    }
}

public sealed class MaxFlowMethodTests
{
    [FsCheck.Xunit.Property(MaxTest = 60)]
    public bool Value_RandomGraph_DinicEqualsQuikGraphEdmondsKarp(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(2, 40);
        var g = FlowTests.RandomGraph(rng, n, rng.NextDouble() * 0.3);
        int s = rng.Next(n), t = (s + 1 + rng.Next(n - 1)) % n;
        return MaxFlow.Value(g, s, t, method: MaxFlowMethod.Dinic) == MaxFlow.Value(g, s, t, method: MaxFlowMethod.EdmondsKarp);
    }

    [Fact]
    public void Value_WeightedCapacities_UsesWeights()
    {
        var g = Ketenaanpak.Graph.Analytics.Snapshot.CsrGraph.FromEdges(4, [0, 0, 1, 2], [1, 2, 3, 3], [3.0, 2.0, 1.0, 5.0], directed: false);
        Assert.Equal(3, MaxFlow.Value(g, 0, 3, unitCapacities: false, method: MaxFlowMethod.Dinic));
        Assert.Equal(3, MaxFlow.Value(g, 0, 3, unitCapacities: false, method: MaxFlowMethod.EdmondsKarp));
    }
}
