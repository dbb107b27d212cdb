using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ketenaanpak.Graph.Cli.Common;

namespace Ketenaanpak.Graph.Cli.Bench;

/// <summary>
/// <c>ketenaanpak bench bulk --input DIR [--dataset NAME] [--export graphml,neo4j-csv] [--out DIR] [--peer igraph|networkx|none]</c>
/// plus the store flags: issue 8's targets in one invocation. Imports the folder (nodes.csv + edges.csv, as
/// <c>generate</c> writes it) into the configured store exactly as <c>ketenaanpak import</c> does, exports the dataset in
/// each format as <c>ketenaanpak export</c> does, then lets the peer read the same edges.csv into an in-memory graph.
/// Prints one JSON line: wall and CPU seconds per step, the CPU of the local PostgreSQL server's processes during each
/// step (when it runs on this machine), the peer's load time, and the load average before and after.
/// The peer builds an unattributed graph in memory and persists nothing; ours parses, checks, hashes and stores every
/// row with its provenance, durably, in one transaction — the ratio is a scale reference, not a like-for-like race.
/// </summary>
public static class BulkBenchCommand
{
    private static readonly string[] Flags = ["input", "dataset", "export", "out", "peer"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new CliArgs(args);
        a.RejectUnknown(Flags);
        var peer = a.Get("peer") ?? "igraph";
        if (peer is not ("igraph" or "networkx" or "none")) throw new CliUsageException("--peer must be igraph, networkx or none.");
        var input = Path.GetFullPath(a.Require("input"));
        var edges = Path.Combine(input, "edges.csv");
        if (!File.Exists(edges) || !File.Exists(Path.Combine(input, "nodes.csv")))
            throw new CliUsageException($"--input {a.Get("input")} must be a folder with nodes.csv and edges.csv (as 'ketenaanpak generate' writes).");
        var dataset = a.Get("dataset") ?? "bench";
        var formats = (a.Get("export") ?? "graphml,neo4j-csv").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outDir = Path.GetFullPath(a.Get("out") ?? Path.Combine(Path.GetTempPath(), $"ketenaanpak-bench-bulk-{Environment.ProcessId}"));
        var peers = peer == "none" ? null : Peers.Find();
        // The store flags (keys with a colon) go to import and export unchanged.
        var storeFlags = StoreFlags(args);

        var report = new JsonObject { ["input"] = input, ["dataset"] = dataset, ["load_average_before"] = Peers.LoadAverage() };
        var import = await StepAsync(w => Bulk.ImportCommand.RunAsync([input, "--format", "csv", "--dataset", dataset, "--verbose", .. storeFlags], w, stderr));
        if (import.Exit != 0) { stderr.WriteLine("bench bulk: the import failed; see above."); return import.Exit; }
        var summary = import.Json!;
        report["provider"] = summary["provider"]?.DeepClone();
        report["nodes"] = summary["nodes_inserted"]?.DeepClone();
        report["relations"] = summary["relations_inserted"]?.DeepClone();
        // A dataset that was already (partly) stored takes the re-import path: a different, slower measurement.
        report["fresh_dataset"] = summary["nodes_already_present"]?.GetValue<long>() == 0;
        bool postgres = summary["provider"]?.GetValue<string>() == "PostgreSql";
        report["import"] = import.Figures(postgres, summary["timings"]?.DeepClone());

        var exports = new JsonObject();
        foreach (var format in formats)
        {
            var target = Path.Combine(outDir, $"{dataset}.{format}");
            var export = await StepAsync(w => Bulk.ExportCommand.RunAsync(["--format", format, "--dataset", dataset, "--out", target, "--force", .. storeFlags], w, stderr));
            if (export.Exit != 0) { stderr.WriteLine($"bench bulk: the {format} export failed; see above."); return export.Exit; }
            var figures = export.Figures(postgres, null);
            figures["bytes"] = File.Exists(target) ? new FileInfo(target).Length
                : Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            exports[format] = figures;
        }
        report["export"] = exports;

        if (peers is not null)
        {
            var sw = Stopwatch.StartNew();
            var output = Peers.Python(peers, $"run components {edges} --peer {peer}", out var peerCpu);
            var peerJson = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
            report["peer"] = peer;
            report["peer_load_s"] = peerJson["load_s"]?.DeepClone();
            report["peer_wall_s"] = Math.Round(sw.Elapsed.TotalSeconds, 2);
            if (!double.IsNaN(peerCpu)) report["peer_process_cpu_s"] = Math.Round(peerCpu, 2);
            report["peer_n"] = peerJson["n"]?.DeepClone();
            report["peer_m"] = peerJson["m"]?.DeepClone();
            report["ratio_import_to_peer_load"] = Math.Round(import.Wall / peerJson["load_s"]!.GetValue<double>(), 2);
        }
        report["load_average_after"] = Peers.LoadAverage();
        stdout.WriteLine(report.ToJsonString());
        return 0;
    }

    private static string[] StoreFlags(string[] args)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || !args[i].Contains(':')) continue;
            kept.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length) kept.Add(args[++i]);
        }
        return [.. kept];
    }

    private sealed record Step(int Exit, JsonNode? Json, double Wall, double Cpu, double? ServerCpu)
    {
        public JsonObject Figures(bool postgres, JsonNode? timings)
        {
            var o = new JsonObject { ["wall_s"] = Math.Round(Wall, 2), ["cpu_s"] = Math.Round(Cpu, 2) };
            if (postgres && ServerCpu is { } s) o["postgres_cpu_s"] = Math.Round(s, 2);
            if (timings is not null) o["timings"] = timings;
            return o;
        }
    }

    /// <summary>Runs one command in this process, with its wall time, this process's CPU and the local PostgreSQL's CPU.</summary>
    private static async Task<Step> StepAsync(Func<TextWriter, Task<int>> command)
    {
        var output = new StringWriter();
        var server0 = PostgresCpu();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int exit = await command(output);
        double wall = sw.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var server1 = PostgresCpu();
        double? serverCpu = server1.Count == 0 ? null
            : server1.Sum(p => p.Value - server0.GetValueOrDefault(p.Key));
        var line = output.ToString().Trim().Split('\n')[^1];
        return new Step(exit, exit == 0 ? JsonNode.Parse(line) : null, wall, cpu, serverCpu);
    }

    /// <summary>
    /// CPU seconds so far of every local process named postgres (backends, writers, checkpointer, autovacuum), by pid.
    /// The import's backend stays alive in the connection pool until this process ends, so it is counted; a backend that
    /// came and went within a step is not. Empty when the server runs elsewhere (or /proc is not there).
    /// </summary>
    private static Dictionary<int, double> PostgresCpu()
    {
        var cpu = new Dictionary<int, double>();
        if (!Directory.Exists("/proc")) return cpu;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "postgres") continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name in parentheses: utime and stime are the 14th and 15th of the line.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                cpu[pid] = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return cpu;
    }
}
