using System.Text.Json;
using Hangfire;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Features.Imports;

/// <summary>
/// /importeren: upload a file, choose its format (and for CSV a saved or new column mapping), and follow the Hangfire
/// job with a progress bar and its report of rejected rows. RIEC analysts and administrators (policy Import): the RIEC
/// is the central point where partners' information comes together; what they import is attributed to their partner.
/// </summary>
[Authorize(Policy = Policies.Import)]
public sealed class ImportsController(IGraphDbContext db, ICurrentActor current, ImportQueue queue, ImportProgressRegistry progress,
    IOptions<StorageOptions> storage, TimeProvider clock) : Controller
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    [HttpGet("/importeren")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await ModelAsync(new ImportForm(), ct));

    [HttpPost("/importeren")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<IActionResult> Start([FromForm] ImportForm form, CancellationToken ct)
    {
        if (form.Bestand is null || form.Bestand.Length == 0) ModelState.AddModelError(nameof(form.Bestand), "Kies een bestand.");
        if (!ImportLabels.TryFormat(form.Formaat, out var format)) ModelState.AddModelError(nameof(form.Formaat), "Kies een formaat.");
        var dataset = string.IsNullOrWhiteSpace(form.Dataset) ? null : form.Dataset.Trim();
        if (dataset is null || !ImportKeys.IsValidDataset(dataset, out var error))
            ModelState.AddModelError(nameof(form.Dataset), dataset is null ? "Geef de dataset een naam." : "Een datasetnaam bestaat uit letters, cijfers, '-', '_' of '.' (hoogstens 60).");
        string? mappingJson = null;
        if (format == ImportFormat.Csv)
        {
            if (!string.IsNullOrWhiteSpace(form.IndelingJson))
            {
                try { mappingJson = CsvMapping.Parse(form.IndelingJson).ToJson(); }
                catch (ImportFailedException e) { ModelState.AddModelError(nameof(form.IndelingJson), e.Message); }
            }
            else if (!string.IsNullOrWhiteSpace(form.Indeling))
            {
                var saved = await db.ImportMappings.SingleOrDefaultAsync(m => m.Name == form.Indeling, ct);
                if (saved is null) ModelState.AddModelError(nameof(form.Indeling), "Deze kolomindeling bestaat niet (meer).");
                else mappingJson = saved.Json;
            }
            if (!string.IsNullOrWhiteSpace(form.BewaarAls))
            {
                var name = form.BewaarAls.Trim();
                if (name.Length > ImportMapping.MaxNameLength) ModelState.AddModelError(nameof(form.BewaarAls), $"Een naam heeft hoogstens {ImportMapping.MaxNameLength} tekens.");
                else if (mappingJson is null) ModelState.AddModelError(nameof(form.BewaarAls), "Vul een kolomindeling in om die te bewaren.");
                else if (ModelState.IsValid)
                {
                    var existing = await db.ImportMappings.SingleOrDefaultAsync(m => m.Name == name, ct);
                    if (existing is null) db.ImportMappings.Add(new ImportMapping(name, mappingJson, current.Actor.UserName, clock.GetUtcNow()));
                    else existing.Replace(mappingJson);
                }
            }
        }
        if (!ModelState.IsValid) return View("Index", await ModelAsync(form, ct));

        var actor = current.Actor;
        Guid id;
        await using (var upload = form.Bestand!.OpenReadStream())
            id = await queue.QueueAsync(upload, form.Bestand.FileName, dataset!, format, mappingJson, actor.PartnerId.Value, actor.UserName,
                storage.Value.DataDirectory, ct, actor);
        return Redirect($"/importeren/{id}");
    }

    [HttpGet("/importeren/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return NotFound();
        ViewData["Nav"] = "importeren";
        ImportSummary? summary = run.ReportJson is null ? null : JsonSerializer.Deserialize<ImportSummary>(run.ReportJson, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return View("Details", (run, summary));
    }

    /// <summary>What the progress bar polls (wwwroot/js/import-progress.js).</summary>
    [HttpGet("/api/importeren/{id:guid}/status")]
    [Produces("application/json")]
    public async Task<IActionResult> Status(Guid id, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return Problem(statusCode: 404, title: "Niet gevonden", detail: "Deze import bestaat niet.");
        var live = progress.Of(id);
        bool done = run.Status is ImportRunStatus.Succeeded or ImportRunStatus.Failed;
        return Ok(new ImportStatusDto(run.Id, run.Status.ToString(), run.StatusText(), done ? 100 : live?.Percent ?? 0,
            live?.Progress.RowsRead ?? 0, run.NodesInserted, run.RelationsInserted, done ? run.Rejected : live?.Progress.Rejected ?? 0, done, run.Error));
    }

    private async Task<ImportIndexModel> ModelAsync(ImportForm form, CancellationToken ct)
    {
        ViewData["Nav"] = "importeren";
        var runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(ct);
        var mappings = await db.ImportMappings.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        return new ImportIndexModel(form, runs, mappings);
    }
}
