using Ketenaanpak.Graph.Application.Reports;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Infrastructure;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Reports;

/// <summary>What the report page shows: the figures, or why there are none, and the years to choose from.</summary>
public sealed record ReportPage(YearlyReportFigures? Figures, string? Error, int Year, IReadOnlyList<int> Years);

/// <summary>
/// GET /jaarverslag?jaar=2025: the yearly account for the district safety meeting as a page with tables and charts;
/// /jaarverslag.pdf and /jaarverslag.csv the same as PDF (headless Chromium, from the same page) and as CSV for Excel.
/// Covenant roles only (the Network policy); which figures — the region or one municipality — is decided by
/// <see cref="ReportAccess"/>. A bad year gets a Dutch 400, never a 500.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class ReportsController(YearlyReport report, ICurrentActor current, PdfPrinter pdf) : Controller
{
    [HttpGet("/jaarverslag")]
    public async Task<IActionResult> Index([FromQuery(Name = "jaar")] string? year, CancellationToken ct)
    {
        var result = await report.CompileAsync(current.Actor, year, null, ct);
        if (!result.Allowed) return Forbid();
        ViewData["Nav"] = "jaarverslag";
        if (result.Figures is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", Page(result));
    }

    /// <summary>The report as PDF, printed by headless Chromium from the same page the browser prints.</summary>
    [HttpGet("/jaarverslag.pdf")]
    public async Task<IActionResult> Pdf([FromQuery(Name = "jaar")] string? year, CancellationToken ct)
    {
        var result = await report.CompileAsync(current.Actor, year, "pdf", ct);
        if (!result.Allowed) return Forbid();
        if (result.Figures is not { } figures) return BadYear(result.Error!);
        ViewData[PdfPrinter.StylesheetFolderKey] = ""; // the stylesheet lies beside the HTML in Chromium's temporary folder
        var html = await this.RenderViewAsync("Print", Page(result));
        var printed = await pdf.PrintAsync(html, ["report.css"], ct);
        if (printed.Pdf is null)
            return Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF niet beschikbaar",
                detail: printed.Error + " Open het jaarverslag en kies Afdrukken → Opslaan als PDF.");
        return File(printed.Pdf, "application/pdf", FileName(figures, "pdf"));
    }

    /// <summary>One CSV for Excel (UTF-8 with BOM, semicolons): section, label, key, the year, the previous year, unit.</summary>
    [HttpGet("/jaarverslag.csv")]
    public async Task<IActionResult> Csv([FromQuery(Name = "jaar")] string? year, CancellationToken ct)
    {
        var result = await report.CompileAsync(current.Actor, year, "csv", ct);
        if (!result.Allowed) return Forbid();
        if (result.Figures is not { } figures) return BadYear(result.Error!);
        return File(ReportCsv.Bytes(figures), "text/csv; charset=utf-8", FileName(figures, "csv"));
    }

    private IActionResult BadYear(string error) =>
        Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldig jaar", detail: error);

    private ReportPage Page(YearlyReportResult result)
    {
        var (first, last) = report.YearRange;
        // Offer the years since the first with any data would need a query; the last ten cover a retention period.
        var years = Enumerable.Range(Math.Max(first, last - 9), Math.Min(10, last - first + 1)).Reverse().ToList();
        return new ReportPage(result.Figures, result.Error, result.Figures?.Year ?? last, years);
    }

    private static string FileName(YearlyReportFigures figures, string extension)
    {
        var scope = new string(figures.Scope.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return $"jaarverslag-{figures.Year}-{scope}.{extension}";
    }
}
