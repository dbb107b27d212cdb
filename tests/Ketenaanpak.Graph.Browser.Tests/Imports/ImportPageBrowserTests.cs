using Ketenaanpak.Graph.TestKit;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Imports;

/// <summary>An analyst imports the Mexico network from the page and watches the job finish (progress bar, report).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ImportPageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ImportPage_UploadEdgeList_ProgressReachesTheEndAndShowsTheReport()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(ImportPage_UploadEdgeList_ProgressReachesTheEndAndShowsTheReport));
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.SignInAsync(fixture.BaseUrl, "analist", steps);
        await page.ClickAsync("nav a[href='/importeren']");
        await page.WaitForURLAsync("**/importeren");
        await page.SetInputFilesAsync("#Bestand", RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt"));
        await page.SelectOptionAsync("#Formaat", "edgelist");
        await page.FillAsync("#Dataset", "mexico-browser");
        await steps.ShotAsync("formulier");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/importeren/*");
        // The page polls the status endpoint and reloads when the job is done: then it shows the report.
        await page.WaitForSelectorAsync("text=Wat er is aangepast", new PageWaitForSelectorOptions { Timeout = 90_000 });
        Assert.Equal("100", await page.Locator("#import-bar").GetAttributeAsync("value"));
        await steps.ShotAsync("klaar");
        Assert.Contains("34 knopen en 225 relaties opgeslagen", await page.Locator("#import-counts").InnerTextAsync());
        await page.CloseAsync();
    }
}
