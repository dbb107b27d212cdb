using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Generation;
using Ketenaanpak.Graph.Cli.Common;

namespace Ketenaanpak.Graph.Cli.Generate;

/// <summary>
/// `ketenaanpak generate --nodes N --edges M [--seed S] --out DIR [--force]`: writes DIR/nodes.csv and DIR/edges.csv
/// with <see cref="SyntheticGraphGenerator"/>. Needs no store, so it builds no host.
/// </summary>
public static class GenerateCommand
{
    private static readonly string[] Flags = ["nodes", "edges", "seed", "out", "force"];

    /// <returns>0 on success, 2 for a wrong flag or value, 1 when writing fails.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return Generate(args, stdout);
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"ketenaanpak generate: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"ketenaanpak generate: could not write the files: {e.Message}");
            return 1;
        }
    }

    private static int Generate(string[] args, TextWriter stdout)
    {
        var flags = new CliArgs(args, "force");
        flags.RejectUnknown(Flags);
        var nodes = flags.Long("nodes", min: SyntheticGraphOptions.MinNodes, max: SyntheticGraphOptions.MaxNodes);
        var edges = flags.Long("edges");
        if (edges < 1) throw new CliUsageException($"--edges must be at least 1, got {edges}.");
        if (edges > SyntheticGraphOptions.MaxSimpleEdges(nodes))
            throw new CliUsageException($"--edges {edges} is more than a simple graph on {nodes} nodes can hold "
                + $"(N(N-1)/2 = {SyntheticGraphOptions.MaxSimpleEdges(nodes)}).");
        if (edges > SyntheticGraphOptions.MaxTypedEdges(nodes))
            throw new CliUsageException($"--edges {edges} is more than the relation types allow on {nodes} nodes "
                + $"(at most {SyntheticGraphOptions.MaxTypedEdges(nodes)}; documents, vehicles, ads and addresses link only to some kinds).");
        var seed = flags.Long("seed", fallback: 1);
        var output = PrepareDirectory(flags.Require("out"), flags.Has("force"));

        var clock = Stopwatch.StartNew();
        var options = new SyntheticGraphOptions(nodes, edges, seed);
        var nodesPath = Path.Combine(output, "nodes.csv");
        var edgesPath = Path.Combine(output, "edges.csv");
        // Written under temporary names and renamed at the end, so a reader never mistakes a cut-off file for a graph.
        using (var nodesWriter = OpenWriter(nodesPath + ".partial"))
        using (var edgesWriter = OpenWriter(edgesPath + ".partial"))
        {
            SyntheticGraphGenerator.Generate(options, nodesWriter, edgesWriter);
        }
        File.Move(nodesPath + ".partial", nodesPath, overwrite: true);
        File.Move(edgesPath + ".partial", edgesPath, overwrite: true);

        using var process = Process.GetCurrentProcess();
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            command = "generate",
            nodes,
            edges,
            seed,
            @out = output,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            peak_working_set_mb = Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
        }));
        return 0;
    }

    private static string PrepareDirectory(string path, bool force)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new CliUsageException("--out needs a directory.");
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new CliUsageException($"--out {path} is a file, not a directory.");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !force)
            throw new CliUsageException($"--out {path} is not empty; pass --force to overwrite nodes.csv and edges.csv in it.");
        Directory.CreateDirectory(full);
        return full;
    }

    private static StreamWriter OpenWriter(string path) =>
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 20 });
}
