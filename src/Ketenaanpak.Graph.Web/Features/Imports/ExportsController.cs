using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Application.Bulk.Export;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ketenaanpak.Graph.Web.Features.Imports;

/// <summary>
/// GET /exporteren?formaat=graphml|ftm|cypher&amp;dataset=NAAM: the network (or one imported dataset) as a download,
/// streamed. Through the access policy — only facts the user may read in full go out (an export cannot carry "ask
/// the partner") — and recorded in the audit log before the first byte leaves.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class ExportsController(GraphExporter exporter, IAuditLog audit, ICurrentActor current) : Controller
{
    [HttpGet("/exporteren")]
    public async Task<IActionResult> Export([FromQuery(Name = "formaat")] string? format, [FromQuery] string? dataset,
        [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        format ??= "graphml"; // without a choice: GraphML, which Gephi, yEd and networkx open
        if (!ExportWriters.TryParse(format, out var f) || ExportWriters.IsFolderFormat(f))
            return Problem(statusCode: 400, title: "Ongeldig formaat", detail: "Kies als formaat graphml, ftm of cypher (CSV-mappen via de opdrachtregel).");
        if (dataset is not null && !ImportKeys.IsValidDataset(dataset, out var error))
            return Problem(statusCode: 400, title: "Ongeldige dataset", detail: error);
        var actor = current.Actor;
        var extension = f switch { ExportFormat.GraphMl => "graphml", ExportFormat.Ftm => "ftm.json", _ => "cypher" };
        var fileName = $"{dataset ?? "netwerk"}.{extension}";
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Export, "Export", fileName,
            $"{format}{(dataset is null ? ", hele netwerk" : $", dataset {dataset}")}; alleen wat de gebruiker mag lezen",
            string.IsNullOrWhiteSpace(purpose) ? "netwerkexport" : purpose.Trim()[..Math.Min(200, purpose.Trim().Length)]), ct);

        // The format writers (XmlWriter, Utf8JsonWriter) write synchronously into their buffers and flush every few
        // thousand rows; allowing synchronous IO for this response keeps the export streaming instead of buffering it whole.
        HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        Response.ContentType = f == ExportFormat.GraphMl ? "application/xml" : "text/plain; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await using (var writer = ExportWriters.ForStream(f, Response.Body))
            await exporter.ExportAsync(writer, f, dataset, ct, p => AccessPolicy.ForFact(actor, p, inDossierTeam: false) == FactAccess.Readable);
        return new EmptyResult();
    }
}
