using System.Globalization;
using System.Text.Json;
using Ketenaanpak.Graph.Cli;
using Ketenaanpak.Graph.TestKit;

namespace Ketenaanpak.Graph.Application.Tests.Cli;

/// <summary>`ketenaanpak analyse` end to end on a real dataset, against networkx's values (committed reference file).</summary>
public sealed class AnalyseCommandTests
{
    [Fact]
    public async Task Analyse_BetweennessOnMexicoNetwork_MatchesNetworkxVertexByVertex()
    {
        var values = Path.Combine(Path.GetTempPath(), $"mexico-bc-{Guid.NewGuid():N}.tsv");
        var stdout = new StringWriter();
        var code = await Commands.RunAsync(["analyse", "betweenness", "--input", RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt"),
            "--values", values, "--threads", "2"], stdout, new StringWriter());
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(34, json.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(225, json.RootElement.GetProperty("m").GetInt32());
        Assert.True(json.RootElement.TryGetProperty("compute_s", out _));
        Assert.Equal(5, json.RootElement.GetProperty("top5").GetArrayLength());

        var expected = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "Ketenaanpak.Graph.Analytics.Tests", "Reference", "mexico.nodes.tsv"))
            .Skip(1).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        var actual = File.ReadLines(values).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        File.Delete(values);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (vertex, value) in expected)
            Assert.True(Math.Abs(actual[vertex] - value) <= 1e-9 * Math.Max(1, Math.Abs(value)), $"vertex {vertex}: {actual[vertex]} vs networkx {value}");
    }

    [Theory]
    [InlineData(new[] { "analyse", "betweenness", "--input", "bestaat-niet.txt" }, "Input file not found: bestaat-niet.txt")]
    [InlineData(new[] { "analyse", "betweenness", "--input" }, "--input needs a value")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    public async Task Run_BadArguments_ExitTwoWithASpecificMessage(string[] args, string message)
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await Commands.RunAsync(args, new StringWriter(), stderr));
        Assert.Contains(message, stderr.ToString());
    }

    [Fact]
    public async Task Analyse_ThreadsNotANumber_ExitTwoNamingTheFlag()
    {
        var stderr = new StringWriter();
        var code = await Commands.RunAsync(["analyse", "betweenness", "--input", RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt"), "--threads", "abc"],
            new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("--threads must be a whole number", stderr.ToString());
    }
}
