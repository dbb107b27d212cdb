using Ketenaanpak.Graph.TestKit;
using System.Diagnostics;
using System.Globalization;
using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Analytics.Tests;

/// <summary>Random-graph sweeps against igraph through shared/bench/peers.py (needs Debian's python3-igraph).</summary>
[Trait("Category", "Slow")]
public sealed class SlowPeerTests
{
    [Theory]
    [InlineData(2000, 10000, 1)]
    [InlineData(3000, 6000, 2)]
    public void Betweenness_RandomGraph_MatchesIgraphWithin1e9(int n, int m, int seed)
    {
        Assert.True(File.Exists(RepositoryPaths.PeersScript), $"peers.py missing at {RepositoryPaths.PeersScript}");
        var dir = Directory.CreateTempSubdirectory("ketenaanpak-slow-");
        string graph = Path.Combine(dir.FullName, "g.tsv"), values = Path.Combine(dir.FullName, "v.tsv");
        Peers($"gen {n} {m} {seed} {graph}");
        Peers($"run betweenness {graph} --values {values}");
        var data = EdgeListReader.ReadFile(graph);
        var ours = Betweenness.Compute(data.ToCsr()).Values;
        var expected = File.ReadLines(values).Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        Reference.KnownAnswers.AssertClose(expected, data.Names, ours, 1e-9);
        dir.Delete(recursive: true);
    }

    private static void Peers(string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", $"{RepositoryPaths.PeersScript} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }
}
