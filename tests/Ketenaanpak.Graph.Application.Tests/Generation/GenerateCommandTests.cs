using System.Text.Json;
using Ketenaanpak.Graph.Cli;
using Ketenaanpak.Graph.Cli.Generate;

namespace Ketenaanpak.Graph.Application.Tests.Generation;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ketenaanpak-generate-" + Guid.NewGuid().ToString("N"));

    public GenerateCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string, string[], string> BadArguments => new()
    {
        { "nodes missing", ["--edges", "5", "--out", "{out}"], "--nodes is required." },
        { "nodes below 2", ["--nodes", "1", "--edges", "1", "--out", "{out}"], "--nodes must be between 2 and 100000000, got 1." },
        { "nodes above 1e8", ["--nodes", "1e9", "--edges", "1", "--out", "{out}"], "--nodes must be between 2 and 100000000, got 1000000000." },
        { "nodes not a number", ["--nodes", "many", "--edges", "1", "--out", "{out}"], "--nodes must be a whole number, got 'many'." },
        { "nodes not whole", ["--nodes", "2.5", "--edges", "1", "--out", "{out}"], "--nodes must be a whole number, got '2.5'." },
        { "nodes without value", ["--edges", "1", "--out", "{out}", "--nodes"], "--nodes needs a value." },
        { "edges missing", ["--nodes", "10", "--out", "{out}"], "--edges is required." },
        { "edges zero", ["--nodes", "10", "--edges", "0", "--out", "{out}"], "--edges must be at least 1, got 0." },
        { "edges above N(N-1)/2", ["--nodes", "10", "--edges", "46", "--out", "{out}"],
            "--edges 46 is more than a simple graph on 10 nodes can hold (N(N-1)/2 = 45)." },
        { "edges above typed capacity", ["--nodes", "10", "--edges", "45", "--out", "{out}"],
            "--edges 45 is more than the relation types allow on 10 nodes (at most 40;" },
        { "seed not a number", ["--nodes", "10", "--edges", "5", "--seed", "abc", "--out", "{out}"], "--seed must be a whole number, got 'abc'." },
        { "out missing", ["--nodes", "10", "--edges", "5"], "--out is required." },
        { "unknown flag", ["--nodes", "10", "--edge", "5", "--out", "{out}"], "unknown flag --edge; expected one of --nodes, --edges, --seed, --out, --force." },
        { "stray word", ["--nodes", "10", "--edges", "5", "--out", "{out}", "now"], "unexpected argument 'now'." },
        { "out is a file", ["--nodes", "10", "--edges", "5", "--out", "{file}"], "is a file, not a directory." },
        { "out not empty", ["--nodes", "10", "--edges", "5", "--out", "{full}"], "is not empty; pass --force to overwrite" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Run_BadArgument_ExitsTwoWithItsOwnMessage(string because, string[] args, string message)
    {
        var output = Path.Combine(_root, "out");
        File.WriteAllText(Path.Combine(_root, "a-file"), "x");
        Directory.CreateDirectory(Path.Combine(_root, "full"));
        File.WriteAllText(Path.Combine(_root, "full", "keep.txt"), "mine");
        var resolved = args.Select(a => a.Replace("{out}", output).Replace("{file}", Path.Combine(_root, "a-file"))
            .Replace("{full}", Path.Combine(_root, "full"))).ToArray();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = GenerateCommand.Run(resolved, stdout, stderr);

        Assert.True(exit == 2, because);
        Assert.StartsWith("ketenaanpak generate: ", stderr.ToString());
        Assert.Contains(message, stderr.ToString());
        Assert.Equal("", stdout.ToString());
        Assert.False(Directory.Exists(output), because);
        Assert.Equal(["keep.txt"], Directory.GetFiles(Path.Combine(_root, "full")).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_ValidArguments_WritesBothFilesAndOneJsonLine()
    {
        var output = Path.Combine(_root, "new", "graph");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = GenerateCommand.Run(["--nodes", "1e3", "--edges", "4000", "--seed", "5", "--out", output], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
        var lines = stdout.ToString().TrimEnd('\n').Split('\n');
        var json = Assert.Single(lines);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("generate", root.GetProperty("command").GetString());
        Assert.Equal(1000, root.GetProperty("nodes").GetInt64());
        Assert.Equal(4000, root.GetProperty("edges").GetInt64());
        Assert.Equal(5, root.GetProperty("seed").GetInt64());
        Assert.Equal(Path.GetFullPath(output), root.GetProperty("out").GetString());
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("peak_working_set_mb").GetDouble() > 0);
        Assert.Equal(["edges.csv", "nodes.csv"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        var graph = GeneratedGraph.Parse(File.ReadAllText(Path.Combine(output, "nodes.csv")), File.ReadAllText(Path.Combine(output, "edges.csv")));
        Assert.Equal(1000, graph.Nodes.Count);
        Assert.Equal(4000, graph.Edges.Count);
    }

    [Fact]
    public void Run_SameArgumentsAsLibrary_WritesTheLibrarysBytes()
    {
        var output = Path.Combine(_root, "graph");

        GenerateCommand.Run(["--nodes", "500", "--edges", "2000", "--out", output], new StringWriter(), new StringWriter());

        // The default seed is 1.
        var expected = GeneratedGraph.Create(500, 2000, seed: 1);
        Assert.Equal(expected.NodesCsv, File.ReadAllText(Path.Combine(output, "nodes.csv")));
        Assert.Equal(expected.EdgesCsv, File.ReadAllText(Path.Combine(output, "edges.csv")));
    }

    [Fact]
    public void Run_NonEmptyDirectoryWithForce_ReplacesTheGraphAndKeepsOtherFiles()
    {
        var output = Path.Combine(_root, "graph");
        GenerateCommand.Run(["--nodes", "100", "--edges", "300", "--out", output], new StringWriter(), new StringWriter());
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        var exit = GenerateCommand.Run(["--nodes", "50", "--edges", "60", "--out", output, "--force"], new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal(51, File.ReadLines(Path.Combine(output, "nodes.csv")).Count());
        Assert.Equal(61, File.ReadLines(Path.Combine(output, "edges.csv")).Count());
        Assert.True(File.Exists(Path.Combine(output, "notes.txt")));
    }

    [Fact]
    public async Task RunAsync_GenerateCommand_IsInTheCommandTable()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await Commands.RunAsync(["generate", "--nodes", "20", "--edges", "30", "--out", Path.Combine(_root, "g")], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("\"command\":\"generate\"", stdout.ToString());
    }
}
