using System.Text.Json;
using Ketenaanpak.Graph.Integration.Tests.Store;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// `ketenaanpak bench bulk` (issue 8's targets in one invocation): import, exports and the peer on the same folder.
/// The counts are checked against the generated files themselves, read here line by line, not against our import.
/// networkx is the peer here because the test command installs it (igraph is for the large runs by hand).
/// </summary>
public sealed class BulkBenchCommandTests(PostgreSqlTestStore store) : IClassFixture<PostgreSqlTestStore>
{
    [Fact]
    public async Task BenchBulk_OnAGeneratedFolder_ReportsEveryStepAndThePeerOnTheSameEdges()
    {
        var input = Directory.CreateTempSubdirectory("bench-bulk-in-").FullName;
        var output = Directory.CreateTempSubdirectory("bench-bulk-out-").FullName;
        var (generated, _, _) = await BulkCli.RunAsync(store, "generate", "--nodes", "300", "--edges", "1200", "--seed", "7", "--out", input, "--force");
        Assert.Equal(0, generated);
        var nodeLines = File.ReadLines(Path.Combine(input, "nodes.csv")).Skip(1).Count(l => l.Length > 0);
        var pairs = File.ReadLines(Path.Combine(input, "edges.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).Where(f => f[0] != f[1])
            .Select(f => string.CompareOrdinal(f[0], f[1]) < 0 ? (f[0], f[1]) : (f[1], f[0])).Distinct().Count();

        var (code, json, stderr) = await BulkCli.RunAsync(store, "bench", "bulk", "--input", input, "--dataset", "bank", "--peer", "networkx",
            "--export", "graphml,neo4j-csv", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Equal("PostgreSql", json.GetProperty("provider").GetString());
        Assert.Equal(nodeLines, json.GetProperty("nodes").GetInt64());
        Assert.True(json.GetProperty("fresh_dataset").GetBoolean());
        Assert.True(json.GetProperty("import").GetProperty("wall_s").GetDouble() > 0);
        Assert.True(json.GetProperty("import").TryGetProperty("postgres_cpu_s", out _), "the local server's CPU is reported for PostgreSQL");
        Assert.True(json.GetProperty("export").GetProperty("graphml").GetProperty("bytes").GetInt64() > 0);
        Assert.True(File.Exists(Path.Combine(output, "bank.graphml")));
        Assert.True(Directory.Exists(Path.Combine(output, "bank.neo4j-csv")));
        Assert.Equal("networkx", json.GetProperty("peer").GetString());
        Assert.Equal(pairs, json.GetProperty("peer_m").GetInt64());
        Assert.True(json.GetProperty("peer_load_s").GetDouble() >= 0);

        // The same folder again: the dataset is stored now, so the run says it measured the re-import path.
        var (again, second, _) = await BulkCli.RunAsync(store, "bench", "bulk", "--input", input, "--dataset", "bank", "--peer", "none",
            "--export", "csv", "--out", output);
        Assert.Equal(0, again);
        Assert.False(second.GetProperty("fresh_dataset").GetBoolean());
        Assert.False(second.TryGetProperty("peer", out _));
        Directory.Delete(input, true);
        Directory.Delete(output, true);
    }

    [Fact]
    public async Task BenchBulk_InputWithoutTheTwoFiles_SaysWhatItNeeds()
    {
        var empty = Directory.CreateTempSubdirectory("bench-bulk-empty-").FullName;
        var (code, _, stderr) = await BulkCli.RunAsync(store, "bench", "bulk", "--input", empty);
        Assert.Equal(2, code);
        Assert.Contains("nodes.csv and edges.csv", stderr);
        var (unknown, _, unknownError) = await BulkCli.RunAsync(store, "bench", "bulk", "--input", empty, "--peer", "gephi");
        Assert.Equal(2, unknown);
        Assert.Contains("--peer must be igraph, networkx or none", unknownError);
        Directory.Delete(empty, true);
    }
}
