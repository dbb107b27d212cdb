using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Cli.Analyse;

/// <summary>
/// <c>ketenaanpak analyse &lt;algo&gt; --input FILE [--format F] [--values OUT.tsv] [--threads N] [--k K] [--seed S]
/// [--roles FILE]</c>: reads a network by peers.py's rules, runs one algorithm and prints one JSON object with n, m,
/// load_s, compute_s, a summary and top5, so the output lines up with <c>shared/bench/peers.py run</c>.
/// </summary>
public static class AnalyseCommand
{
    /// <summary>Entry point; returns the process exit code (0 ok, 2 usage or input error).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var a = new Common.CliArgs(args, "weighted", "normalized");
            if (a.Positional.Count < 1 || a.Get("input") is not { } input)
            {
                stderr.WriteLine("usage: ketenaanpak analyse <algo> --input FILE [--format edgelist|csv|matrix|twomode|graphml|ftm] " +
                                 "[--values OUT.tsv] [--threads N] [--k K] [--seed S] [--roles FILE] [--weighted] [--normalized]");
                stderr.WriteLine("algos: " + string.Join(' ', AlgorithmRunner.Names));
                return 2;
            }
            var sw = Stopwatch.StartNew();
            var data = GraphFileLoader.Load(input, a.Get("format"));
            var graph = data.ToCsr();
            double load = sw.Elapsed.TotalSeconds;
            var request = new AlgorithmRequest(a.Positional[0], data, graph, (int)a.Long("threads", 0),
                (int)a.Long("k", 1000), (int)a.Long("seed", 1), a.Has("weighted"), a.Has("normalized"),
                a.Get("roles"), flag => a.Get(flag.TrimStart('-')));
            sw.Restart();
            var outcome = AlgorithmRunner.Execute(request);
            double compute = sw.Elapsed.TotalSeconds;
            if (a.Get("values") is { } valuesPath && outcome.Values is { } values)
                WriteValues(valuesPath, data.Names, values);
            stdout.WriteLine(ToJson(request.Algo, data, load, compute, outcome));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidOperationException)
        {
            stderr.WriteLine($"analyse: {e.Message}");
            return 2;
        }
    }

    internal static void WriteValues(string path, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        using var w = new StreamWriter(path);
        for (int i = 0; i < names.Count; i++)
            w.Write($"{names[i]}\t{values[i].ToString("R", CultureInfo.InvariantCulture)}\n");
    }

    internal static string ToJson(string algo, EdgeListData data, double load, double compute, AlgorithmOutcome o)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms))
        {
            j.WriteStartObject();
            j.WriteString("peer", "ketenaanpak");
            j.WriteString("algo", algo);
            j.WriteNumber("n", data.NodeCount);
            j.WriteNumber("m", data.EdgeCount);
            j.WriteNumber("load_s", Math.Round(load, 4));
            j.WriteNumber("compute_s", Math.Round(compute, 4));
            foreach (var (key, value) in o.Summary)
            {
                j.WritePropertyName(key);
                JsonSerializer.Serialize(j, value);
            }
            if (o.Values is { } values)
            {
                var top = Enumerable.Range(0, values.Count)
                    .OrderByDescending(i => values[i]).ThenBy(i => i).Take(5);
                j.WriteStartArray("top5");
                foreach (var i in top)
                {
                    j.WriteStartArray();
                    j.WriteStringValue(data.Names[i]);
                    j.WriteNumberValue(Math.Round(values[i], 6));
                    j.WriteEndArray();
                }
                j.WriteEndArray();
            }
            if (data.Notes.Count > 0)
            {
                j.WriteStartArray("reader_notes");
                foreach (var note in data.Notes) j.WriteStringValue(note);
                j.WriteEndArray();
            }
            j.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}

/// <summary>Everything an algorithm run needs from the command line.</summary>
internal sealed record AlgorithmRequest(string Algo, EdgeListData Data, CsrGraph Graph, int Threads, int K, int Seed,
    bool Weighted, bool Normalized, string? RolesPath, Func<string, string?>? Options = null)
{
    public string? Option(string flag) => Options?.Invoke(flag);
}

/// <summary>Per-vertex values (null when the algorithm has none) and a summary for the JSON line.</summary>
internal sealed record AlgorithmOutcome(IReadOnlyList<double>? Values, IReadOnlyList<KeyValuePair<string, object>> Summary);
