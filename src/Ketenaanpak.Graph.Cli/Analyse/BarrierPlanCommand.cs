using System.Diagnostics;
using System.Text.Json;
using Ketenaanpak.Graph.Analytics.Barriers;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Domain.Barriers;

namespace Ketenaanpak.Graph.Cli.Analyse;

/// <summary>
/// <c>ketenaanpak analyse barrier-plan --input EDGES --roles ROLES.csv [--budget K] [--format F]</c>: the barrier plan
/// of a network given as files (docs/analytics.md, "Barrier plan"), one JSON line. The store forms
/// (<c>--dossier</c>, <c>--all-dossiers</c>) are in <see cref="StoreBarrierPlanCommand"/>.
/// </summary>
public static class BarrierPlanCommand
{
    public const int DefaultBudget = 3;

    public static IReadOnlyList<string> PhaseCodes => [.. BarrierPhase.Default.Select(p => p.Code)];

    public static bool IsStoreForm(string[] args) =>
        args.Any(a => a.StartsWith("--dossier", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--all-dossiers", StringComparison.OrdinalIgnoreCase));

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var a = new CliArgs(args);
            a.Positional.Remove("barrier-plan");
            a.RejectUnknown("input", "roles", "budget", "format");
            var input = a.Require("input");
            var rolesPath = a.Require("roles");
            int budget = (int)a.Long("budget", DefaultBudget, 0, 10_000);
            if (!File.Exists(rolesPath)) throw new CliUsageException($"roles file not found: {rolesPath}");
            var edges = GraphFileLoader.Load(input, a.Get("format"));
            BarrierNetwork network;
            IReadOnlyList<string> names;
            using (var roles = new StreamReader(rolesPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
                (network, names) = BarrierRolesReader.Read(roles, edges, PhaseCodes);
            var sw = Stopwatch.StartNew();
            var plan = BarrierPlanner.Plan(network, new BarrierLimits(budget), withVictims: false);
            double compute = sw.Elapsed.TotalSeconds;
            stdout.WriteLine(ToJson(plan, network, names, budget, compute, null));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidOperationException)
        {
            stderr.WriteLine($"analyse barrier-plan: {e.Message}");
            return 2;
        }
    }

    /// <summary>The JSON line: dependencies, broken, plan, optimal, ranking, direct_ties, by_phase, compute_s (and, for a
    /// dossier, its number and counts).</summary>
    public static string ToJson(BarrierPlan plan, BarrierNetwork network, IReadOnlyList<string> names, int budget, double compute,
        IReadOnlyList<KeyValuePair<string, object>>? dossier)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms))
        {
            j.WriteStartObject();
            foreach (var (key, value) in dossier ?? [])
            {
                j.WritePropertyName(key);
                JsonSerializer.Serialize(j, value);
            }
            j.WriteNumber("budget", budget);
            j.WriteNumber("dependencies", plan.Dependencies);
            j.WriteNumber("broken", plan.Broken);
            j.WriteStartArray("plan");
            foreach (var v in plan.Plan) j.WriteStringValue(names[v]);
            j.WriteEndArray();
            j.WriteBoolean("optimal", plan.Optimal);
            j.WriteString("method", plan.Method);
            j.WriteStartArray("ranking");
            foreach (var s in plan.Ranking)
            {
                j.WriteStartArray();
                j.WriteStringValue(names[s.Vertex]);
                j.WriteNumberValue(Math.Round(s.Score, 9));
                j.WriteEndArray();
            }
            j.WriteEndArray();
            j.WriteStartArray("direct_ties");
            foreach (var (p, v) in plan.DirectTies)
            {
                j.WriteStartArray();
                j.WriteStringValue(names[p]);
                j.WriteStringValue(names[v]);
                j.WriteEndArray();
            }
            j.WriteEndArray();
            j.WriteStartObject("by_phase");
            foreach (var phase in plan.ByPhase)
            {
                j.WriteStartObject(phase.Code);
                j.WriteNumber("dependencies", phase.Dependencies);
                j.WriteNumber("broken", phase.Broken);
                j.WriteEndObject();
            }
            j.WriteEndObject();
            j.WriteNumber("n", network.NodeCount);
            j.WriteNumber("m", network.Graph.EdgeCount);
            j.WriteNumber("compute_s", Math.Round(compute, 4));
            j.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
