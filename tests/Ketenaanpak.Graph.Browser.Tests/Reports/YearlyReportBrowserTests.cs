using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Reports;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class YearlyReportBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task YearlyReport_Analyst_SeesTablesAndChartsInDutch_WithoutCspViolations()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(m.Text); };
        var steps = new Steps(page, nameof(YearlyReport_Analyst_SeesTablesAndChartsInDutch_WithoutCspViolations));
        await page.SignInAsync(fixture.BaseUrl, "analist", steps);
        await page.ClickAsync("nav a[href='/jaarverslag']");
        await page.WaitForURLAsync("**/jaarverslag");
        await page.SelectOptionAsync("#jaar", "2025");
        await page.ClickAsync("form.report-controls button[type=submit]");
        await page.WaitForURLAsync("**/jaarverslag?jaar=2025");
        await steps.ShotAsync("jaarverslag-2025");
        Assert.Equal("Jaarverslag mensenhandel 2025", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("svg.chart").CountAsync() >= 10);
        // The bar colours come from report.css through classes (no inline style under the CSP).
        Assert.Equal("rgb(20, 61, 107)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('svg.chart rect.bar-year')).fill"));
        Assert.Empty(violations);

        await page.GotoAsync(fixture.BaseUrl + "/jaarverslag?jaar=twintig");
        await steps.ShotAsync("ongeldig-jaar");
        Assert.Contains("Het jaar moet een jaartal zijn", await page.Locator("#jaar-fout").InnerTextAsync());
        await page.CloseAsync();
    }
}
