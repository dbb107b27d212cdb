using System.Collections.Concurrent;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>Live counts of running imports in this instance, for the progress bar (the store gets the outcome).</summary>
public sealed class ImportProgressRegistry
{
    private readonly ConcurrentDictionary<Guid, (ImportProgress Progress, long TotalLines)> _running = new();

    public void Report(Guid run, ImportProgress progress, long totalLines) => _running[run] = (progress, totalLines);
    public void Done(Guid run) => _running.TryRemove(run, out _);

    /// <summary>Percentage read, or null when this instance does not run it (another instance may).</summary>
    public (ImportProgress Progress, int Percent)? Of(Guid run) =>
        _running.TryGetValue(run, out var p)
            ? (p.Progress, p.TotalLines <= 0 ? 0 : (int)Math.Clamp(100 * p.Progress.RowsRead / p.TotalLines, 0, 99))
            : null;
}

/// <summary>
/// The Hangfire job of an import from the web page. Takes only the run's id; re-entrant: a run that already
/// succeeded is skipped (so a job delivered twice imports once), any other is (re)started — the import is one
/// transaction with stable ids, so a retry after a stopped instance neither loses nor duplicates rows.
/// </summary>
public sealed class ImportJob(IGraphDbContext db, GraphImporter importer, ImportProgressRegistry registry, TimeProvider clock,
    Auditing.IAuditLog audit, ILogger<ImportJob> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null) { log.LogWarning("Import run {Run} does not exist", runId); return; }
        if (run.Status == ImportRunStatus.Succeeded) return;
        run.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var mapping = run.MappingJson is null ? null : CsvMapping.Parse(run.MappingJson);
        var request = new ImportRequest(run.StoredPath, run.Format, run.Dataset, run.FileName, mapping);
        var provenance = new ImportProvenance(new PartnerId(run.PartnerId), clock.GetUtcNow(), ImportProvenance.DefaultGrading,
            ImportProvenance.DefaultLegalBasis, ImportProvenance.DefaultHandlingCode,
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(ImportProvenance.DefaultRetentionYears));
        long lines = CountLines(run.StoredPath);
        try
        {
            registry.Report(runId, new ImportProgress(0, 0, 0, 0), lines);
            var summary = await importer.ImportAsync(request, provenance, new SyncProgress(p => registry.Report(runId, p, lines)), cancellationToken);
            run.Succeed(summary, JsonSerializer.Serialize(summary, Json), clock.GetUtcNow());
        }
        catch (ImportFailedException e)
        {
            run.Fail(e.Message, clock.GetUtcNow());
        }
        finally
        {
            registry.Done(runId);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        // Personal data entered the store (or was refused): recorded like every other write of it.
        await audit.AppendAsync(new Auditing.AuditRecord(Security.Actor.System("import"), Auditing.AuditAction.Create, "Import", run.Id.ToString(),
            run.Status == ImportRunStatus.Succeeded
                ? $"import van {run.FileName} (dataset {run.Dataset}) voor {run.RequestedBy}, poging {run.Attempts}: geslaagd"
                : $"import van {run.FileName} (dataset {run.Dataset}) voor {run.RequestedBy}, poging {run.Attempts}: mislukt, niets opgeslagen",
            "netwerkimport"), CancellationToken.None);
        // The uploaded file has done its work either way; it is not kept beside the store (retention, issue 14.4). An
        // unexpected error (the job is retried) keeps it for the retry; the retention job removes what is left over.
        DeleteUpload(run.StoredPath);
    }

    /// <summary>Removes an uploaded import file; a file already gone is fine.</summary>
    public static void DeleteUpload(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* left for the retention job's sweep */ }
    }

    private static long CountLines(string path)
    {
        if (!File.Exists(path)) return 0;
        long count = 0;
        Span<byte> buffer = stackalloc byte[1 << 16];
        using var stream = File.OpenRead(path);
        int read;
        while ((read = stream.Read(buffer)) > 0) count += buffer[..read].Count((byte)'\n');
        return count;
    }

    // Progress<T> posts to the thread pool and may report after the end; this reports in line.
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
