using System.Globalization;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ketenaanpak.Graph.Web.Features.Audit;

/// <summary>
/// The data-protection officer's view of the audit log: search, export (itself recorded in the log) and a check of the
/// hash chain. Only that role: the log names who looked at which person or dossier.
/// </summary>
[Authorize(Policy = Policies.AuditLog)]
public sealed class AuditController(AuditSearch search, AuditVerifier verifier, IAuditLog log, ICurrentActor current, TimeProvider clock) : Controller
{
    private const string DefaultPurpose = "toezicht door de functionaris gegevensbescherming";

    [HttpGet("/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditForm form, CancellationToken cancellationToken) =>
        await ShowAsync(form, form.ToFilter(ModelState), cancellationToken);

    /// <summary>A POST with an antiforgery token: it writes to the log, so another site must not be able to trigger it.</summary>
    [HttpPost("/audit/export")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Export([FromForm] AuditForm form, CancellationToken cancellationToken)
    {
        if (form.ToFilter(ModelState) is not { } filter) return await ShowAsync(form, null, cancellationToken);

        var local = DutchCalendar.ToLocal(clock.GetUtcNow());
        var fileName = $"auditlog-{local.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv";
        var count = await search.CountAsync(filter, cancellationToken);
        // Recorded before the first byte leaves: a download that breaks off halfway has still let data out.
        await log.AppendAsync(new AuditRecord(current.Actor, AuditAction.Export, "Auditlog", fileName, $"{count} regels; {filter.Describe()}",
            string.IsNullOrWhiteSpace(form.Doel) ? DefaultPurpose : form.Doel), cancellationToken);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await using (var writer = new StreamWriter(Response.Body, AuditCsv.Encoding, leaveOpen: true))
            await AuditCsv.WriteAsync(writer, search.AllAsync(filter, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The page; with a null filter (the form has errors) it shows the errors instead of results.</summary>
    private async Task<IActionResult> ShowAsync(AuditForm form, AuditFilter? filter, CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "audit";
        var results = filter is null ? null : await search.PageAsync(filter, form.Pagina, cancellationToken);
        var expected = form.ExpectedHead(ModelState);
        var verification = form.Controle && ModelState.IsValid ? await verifier.VerifyAsync(expected, cancellationToken) : null;
        // The officer's own reading of the log is itself recorded: who looked at whose reads, and with which filter.
        if (results is not null)
            await log.AppendAsync(new AuditRecord(current.Actor, AuditAction.Read, "Auditlog", null,
                $"pagina {form.Pagina}, {results.Total} regels; {filter!.Describe()}{(verification is null ? "" : verification.Ok ? "; keten gecontroleerd: intact" : "; keten gecontroleerd: verbroken")}",
                DefaultPurpose), cancellationToken);
        var empty = results is { Total: 0 } && !form.FilterValues().Any();
        return View("Index", new AuditIndexModel(form, results, verification, empty));
    }
}
