using System.IO.Compression;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Application.Bulk.Export;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Ketenaanpak.Graph.Web.Features.Imports;

/// <summary>
/// GET /exporteren: the page to choose a format; GET /exporteren?formaat=graphml|ftm|cypher|csv|neo4j-csv&amp;dataset=NAAM:
/// the network (or one imported dataset) as a download, streamed. Through the reader's scope — only the user's network,
/// victims pseudonymised outside their team, only facts the user may read in full (an export cannot carry "ask the
/// partner") — and recorded in the audit log before the first
/// byte leaves. The two CSV formats are folders of two files, so they leave as a ZIP.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class ExportsController(GraphExporter exporter, IAuditLog audit, ICurrentActor current, IGraphDbContext db,
    Application.Analytics.GraphSnapshotService snapshots) : Controller
{
    [HttpGet("/exporteren")]
    public async Task<IActionResult> Export([FromQuery(Name = "formaat")] string? format, [FromQuery] string? dataset,
        [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (format is null)
            return await PageAsync(ct);
        if (!ExportWriters.TryParse(format, out var f))
            return Problem(statusCode: 400, title: "Ongeldig formaat", detail: "Kies als formaat graphml, ftm, cypher, csv of neo4j-csv.");
        dataset = string.IsNullOrWhiteSpace(dataset) ? null : dataset.Trim();
        if (dataset is not null && !ImportKeys.IsValidDataset(dataset, out var error))
            return Problem(statusCode: 400, title: "Ongeldige dataset", detail: error);
        var actor = current.Actor;
        var fileName = $"{dataset ?? "netwerk"}.{Extension(f)}";
        var why = string.IsNullOrWhiteSpace(purpose) ? "netwerkexport" : purpose.Trim()[..Math.Min(200, purpose.Trim().Length)];
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Export, "Export", fileName,
            $"{format}{(dataset is null ? ", hele netwerk" : $", dataset {dataset}")}; alleen het netwerk van de gebruiker, slachtoffers buiten het eigen dossierteam gepseudonimiseerd", why), ct);
        // The same decision as /api/nodes/{id}: the reader's scope over the current snapshot (refreshed first, so what
        // was written a moment ago is decided on rather than left out).
        await snapshots.RefreshIfChangedAsync(ct);
        var access = new Application.Network.ViewerExportAccess(Application.Network.ViewerScope.For(actor, snapshots.Current));

        // The format writers (XmlWriter, Utf8JsonWriter, ZipArchive) write synchronously into their buffers; allowing
        // synchronous IO for this response keeps the export streaming instead of buffering it whole.
        HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        if (ExportWriters.IsFolderFormat(f))
        {
            await ZipFolderExportAsync(f, dataset, access, ct);
            return new EmptyResult();
        }
        Response.ContentType = f == ExportFormat.GraphMl ? "application/xml" : "text/plain; charset=utf-8";
        await using (var writer = ExportWriters.ForStream(f, Response.Body))
            await exporter.ExportAsync(writer, f, dataset, ct, access);
        return new EmptyResult();
    }

    /// <summary>The folder formats are written to a private temporary folder first (nodes and relations are written side
    /// by side, a ZIP takes one entry at a time), then zipped into the response; the folder is removed either way.</summary>
    private async Task ZipFolderExportAsync(ExportFormat format, string? dataset, IExportAccess access, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("ketenaanpak-export-");
        try
        {
            await using (var writer = ExportWriters.ForFolder(format, folder.FullName))
                await exporter.ExportAsync(writer, format, dataset, ct, access);
            Response.ContentType = "application/zip";
            using var zip = new ZipArchive(Response.Body, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in folder.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
                await zip.CreateEntryFromFileAsync(file.FullName, file.Name, CompressionLevel.Fastest, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        ViewData["Nav"] = "importeren";
        var datasets = await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportRunStatus.Succeeded)
            .Select(r => r.Dataset).Distinct().OrderBy(d => d).Take(200).ToListAsync(ct);
        return View("~/Features/Imports/Views/Export.cshtml", new ExportPageModel(datasets));
    }

    private static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.GraphMl => "graphml",
        ExportFormat.Ftm => "ftm.json",
        ExportFormat.Cypher => "cypher",
        ExportFormat.Csv => "csv.zip",
        _ => "neo4j-csv.zip",
    };
}

public sealed record ExportPageModel(IReadOnlyList<string> Datasets);
