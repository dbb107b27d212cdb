using System.Globalization;
using FsCheck.Xunit;
using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Tests.Reference;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Analytics.Tests;

public sealed class CentralityPropertyTests
{
    [Property(MaxTest = 50)]
    public bool Betweenness_StarCentre_IsHalfOfNMinusOneTimesNMinusTwo(byte size)
    {
        int n = size % 60 + 3;
        var star = ReferenceNetworks.Star(n);
        var bc = Betweenness.Compute(star.ToCsr());
        int centre = star.Names.ToList().IndexOf("0");
        return bc[centre] == (n - 1.0) * (n - 2.0) / 2.0
               && Enumerable.Range(0, n).Where(v => v != centre).All(v => bc[v] == 0);
    }

    [Property(MaxTest = 30)]
    public bool Betweenness_SampledWithAllSources_EqualsExact(int seed)
    {
        var g = FlowTests.RandomGraph(new Random(seed), 25, 0.2);
        var exact = Betweenness.Compute(g);
        var sampled = Betweenness.ComputeSampled(g, 25, seed);
        return exact.Values.SequenceEqual(sampled.Values);
    }

    [Property(MaxTest = 30)]
    public bool Betweenness_SingleThreadAndParallel_Agree(int seed)
    {
        var g = FlowTests.RandomGraph(new Random(seed), 200, 0.03);
        var one = Betweenness.Compute(g, new BetweennessOptions(MaxDegreeOfParallelism: 1));
        var two = Betweenness.Compute(g, new BetweennessOptions(MaxDegreeOfParallelism: 2));
        return one.Values.Zip(two.Values).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Abs(p.First) + 1e-12);
    }

    [Fact]
    public void Betweenness_Cancelled_Throws()
    {
        var g = FlowTests.RandomGraph(new Random(1), 300, 0.05);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Betweenness.Compute(g, null, cts.Token));
    }

    [Fact]
    public void Betweenness_WithProgress_ReportsCompletion()
    {
        var g = FlowTests.RandomGraph(new Random(1), 300, 0.05);
        var seen = new List<double>();
        Betweenness.Compute(g, null, default, new SyncProgress(seen));
        Assert.Equal(1.0, seen[^1]);
        Assert.True(seen.Count >= 2);
    }

    [Fact]
    public void Betweenness_SampledHalfTheSources_StaysNearExactOnKarate()
    {
        var g = ReferenceNetworks.Load("karate_club").ToCsr().Unweighted();
        var exact = Betweenness.Compute(g).Values;
        // Average over seeds: the estimator is unbiased, so the mean over many samples approaches the exact value.
        var mean = new double[g.NodeCount];
        for (int seed = 0; seed < 200; seed++)
        {
            var s = Betweenness.ComputeSampled(g, 17, seed).Values;
            for (int i = 0; i < mean.Length; i++) mean[i] += s[i] / 200;
        }
        double total = exact.Sum();
        Assert.True(Math.Abs(mean.Sum() - total) / total < 0.05);
    }

    [Fact]
    public void Facilitator_MexicoExploitersToVictimRecruiters_IsTwiceNetworkxSubset()
    {
        var data = ReferenceNetworks.Load("mexico");
        var roles = ReferenceNetworks.MexicoRoles();
        var sources = Enumerable.Range(0, data.NodeCount).Where(v => roles[data.Names[v]].StartsWith("Explotador", StringComparison.Ordinal)).ToArray();
        var targets = Enumerable.Range(0, data.NodeCount).Where(v => roles[data.Names[v]].StartsWith("Victima", StringComparison.Ordinal)).ToArray();
        var values = FacilitatorBetweenness.Compute(data.ToCsr(), sources, targets).Values;
        var expected = File.ReadAllLines(Path.Combine(KnownAnswers.ReferenceDir, "mexico.facilitator.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => 2 * double.Parse(f[1], CultureInfo.InvariantCulture));
        KnownAnswers.AssertClose(expected, data.Names, values, 1e-9);
    }

    [Fact]
    public void Facilitator_AllVerticesSourcesAndTargets_EqualsTwiceUndirectedBetweenness()
    {
        var g = ReferenceNetworks.Load("florentine_families").ToCsr().Unweighted();
        var all = Enumerable.Range(0, g.NodeCount).ToArray();
        var f = FacilitatorBetweenness.Compute(g, all, all).Values;
        var b = Betweenness.Compute(g).Values;
        for (int i = 0; i < all.Length; i++) Assert.Equal(2 * b[i], f[i], 9);
    }

    private sealed class SyncProgress(List<double> seen) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (seen) seen.Add(value);
        }
    }
}

public sealed class BetweennessDeepGraphTests
{
    [Fact]
    public void Betweenness_PathLongerThanByteLevels_MatchesClosedForm()
    {
        // P_n: vertex i lies on i·(n-1-i) shortest paths; n = 600 gives BFS depths far beyond a batch's usual few levels.
        const int n = 600;
        var g = Ketenaanpak.Graph.Analytics.Snapshot.CsrGraph.FromEdges(n, Enumerable.Range(0, n - 1).ToArray(),
            Enumerable.Range(1, n - 1).ToArray(), [], directed: false);
        var bc = Betweenness.Compute(g).Values;
        for (int i = 0; i < n; i++) Assert.Equal((double)i * (n - 1 - i), bc[i]);
    }

    [Fact]
    public void Betweenness_DirectedCycle_IsHalfOfNMinusOneTimesNMinusTwoPerVertex()
    {
        // Directed C_n (hand count): every ordered pair has one path; a vertex is strictly inside the paths of length
        // 2..n-1 that pass it, n(n-1)(n-2)/2 interior positions shared by n vertices. n = 13 leaves a partial batch.
        const int n = 13;
        var g = Ketenaanpak.Graph.Analytics.Snapshot.CsrGraph.FromEdges(n, Enumerable.Range(0, n).ToArray(),
            Enumerable.Range(0, n).Select(i => (i + 1) % n).ToArray(), [], directed: true);
        var bc = Betweenness.Compute(g).Values;
        for (int i = 0; i < n; i++) Assert.Equal((n - 1) * (n - 2) / 2.0, bc[i]);
    }

    [Fact]
    public void Betweenness_ComponentsSplitAcrossBatches_CountOnlyPairsWithinAComponent()
    {
        // Stars K(1,3) (centre 0) and K(1,4) (centre 4) and the isolated vertex 9: a centre of k leaves lies on the
        // k(k-1)/2 leaf pairs; sources of one batch of 8 sit in different components, so many lanes never reach a vertex.
        int[] u = [0, 0, 0, 4, 4, 4, 4];
        int[] v = [1, 2, 3, 5, 6, 7, 8];
        var g = Ketenaanpak.Graph.Analytics.Snapshot.CsrGraph.FromEdges(10, u, v, [], directed: false);
        var bc = Betweenness.Compute(g).Values;
        double[] expected = [3, 0, 0, 0, 6, 0, 0, 0, 0, 0];
        for (int i = 0; i < expected.Length; i++) Assert.True(expected[i] == bc[i], $"vertex {i}: {bc[i]} ≠ {expected[i]}");
    }
}
