using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Reports;

/// <summary>/jaarverslag, its PDF and its CSV over HTTP on the demo region.</summary>
[Collection(HostsCollection.Name)]
public sealed class YearlyReportPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Analyst_ReadsTheRegionReport_WithTablesAndSvgCharts_AndTheReadingIsAudited()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var response = await analyst.GetAsync("/jaarverslag?jaar=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Jaarverslag mensenhandel 2025", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("Regio Twente", page.QuerySelector(".report-scope")!.TextContent.Trim());
        foreach (var heading in new[] { "Kerncijfers", "Signalen per partner", "Signalen per gemeente", "Signalen per maand", "Signalen per vorm van uitbuiting",
                     "Signalen per sector", "Signalen per fase van het barrièremodel", "Doorlooptijden van dossiers (dagen)", "Personen per rol",
                     "Personen per nationaliteit", "Personen per geslacht", "Minderjarigen en meerderjarigen", "Interventies per soort", "Interventies per partner",
                     "Resultaten van afgeronde interventies", "Opgeworpen barrières per fase" })
            Assert.Contains(page.QuerySelectorAll(".report h2"), h => h.TextContent.Trim() == heading);
        Assert.True(page.QuerySelectorAll("svg.chart").Length >= 15);
        Assert.Single(page.QuerySelectorAll("svg.chart polyline.line-year")); // the months as a line
        Assert.Empty(page.QuerySelectorAll(".report [style]")); // the CSP allows no inline style
        Assert.Equal("2025", page.QuerySelector("#jaar option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("nav a[href='/jaarverslag'].active"));
        // Person counts under five never show, in the table or as a bar's length.
        Assert.DoesNotContain(page.QuerySelectorAll("#personen-nationaliteit td.num"), td => td.TextContent.Trim() is "1" or "2" or "3" or "4");

        await using var db = store.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectType == "Jaarverslag" && e.SubjectId == "2025" && e.ActorName == "analist"));
    }

    [Theory]
    [InlineData("twintig", "Het jaar moet een jaartal zijn")]
    [InlineData("1999", "Kies een jaar van 2000 tot en met")]
    [InlineData("3000", "Kies een jaar van 2000 tot en met")]
    [InlineData("-2025", "Het jaar moet een jaartal zijn")]
    [InlineData("2025%3Cscript%3E", "Het jaar moet een jaartal zijn")]
    [InlineData("99999999999999999999", "Het jaar moet een jaartal zijn")]
    public async Task BadYear_PageCsvAndPdf_AnswerDutch400(string year, string message)
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var page = await analyst.GetAsync("/jaarverslag?jaar=" + year);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.StartsWith(message, html.QuerySelector("#jaar-fout")!.TextContent.Trim());
        Assert.Null(html.QuerySelector(".report"));
        Assert.Equal("Jaarverslag", html.QuerySelector("h1")?.TextContent.Trim()); // the page still says what it is
        Assert.Equal("jaar-fout", html.QuerySelector("#jaar")!.GetAttribute("aria-describedby"));
        foreach (var file in new[] { "/jaarverslag.csv", "/jaarverslag.pdf" })
        {
            var r = await analyst.GetAsync($"{file}?jaar={year}");
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains(message, await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Coordinator_GetsTheCsvOfTheirMunicipality_ForDutchExcel()
    {
        await using var app = new AppFactory(store);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        var response = await coordinator.GetAsync("/jaarverslag.csv?jaar=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("jaarverslag-2025-gemeente-enschede.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // UTF-8 byte-order mark: Excel reads the accents right
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sectie;onderdeel;sleutel;2025;2024;eenheid", lines[0]);
        Assert.All(lines, l => Assert.Equal(5, l.Count(c => c == ';')));
        Assert.Contains(lines, l => l.StartsWith("Kerncijfers;Signalen ontvangen;signalen;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Signalen per fase van het barrièremodel;", StringComparison.Ordinal));
        Assert.Contains("Gemeente Enschede", lines[^2]);
        // The coordinator's figures are Enschede's only: no signal of another municipality.
        Assert.DoesNotContain(lines, l => l.StartsWith("Signalen per gemeente;", StringComparison.Ordinal) && !l.Contains(";GM0153;"));
        var persons = lines.Where(l => l.StartsWith("Personen per", StringComparison.Ordinal)).Select(l => l.Split(';')).ToList();
        Assert.All(persons, cells => Assert.DoesNotContain(cells[3..5], c => c is "1" or "2" or "3" or "4"));

        await using var db = store.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectType == "Jaarverslag" && e.Action == Application.Auditing.AuditAction.Export && e.Detail!.Contains("csv")));
    }

    [Fact]
    public async Task CaseMeetingMember_PrintsTheReportAsPdf_WithDutchHeadingsAndCharts()
    {
        await using var app = new AppFactory(store);
        using var member = await SignIn.AsAsync(app, "casusoverleg");
        var pdf = await member.GetAsync("/jaarverslag.pdf?jaar=2025");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", nameof(CaseMeetingMember_PrintsTheReportAsPdf_WithDutchHeadingsAndCharts));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "jaarverslag-2025.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        var text = Run("pdftotext", "-layout", file, "-");
        foreach (var heading in new[] { "Jaarverslag mensenhandel 2025", "Regio Twente", "Kerncijfers", "Signalen per gemeente", "Signalen per maand",
                     "Personen per nationaliteit", "Resultaten van afgeronde interventies", "Opgeworpen barrières per fase", "VERTROUWELIJK" })
            Assert.Contains(heading, text);
        Assert.Contains("Enschede", text);
        Run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", file, Path.Combine(folder, "01-jaarverslag-pdf"));
        Assert.NotEmpty(Directory.GetFiles(folder, "01-jaarverslag-pdf*.png"));
    }

    private static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }
}
