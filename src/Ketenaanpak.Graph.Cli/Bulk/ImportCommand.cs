using System.Globalization;
using System.Text.Json;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Cli.Store;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Cli.Bulk;

/// <summary>
/// `ketenaanpak import FILE [--format …] [--mapping M] [--dataset NAME] [--partner CODE] [--grading B2]
/// [--legal-basis Covenant] [--handling-code Chain] [--retain-until YYYY-MM-DD] [--kind Person] [--duplicates sum|first]
/// [--rejections OUT.csv] [--verbose]`: one transaction into the configured store; one JSON line; exit 1 when the import failed
/// (nothing saved), 2 for a wrong flag. With --background the file goes into the shared job queue instead (as from the
/// import page): whichever app instance has a free worker imports it; the line then gives the run's id to follow.
/// </summary>
public static class ImportCommand
{
    // Readable Dutch in the summary (', é, × unescaped); still valid JSON.
    internal static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Flags = ["format", "mapping", "dataset", "partner", "grading", "legal-basis", "handling-code",
        "retain-until", "kind", "duplicates", "rejections", "dry-run", "background", "verbose"];

    // A queued import runs as the page's does: the run keeps format, mapping, dataset and partner; the rest are defaults.
    private static readonly string[] NotWithBackground = ["grading", "legal-basis", "handling-code", "retain-until", "kind", "duplicates", "rejections", "dry-run"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new CliArgs(args, "dry-run", "background", "verbose");
        if (a.Positional.Count != 1) throw new CliUsageException("use: ketenaanpak import FILE [--format csv|ftm|graphml|edgelist|matrix|two-mode] [--mapping M] [--dataset NAME]");
        var given = a.Positional[0];
        var path = Path.GetFullPath(given);
        a.Positional.Clear();
        a.RejectUnknown(Flags);
        if (!File.Exists(path) && !Directory.Exists(path)) throw new CliUsageException($"'{given}' does not exist.");
        var format = a.Get("format") is { } f ? ParseFormat(f) : FormatSniffer.Detect(path);
        var dataset = a.Get("dataset") ?? FormatSniffer.DatasetName(path);
        if (!ImportKeys.IsValidDataset(dataset, out var dsError)) throw new CliUsageException(dsError);
        var mapping = a.Get("mapping") is { } m ? CsvMapping.Parse(File.ReadAllText(m)) : null;
        var kind = NodeKind.Person;
        if (a.Get("kind") is { } k && !BulkNames.TryKind(k, out kind)) throw new CliUsageException($"--kind: unknown node kind '{k}'.");
        var duplicates = a.Get("duplicates") switch
        {
            null or "sum" => DuplicateWeights.Sum,
            "first" => DuplicateWeights.First,
            var d => throw new CliUsageException($"--duplicates must be sum or first, got '{d}'."),
        };

        if (a.Has("background") && NotWithBackground.FirstOrDefault(a.Has) is { } clash)
            throw new CliUsageException($"--{clash} cannot be combined with --background: a queued import uses the defaults of the import page.");
        if (a.Has("background") && Directory.Exists(path)) throw new CliUsageException("--background takes one file, not a folder.");

        using var host = CliHost.Build(args);
        await host.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        if (a.Has("background"))
            return await QueueAsync(scope.ServiceProvider, a, path, format, dataset, mapping, stdout);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var partner = await ImportPartners.ResolveAsync(db, a.Get("partner"), CancellationToken.None);
        var provenance = ImportDefaults(a, partner.Id, clock.GetUtcNow());
        var importer = a.Has("dry-run") ? new GraphImporter(new DryRunWriterFactory()) : scope.ServiceProvider.GetRequiredService<GraphImporter>();
        var request = new ImportRequest(path, format, dataset, Path.GetFileName(path), mapping, kind, duplicates);
        try
        {
            var s = await importer.ImportAsync(request, provenance);
            if (a.Get("rejections") is { } out_) await WriteRejectionsAsync(out_, s);
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                command = "import", ok = true, file = s.File, format = FormatName(request.Format), dataset = s.Dataset, provider = s.Provider,
                partner = partner.Code, transaction = "one transaction: all or nothing",
                defaults = new { grading = provenance.Grading.Code, legal_basis = provenance.LegalBasis.ToString(), handling_code = provenance.HandlingCode.ToString(), retain_until = provenance.RetainUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                nodes_read = s.NodesRead, relations_read = s.RelationsRead, statements_read = s.StatementsRead,
                nodes_inserted = s.NodesInserted, relations_inserted = s.RelationsInserted, statements_inserted = s.StatementsInserted,
                nodes_already_present = s.NodesAlreadyPresent, relations_already_present_or_repeated = s.RelationsAlreadyPresentOrRepeated,
                rejected = s.Rejected, rejections = s.Rejections.Take(20).Select(r => new { line = r.Line, reason = r.Reason }),
                normalised = s.Normalised, seconds = s.Seconds,
                // --verbose: where the time went (reading/checking/hashing, the writer's inserts or COPY, the commit).
                timings = a.Has("verbose") && s.Timings is { } t ? new { read_s = t.ReadSeconds, write_s = t.WriteSeconds, commit_s = t.CommitSeconds } : null,
            }, Json));
            return 0;
        }
        catch (ImportFailedException e)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { command = "import", ok = false, file = Path.GetFileName(path), dataset, error = e.Message, saved = "nothing" }, Json));
            stderr.WriteLine($"ketenaanpak import: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> QueueAsync(IServiceProvider services, CliArgs a, string path, ImportFormat format, string dataset,
        CsvMapping? mapping, TextWriter stdout)
    {
        var db = services.GetRequiredService<GraphDbContext>();
        var partner = await ImportPartners.ResolveAsync(db, a.Get("partner"), CancellationToken.None);
        var storage = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        Guid run;
        await using (var file = File.OpenRead(path))
            run = await services.GetRequiredService<ImportQueue>().QueueAsync(file, Path.GetFileName(path), dataset, format,
                mapping is null ? null : File.ReadAllText(a.Get("mapping")!), // already parsed above, so known to be valid
                partner.Id.Value, "system:cli", storage.DataDirectory, CancellationToken.None);
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            command = "import", ok = true, queued = true, run = run.ToString(), file = Path.GetFileName(path), format = FormatName(format), dataset,
            partner = partner.Code, follow = $"/importeren/{run}",
        }, Json));
        return 0;
    }

    private static ImportProvenance ImportDefaults(CliArgs a, Domain.Common.PartnerId partner, DateTimeOffset now)
    {
        var grading = ImportProvenance.DefaultGrading;
        if (a.Get("grading") is { } g && !Grading.TryParse(g, out grading, out var error)) throw new CliUsageException(error);
        var basis = ImportProvenance.DefaultLegalBasis;
        if (a.Get("legal-basis") is { } lb && !Enum.TryParse(lb, true, out basis)) throw new CliUsageException($"--legal-basis must be one of {string.Join(", ", Enum.GetNames<LegalBasis>())}.");
        var handling = ImportProvenance.DefaultHandlingCode;
        if (a.Get("handling-code") is { } hc && !Enum.TryParse(hc, true, out handling)) throw new CliUsageException($"--handling-code must be one of {string.Join(", ", Enum.GetNames<HandlingCode>())}.");
        var retain = DateOnly.FromDateTime(now.UtcDateTime).AddYears(ImportProvenance.DefaultRetentionYears);
        if (a.Get("retain-until") is { } ru && !DateOnly.TryParseExact(ru, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out retain))
            throw new CliUsageException("--retain-until must be a date YYYY-MM-DD.");
        if (retain < DateOnly.FromDateTime(now.UtcDateTime)) throw new CliUsageException("--retain-until lies in the past.");
        return new ImportProvenance(partner, now, grading, basis, handling, retain);
    }

    private static string FormatName(ImportFormat f) => f == ImportFormat.TwoMode ? "two-mode" : f.ToString().ToLowerInvariant();

    internal static ImportFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "csv" => ImportFormat.Csv,
        "ftm" or "ijson" or "jsonl" => ImportFormat.Ftm,
        "graphml" => ImportFormat.GraphMl,
        "edgelist" or "edge-list" => ImportFormat.EdgeList,
        "matrix" or "adjacency" => ImportFormat.Matrix,
        "two-mode" or "twomode" => ImportFormat.TwoMode,
        _ => throw new CliUsageException($"--format must be csv, ftm, graphml, edgelist, matrix or two-mode, got '{text}'."),
    };

    private static async Task WriteRejectionsAsync(string path, ImportSummary s)
    {
        await using var w = new StreamWriter(path);
        await w.WriteLineAsync("line,reason");
        foreach (var r in s.Rejections) await w.WriteLineAsync($"{r.Line},\"{r.Reason.Replace("\"", "\"\"")}\"");
    }
}
