using Ketenaanpak.Graph.Cli.Audit;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Cli.Generate;
using Ketenaanpak.Graph.Cli.Store;

namespace Ketenaanpak.Graph.Cli;

/// <summary>The command table. Each command prints one JSON line on success and exits non-zero on failure.</summary>
public static class Commands
{
    private const string Usage = """
        ketenaanpak <command> [flags]

          migrate                     apply the store's migrations (and load the demo region where Demo:Enabled)
          user add --name NAME --role ROLE --partner CODE [--partner-name NAME --partner-kind KIND] [--display NAME]
                                      create an account (password from KETENAANPAK_PASSWORD); the partner is created
                                      when it does not exist yet — how a server install gets its first administrator
          generate --nodes N --edges M [--seed S] --out DIR [--force]
                                      write a synthetic typed graph (nodes.csv, edges.csv) for scale tests;
                                      N up to 1e8, heavy-tailed degrees, same seed = same bytes (default seed 1)
          analyse <algo> --input FILE [--format edgelist|csv|ftm|graphml] [--values OUT.tsv] [--threads N] [--k K]
                                      run one algorithm on a graph file; one JSON line with n, m, load_s, compute_s, top5
          analyse barrier-plan --input EDGES --roles ROLES.csv [--budget K]
                                      the barrier plan of a network (roles file: id,role,phase); one JSON line with
                                      dependencies, broken, plan, optimal, ranking, direct_ties, by_phase, compute_s
          analyse barrier-plan --dossier NUMBER | --all-dossiers [--budget K]
                                      the same for dossiers in the store (one line each, with dossier and counts)
          bench <algo> ...            ours and the igraph/networkx peer on the same generated file, with the ratio
          bench expand --nodes N [--edges M] [--requests R] [--cap C] [--hops H] [--before]
                                      p50/p95 of the explorer's expand (access policy + audit) on a generated store
          bench bulk --input DIR [--dataset NAME] [--export graphml,neo4j-csv] [--out DIR] [--peer igraph|networkx|none]
                                      import a generated folder into the configured store, export it, and let the
                                      peer read the same edges.csv: wall/CPU per step (and the local PostgreSQL's CPU)
          resolve --all               compare every entity in the store: exact-key duplicates merged (as a system
                                      judgement), fuzzy person candidates queued for the analysts (/koppelen)
          resolve-bench --seed S [--stored N] [--new N] [--duplicates F]
                                      labelled noisy entities, the entity resolver, precision/recall per kind and
                                      compute_s as one JSON line (docs/benchmarks.md)
          audit verify [--expect-head SEQ:HASH]
                                      check the audit log's hash chain; prints the result and the head (keep the
                                      head outside the system: a removed tail is only caught with --expect-head);
                                      exit 0 intact, 1 broken, 3 store not readable
          audit export --out FILE.csv [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--purpose TEXT] [--force]
                                      write the audit log (or a period, Dutch days, inclusive) as CSV; the export
                                      is itself recorded in the log

          import FILE [--format csv|ftm|graphml|edgelist|matrix|two-mode] [--mapping M.json] [--dataset NAME]
                 [--partner CODE] [--grading E4] [--legal-basis Covenant] [--handling-code Chain]
                 [--retain-until YYYY-MM-DD] [--kind Person] [--duplicates sum|first] [--rejections OUT.csv]
                 [--dry-run] [--verbose]
                                      import a file (or a folder with nodes.csv/edges.csv) into the store in one
                                      transaction; re-importing the same dataset adds nothing twice; --verbose adds
                                      where the time went (read / write / commit seconds)
          export --format graphml|ftm|csv|cypher|neo4j-csv [--dataset NAME] --out PATH [--force]
                                      stream the store (or one dataset) to a file (graphml, ftm, cypher) or a
                                      folder (csv, neo4j-csv)
          alerts evaluate [--signal ID]
                                      run the alert rules (signaleringen) over the store, or over what one signal
                                      touched; idempotent: the same situation refreshes its open alert

        Store flags (as in the web app): --Storage:Provider Sqlite|PostgreSql  --ConnectionStrings:Graph "..."
                                         --Storage:DataDirectory DIR
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "migrate" => await MigrateCommand.RunAsync(rest, stdout, stderr),
                "generate" => GenerateCommand.Run(rest, stdout, stderr),
                "analyse" or "analyze" when rest.FirstOrDefault() == "barrier-plan" && !Analyse.BarrierPlanCommand.IsStoreForm(rest) =>
                    Analyse.BarrierPlanCommand.Run(rest[1..], stdout, stderr),
                "analyse" or "analyze" when rest.FirstOrDefault() == "barrier-plan" => await Analyse.StoreBarrierPlanCommand.RunAsync(rest[1..], stdout, stderr),
                "analyse" or "analyze" => Analyse.AnalyseCommand.Run(rest, stdout, stderr),
                "bench" when rest.FirstOrDefault() == "bulk" => await Bench.BulkBenchCommand.RunAsync(rest[1..], stdout, stderr),
                "bench" when rest.FirstOrDefault() == "expand" => await Bench.ExpandBenchCommand.RunAsync(rest[1..], stdout, stderr),
                "bench" => Analyse.BenchCommand.Run(rest, stdout, stderr),
                "resolve" => await ResolveCommand.RunAsync(rest, stdout, stderr),
                "resolve-bench" => Bench.ResolveBenchCommand.Run(rest, stdout, stderr),
                "audit" => await AuditCommand.RunAsync(rest, stdout, stderr),
                "user" => await UserCommand.RunAsync(rest, stdout, stderr),
                "import" => await Bulk.ImportCommand.RunAsync(rest, stdout, stderr),
                "export" => await Bulk.ExportCommand.RunAsync(rest, stdout, stderr),
                "alerts" => await Alerts.AlertsCommand.RunAsync(rest, stdout, stderr),
                _ => Unknown(args[0], stderr),
            };
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"ketenaanpak {args[0]}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The store could not be reached or refused a write: one line that says so and a non-zero exit, not a stack
            // trace. Every command writes in one transaction, so what failed left nothing behind.
            var reason = e.GetBaseException().Message.ReplaceLineEndings(" ");
            stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { command = args[0], ok = false, error = $"store error: {reason}" }));
            stderr.WriteLine($"ketenaanpak {args[0]}: the store could not be reached or refused the change: {reason}");
            return 1;
        }
    }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"ketenaanpak: unknown command '{command}'.");
        stderr.WriteLine(Usage);
        return 2;
    }
}
