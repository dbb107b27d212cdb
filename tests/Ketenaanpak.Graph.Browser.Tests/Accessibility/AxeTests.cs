using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Accessibility;

/// <summary>
/// WCAG 2.1 AA, checked by axe-core in Chromium (issue 14): every page each role works with, on the demo region, has no
/// serious or critical violation. A screenshot of each page is saved as it was checked.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AxeTests(BrowserFixture fixture)
{
    private static readonly Dictionary<string, string[]> PagesOfRole = new()
    {
        ["analist"] = ["/", "/partners", "/kennis", "/signalen", "/signalen/nieuw", "/signalen?alle=1", "/dossiers/DOS-2025-001",
            "/dossiers/DOS-2025-001/proces", "/interventies", "/casusoverleg", "/jaarverslag", "/signaleringen", "/signaleringen/regels",
            "/zoeken?q=jansen", "/verkenner", "/verkenner/dossier/DOS-2025-001/barrieres", "/importeren", "/exporteren", "/koppelen"],
        ["coordinator"] = ["/", "/dossiers/DOS-2025-001/proces", "/signaleringen"],
        ["melder"] = ["/", "/signalen", "/signalen/nieuw", "/kennis"],
        ["fg"] = ["/", "/audit", "/audit?controle=true", "/betrokkene"],
        ["beheerder"] = ["/beheer/gebruikers", "/partners/nieuw"],
    };

    [Fact]
    public async Task EveryPageOfEveryRole_HasNoSeriousOrCriticalViolation()
    {
        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var (user, pages) in PagesOfRole)
        {
            await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
            var page = await context.NewPageAsync();
            var steps = new Steps(page, $"{nameof(EveryPageOfEveryRole_HasNoSeriousOrCriticalViolation)}-{user}");
            await page.SignInAsync(fixture.BaseUrl, user);
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(fixture.BaseUrl + path);
                Assert.True(response is { Status: < 400 }, $"{user} {path}: {response?.Status}");
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await steps.ShotAsync(path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('=', '-') is { Length: > 0 } name ? name : "overzicht");
                var results = await page.RunAxe();
                Assert.True(results.Passes.Length > 10, $"{user} {path}: axe checked almost nothing ({results.Passes.Length} rules passed)");
                checkedPages++;
                foreach (var violation in results.Violations.Where(v => v.Impact is "serious" or "critical"))
                    failures.Add($"{user} {path}: {violation.Impact} {violation.Id} — {violation.Help} ({violation.Nodes.Count()}×, e.g. {violation.Nodes.First().Target})");
            }
        }
        Assert.True(checkedPages >= 30, $"only {checkedPages} pages checked");
        Assert.True(failures.Count == 0, $"{failures.Count} serious or critical violations:\n" + string.Join("\n", failures));
    }
}
