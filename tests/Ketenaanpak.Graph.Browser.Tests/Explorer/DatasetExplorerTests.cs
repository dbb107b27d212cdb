using System.Text.RegularExpressions;
using Ketenaanpak.Graph.TestKit;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Explorer;

/// <summary>
/// Real networks of datasets, imported from the import page and opened in the explorer from the import
/// report: the one-mode CAVIAR matrix and the two-mode Abu Sayyaf matrix (persons × kidnappings). The counts the page
/// shows must be those of SOURCES.md, not of our own importer's report.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DatasetExplorerTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("caviar_morselli_weighted_adjacency.csv", "matrix", "caviar-verkenner", 110, 205)]
    [InlineData("abu_sayyaf_kidnappings_person_event_2mode.csv", "two-mode", "abu-sayyaf-verkenner", 246 + 105, 402)]
    public async Task ImportedDataset_OpensInTheExplorer_WithEveryNodeOfTheSource(string file, string format, string dataset, int nodes, int edges)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, Locale = "nl-NL" });
        var steps = new Steps(page, $"{nameof(ImportedDataset_OpensInTheExplorer_WithEveryNodeOfTheSource)}-{dataset}");
        var console = new List<string>();
        page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => console.Add($"pageerror: {e}");
        await page.SignInAsync(fixture.BaseUrl, "analist");
        await page.GotoAsync(fixture.BaseUrl + "/importeren");
        await page.SetInputFilesAsync("#Bestand", RepositoryPaths.Dataset(file));
        await page.SelectOptionAsync("#Formaat", format);
        await page.FillAsync("#Dataset", dataset);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/importeren/*");
        await page.WaitForSelectorAsync("text=Openen in de verkenner", new PageWaitForSelectorOptions { Timeout = 90_000 });
        await steps.ShotAsync("import-klaar");

        await page.ClickAsync("text=Openen in de verkenner");
        try
        {
            await page.WaitForSelectorAsync("#verkenner[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await steps.ShotAsync("niet-klaar");
            throw new TimeoutException("The explorer never became ready. Browser console:\n" + string.Join("\n", console));
        }
        var counts = await page.Locator("#telling").InnerTextAsync();
        await steps.ShotAsync("verkenner");
        Assert.Equal($"{nodes} entiteiten, {edges} relaties in beeld", counts);
        Assert.Equal(nodes, await page.EvaluateAsync<int>("() => window.verkenner.cy.nodes().length"));
        Assert.Equal(nodes, await page.Locator("#entiteiten option").CountAsync());
        Assert.Matches(new Regex($"^Dataset {Regex.Escape(dataset)}: {nodes} entiteiten"), await page.Locator("#melding").InnerTextAsync());
        Assert.True(await page.Locator("#fout").IsHiddenAsync());
        await page.CloseAsync();
    }
}
