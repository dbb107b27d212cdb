using BenchmarkDotNet.Attributes;
using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Communities;
using Ketenaanpak.Graph.Analytics.Connectivity;
using Ketenaanpak.Graph.Analytics.Flow;
using Ketenaanpak.Graph.Analytics.Paths;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Benchmarks;

/// <summary>Centralities on G(2k, 10k), the smaller betweenness target graph (kept small so a run stays short).</summary>
[MemoryDiagnoser]
public class CentralityBenchmarks
{
    private CsrGraph _g = null!;

    [GlobalSetup]
    public void Setup() => _g = RandomGraphs.Gnm(2_000, 10_000, 1);

    [Benchmark] public NodeScores BetweennessExact() => Betweenness.Compute(_g);
    [Benchmark] public NodeScores BetweennessSampled200() => Betweenness.ComputeSampled(_g, 200, 1);
    [Benchmark] public NodeScores Closeness() => Analytics.Centrality.Closeness.Compute(_g);
    [Benchmark] public NodeScores PageRank() => Analytics.Centrality.PageRank.Compute(_g);
}

/// <summary>Connectivity, communities and cuts on G(100k, 500k).</summary>
[MemoryDiagnoser]
public class StructureBenchmarks
{
    private CsrGraph _g = null!;
    private int[] _sources = [];
    private int[] _targets = [];
    private bool[] _cuttable = [];

    [GlobalSetup]
    public void Setup()
    {
        _g = RandomGraphs.Gnm(100_000, 500_000, 1);
        var ids = Enumerable.Range(0, _g.NodeCount).ToArray();
        new Random(1).Shuffle(ids);
        _sources = ids[..100];
        _targets = ids[100..200];
        _cuttable = Enumerable.Repeat(true, _g.NodeCount).ToArray();
    }

    [Benchmark] public int ComponentsArticulationBridges() =>
        Components.Connected(_g).Count + Components.Biconnectivity(_g).Bridges.Length;

    [Benchmark] public double Louvain() => Analytics.Communities.Louvain.Detect(_g).Modularity;

    [Benchmark] public int MinimumVertexCut() => VertexCut.Minimum(_g, _sources, _targets, _cuttable).Blockers.Length;

    [Benchmark] public int TwoHop() => PathFinder.KHop(_g, 12345, 2).Vertices.Length;
}
