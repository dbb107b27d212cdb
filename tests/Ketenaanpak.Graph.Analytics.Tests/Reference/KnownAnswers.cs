using Ketenaanpak.Graph.TestKit;
using System.Globalization;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Analytics.Tests.Reference;

/// <summary>Reads the networkx/igraph values that make_reference.py wrote next to this file.</summary>
internal sealed class KnownAnswers
{
    private KnownAnswers(string graph)
    {
        var dir = Path.Combine(RepositoryPaths.Root, "tests", "Ketenaanpak.Graph.Analytics.Tests", "Reference");
        var nodeLines = File.ReadAllLines(Path.Combine(dir, $"{graph}.nodes.tsv"));
        var header = nodeLines[0].Split('\t');
        foreach (var line in nodeLines.Skip(1))
        {
            var f = line.Split('\t');
            for (int i = 1; i < f.Length; i++)
            {
                if (!Nodes.TryGetValue(header[i], out var col)) Nodes[header[i]] = col = new(StringComparer.Ordinal);
                col[f[0]] = double.Parse(f[i], CultureInfo.InvariantCulture);
            }
        }
        foreach (var line in File.ReadAllLines(Path.Combine(dir, $"{graph}.edges.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            Edges.Add((f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture), f[3] == "1"));
        }
        foreach (var line in File.ReadAllLines(Path.Combine(dir, $"{graph}.summary.tsv")))
        {
            var f = line.Split('\t');
            Summary[f[0]] = double.Parse(f[1], CultureInfo.InvariantCulture);
        }
    }

    public Dictionary<string, Dictionary<string, double>> Nodes { get; } = new(StringComparer.Ordinal);

    public List<(string U, string V, double Value, bool Bridge)> Edges { get; } = [];

    public Dictionary<string, double> Summary { get; } = new(StringComparer.Ordinal);

    public static KnownAnswers For(string graph) => new(graph);

    public static string ReferenceDir => Path.Combine(RepositoryPaths.Root, "tests", "Ketenaanpak.Graph.Analytics.Tests", "Reference");

    /// <summary>Asserts |a-b| ≤ rel·max(|a|,|b|) + abs for every vertex name.</summary>
    public static void AssertClose(IReadOnlyDictionary<string, double> expected, IReadOnlyList<string> names,
        IReadOnlyList<double> actual, double rel, double abs = 1e-12, string what = "")
    {
        Assert.Equal(expected.Count, names.Count);
        for (int i = 0; i < names.Count; i++)
        {
            double e = expected[names[i]], a = actual[i];
            double tol = rel * Math.Max(Math.Abs(e), Math.Abs(a)) + abs;
            Assert.True(Math.Abs(e - a) <= tol, $"{what} vertex {names[i]}: expected {e:R}, got {a:R}");
        }
    }
}
