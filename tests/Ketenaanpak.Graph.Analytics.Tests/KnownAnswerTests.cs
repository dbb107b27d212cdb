using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Connectivity;
using Ketenaanpak.Graph.Analytics.Tests.Reference;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Analytics.Tests;

/// <summary>Every algorithm against networkx/igraph values on textbook graphs and every shared dataset.</summary>
public sealed class KnownAnswerTests
{
    public static TheoryData<string> Graphs => new(ReferenceNetworks.Names);

    [Theory, MemberData(nameof(Graphs))]
    public void Betweenness_ReferenceGraph_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var values = Betweenness.Compute(data.ToCsr().Unweighted()).Values;
        KnownAnswers.AssertClose(KnownAnswers.For(graph).Nodes["betweenness"], data.Names, values, 1e-9);
    }

    [Theory, MemberData(nameof(Graphs))]
    public void Betweenness_Weighted_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var values = Betweenness.Compute(data.ToCsr(), new BetweennessOptions(Weighted: true)).Values;
        KnownAnswers.AssertClose(KnownAnswers.For(graph).Nodes["betweenness_w"], data.Names, values, 1e-9);
    }

    [Theory, MemberData(nameof(Graphs))]
    public void EdgeBetweenness_ReferenceGraph_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var g = data.ToCsr().Unweighted();
        var values = Betweenness.ComputeEdges(g).Values;
        var expected = KnownAnswers.For(graph).Edges;
        Assert.Equal(expected.Count, g.EdgeCount);
        var byPair = new Dictionary<(string, string), double>();
        for (int e = 0; e < g.EdgeCount; e++)
        {
            var (u, v) = g.Edge(e);
            byPair[(data.Names[u], data.Names[v])] = values[e];
            byPair[(data.Names[v], data.Names[u])] = values[e];
        }
        foreach (var (u, v, value, _) in expected)
            Assert.True(Math.Abs(byPair[(u, v)] - value) <= 1e-9 * value + 1e-12, $"edge {u}-{v}: {value} vs {byPair[(u, v)]}");
    }

    [Theory, MemberData(nameof(Graphs))]
    public void Closeness_ReferenceGraph_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var values = Closeness.Compute(data.ToCsr()).Values;
        KnownAnswers.AssertClose(KnownAnswers.For(graph).Nodes["closeness"], data.Names, values, 1e-9);
    }

    [Theory, MemberData(nameof(Graphs))]
    public void Harmonic_ReferenceGraph_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var values = Closeness.Harmonic(data.ToCsr()).Values;
        KnownAnswers.AssertClose(KnownAnswers.For(graph).Nodes["harmonic"], data.Names, values, 1e-9);
    }

    [Theory, MemberData(nameof(Graphs))]
    public void PageRank_ReferenceGraph_MatchesIgraph(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var values = PageRank.Compute(data.ToCsr()).Values;
        KnownAnswers.AssertClose(KnownAnswers.For(graph).Nodes["pagerank"], data.Names, values, 1e-6);
    }

    [Theory, MemberData(nameof(Graphs))]
    public void Eigenvector_ConnectedReferenceGraph_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var expected = KnownAnswers.For(graph).Nodes["eigenvector"];
        if (expected.Values.Any(double.IsNaN)) return; // networkx values are only recorded for connected graphs
        var values = Eigenvector.Compute(data.ToCsr()).Values;
        KnownAnswers.AssertClose(expected, data.Names, values, 1e-6, 1e-9);
    }

    [Theory, MemberData(nameof(Graphs))]
    public void CoreNumbers_ReferenceGraph_MatchNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var core = KCore.CoreNumbers(data.ToCsr());
        KnownAnswers.AssertClose(KnownAnswers.For(graph).Nodes["core"], data.Names, core.Select(c => (double)c).ToArray(), 0);
    }

    [Theory, MemberData(nameof(Graphs))]
    public void Connectivity_ReferenceGraph_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var g = data.ToCsr();
        var known = KnownAnswers.For(graph);
        Assert.Equal(known.Summary["n"], g.NodeCount);
        Assert.Equal(known.Summary["m"], g.EdgeCount);
        Assert.Equal(known.Summary["components"], Components.Connected(g).Count);
        var bi = Components.Biconnectivity(g);
        var expectedAps = known.Nodes["articulation"].Where(p => p.Value == 1).Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(expectedAps, bi.ArticulationPoints.Select(v => data.Names[v]).Order(StringComparer.Ordinal));
        var expectedBridges = known.Edges.Where(e => e.Bridge).Select(e => Key(e.U, e.V)).Order(StringComparer.Ordinal);
        var actualBridges = bi.Bridges.Select(e => g.Edge(e)).Select(p => Key(data.Names[p.U], data.Names[p.V])).Order(StringComparer.Ordinal);
        Assert.Equal(expectedBridges, actualBridges);
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
}

public sealed class ComponentsAllTests
{
    [Theory, MemberData(nameof(KnownAnswerTests.Graphs), MemberType = typeof(KnownAnswerTests))]
    public void All_ReferenceGraph_AgreesWithSeparatePasses(string graph)
    {
        var g = ReferenceNetworks.Load(graph).ToCsr();
        var (components, bi) = Components.All(g);
        var separate = Components.Connected(g);
        Assert.Equal(separate.Count, components.Count);
        Assert.Equal(separate.Sizes.Order().ToArray(), components.Sizes.Order().ToArray());
        for (int v = 0; v < g.NodeCount; v++)
            foreach (var w in g.Neighbors(v)) Assert.Equal(components.ComponentOf[v], components.ComponentOf[w]);
        Assert.Equal(Components.Biconnectivity(g).Bridges.ToArray(), bi.Bridges.ToArray());
    }
}
