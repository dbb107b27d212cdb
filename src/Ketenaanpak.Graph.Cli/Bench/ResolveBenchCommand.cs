using System.Text.Json;
using Ketenaanpak.Graph.Application.Resolution;
using Ketenaanpak.Graph.Application.Resolution.Bench;
using Ketenaanpak.Graph.Cli.Common;

namespace Ketenaanpak.Graph.Cli.Bench;

/// <summary>
/// <c>ketenaanpak resolve-bench --seed S [--stored N] [--new N] [--duplicates F] [--suggest-from T]</c>: generates labelled noisy entities,
/// runs the entity resolver the job runs, and prints one JSON line with precision, recall (overall and per kind),
/// n_stored, n_new and compute_s (index build + resolve; generation and parsing apart). See docs/benchmarks.md.
/// </summary>
public static class ResolveBenchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var flags = new CliArgs(args);
        flags.RejectUnknown("seed", "stored", "new", "duplicates", "suggest-from");
        var seed = flags.Long("seed", 1);
        var stored = (int)flags.Long("stored", 100_000, 0, 20_000_000);
        var fresh = (int)flags.Long("new", 10_000, 1, 5_000_000);
        var share = 0.6;
        if (flags.Get("duplicates") is { } d && (!double.TryParse(d, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out share) || share is < 0 or > 1))
            throw new CliUsageException($"--duplicates must be a fraction between 0 and 1, got '{d}'.");
        var suggestFrom = ResolverOptions.Default.SuggestFrom;
        if (flags.Get("suggest-from") is { } t && (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out suggestFrom) || suggestFrom is < 0 or > 1))
            throw new CliUsageException($"--suggest-from must be a score between 0 and 1, got '{t}'.");
        var r = ResolveBench.Run(new ResolveBenchOptions(seed, stored, fresh, share, ResolverOptions.Default with { SuggestFrom = suggestFrom }));
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "resolve", precision = r.Precision, recall = r.Recall, pair_precision = r.PairPrecision,
            per_kind = r.PerKind.ToDictionary(k => k.Kind, k => new { precision = k.Precision, recall = k.Recall, n_new = k.New, with_truth = k.WithTruth, answered = k.Answered, correct = k.Correct }),
            n_stored = r.NStored, n_new = r.NNew, seed = r.Seed, generate_s = r.GenerateS, load_s = r.LoadS, compute_s = r.ComputeS,
            comparisons = r.Comparisons, links = r.Links, suggestions = r.Suggestions, processors = Environment.ProcessorCount,
            load_average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?",
        }));
        return 0;
    }
}
