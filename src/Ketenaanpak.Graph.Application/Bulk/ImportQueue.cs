using Hangfire;
using Ketenaanpak.Graph.Application.Abstractions;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>
/// Puts an import in the shared Hangfire queue: the file is kept under the data directory (which all instances share),
/// the run is saved, then the job is enqueued with only the run's id. Used by the import page and by
/// `ketenaanpak import --background`; whichever instance has a free worker runs it (ImportJob).
/// </summary>
public sealed class ImportQueue(IGraphDbContext db, IBackgroundJobClient jobs, TimeProvider clock, Auditing.IAuditLog audit)
{
    /// <param name="actor">Who offers the file (recorded in the audit log); the system for the CLI.</param>
    public async Task<Guid> QueueAsync(Stream content, string fileName, string dataset, ImportFormat format, string? mappingJson,
        Guid partnerId, string requestedBy, string dataDirectory, CancellationToken ct, Security.Actor? actor = null)
    {
        var id = Guid.CreateVersion7();
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), "imports");
        Directory.CreateDirectory(folder);
        var stored = Path.Combine(folder, id.ToString("N") + ".upload");
        await using (var file = File.Create(stored))
            await content.CopyToAsync(file, ct);
        db.ImportRuns.Add(new ImportRun(id, dataset, Path.GetFileName(fileName), stored, format, mappingJson, partnerId, requestedBy, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new Auditing.AuditRecord(actor ?? Security.Actor.System("import"), Auditing.AuditAction.Create, "Import", id.ToString(),
            $"bestand {Path.GetFileName(fileName)} aangeboden voor dataset {dataset} ({format})", "netwerkimport"), ct);
        jobs.Enqueue<ImportJob>(j => j.RunAsync(id, CancellationToken.None));
        return id;
    }
}
