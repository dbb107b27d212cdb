using System.Security.Cryptography;
using System.Text;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.DataSubjects;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ketenaanpak.Graph.Web.Features.DataSubjects;

public sealed record DataSubjectSearchModel(string? Query, IReadOnlyList<PersonMatch>? Matches, string? Error);

/// <summary>
/// Data-subject requests (AVG art. 15): find the person, then list every fact held about them with its source and
/// legal basis — printable and as CSV. Only the data-protection officer, the one contact point (domain.md §7); every
/// search, report and export is audited with the purpose "verzoek betrokkene".
/// </summary>
[Authorize(Policy = Policies.DataSubjectRequests)]
public sealed class DataSubjectsController(DataSubjectReports reports, IAuditLog log, ICurrentActor current, TimeProvider clock) : Controller
{
    public const string Purpose = "verzoek betrokkene";

    [HttpGet("/betrokkene")]
    public async Task<IActionResult> Index([FromQuery] string? naam, CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "betrokkene";
        if (string.IsNullOrWhiteSpace(naam)) return View("Index", new DataSubjectSearchModel(null, null, null));
        if (naam.Length > DataSubjectReports.MaxSearchLength)
            return View("Index", new DataSubjectSearchModel(naam, null, $"De zoektekst is te lang (hoogstens {DataSubjectReports.MaxSearchLength} tekens)."));
        var matches = await reports.FindPersonsAsync(naam, cancellationToken);
        // The name searched for is personal data itself: the log keeps a hash of it, which the FG can recompute.
        await log.AppendAsync(new AuditRecord(current.Actor, AuditAction.Search, "Betrokkene", Hash(naam.Trim()),
            $"{matches.Count} resultaten", Purpose), cancellationToken);
        return View("Index", new DataSubjectSearchModel(naam, matches, null));
    }

    [HttpGet("/betrokkene/{nodeId:guid}")]
    public async Task<IActionResult> Report(Guid nodeId, CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "betrokkene";
        if (await reports.BuildAsync(new NodeId(nodeId), cancellationToken) is not { } report) return NotFound();
        await log.AppendAsync(new AuditRecord(current.Actor, AuditAction.Read, "Entiteit", report.NodeId.ToString(),
            $"overzicht betrokkene: {Count(report)} gegevens", Purpose), cancellationToken);
        return View("Report", report);
    }

    /// <summary>A POST with an antiforgery token: it writes to the log, so another site must not trigger it.</summary>
    [HttpPost("/betrokkene/{nodeId:guid}/export")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Export(Guid nodeId, CancellationToken cancellationToken)
    {
        if (await reports.BuildAsync(new NodeId(nodeId), cancellationToken) is not { } report) return NotFound();
        var local = DutchCalendar.ToLocal(clock.GetUtcNow());
        var fileName = $"betrokkene-{local:yyyyMMdd-HHmmss}.csv";
        // Recorded before the first byte leaves: a download that breaks off halfway has still let data out.
        await log.AppendAsync(new AuditRecord(current.Actor, AuditAction.Export, "Entiteit", report.NodeId.ToString(),
            $"{fileName}: {Count(report)} gegevens", Purpose), cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await using (var writer = new StreamWriter(Response.Body, AuditCsv.Encoding, leaveOpen: true))
            await report.WriteCsvAsync(writer, cancellationToken);
        return new EmptyResult();
    }

    private static int Count(DataSubjectReport r) => 1 + r.Statements.Count + r.Relations.Count + r.Memberships.Count + r.Signals.Count;

    private static string Hash(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToLowerInvariant())))[..16];
}
