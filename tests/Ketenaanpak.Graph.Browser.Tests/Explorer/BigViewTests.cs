using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Explorer;

/// <summary>
/// A big view (2,000 nodes / 5,000 relations, the render benchmark's graph drawn by the page's own path): the node list
/// shows its first 200 rows by name until "Toon alle" is used (by keyboard), and labels are left out while zoomed out
/// below where they could be drawn, and come back when the analyst zooms in.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BigViewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task BigView_ListsFirst200_ShowAllByKeyboard_LabelsWhenZoomedIn()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(BigView_ListsFirst200_ShowAllByKeyboard_LabelsWhenZoomedIn));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        await page.GotoAsync(fixture.BaseUrl + "/verkenner");
        await page.WaitForSelectorAsync("#verkenner[data-ready=true]");
        var r = await page.EvaluateAsync<double[]>(ExplorerRenderBenchmark.Script, new object[] { 2000, 5000, 2026, 400, "placed" });
        Assert.Equal(2000, (int)r[1]);
        await steps.ShotAsync("2000-knopen");

        Assert.Equal("2000 entiteiten, 5000 relaties in beeld", await page.Locator("#telling").InnerTextAsync());
        Assert.Equal(200, await page.Locator("#entiteiten option").CountAsync());
        // First by name as an analyst counts (2 before 10): "Entiteit 0", "Entiteit 1", "Entiteit 2", …
        Assert.Equal(["Entiteit 0", "Entiteit 1", "Entiteit 2"], (await page.Locator("#entiteiten option").AllInnerTextsAsync()).Take(3).Select(t => t.Split(" (")[0]));
        var more = page.Locator("#entiteiten-alle");
        Assert.Equal("Toon alle 2.000 entiteiten in de lijst (nu 200)", await more.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<double>("window.verkenner.cy.zoom()") < 0.8);
        Assert.Equal(2000, await page.EvaluateAsync<int>("window.verkenner.cy.nodes('.bare').length"));
        // Sizes by degree came along with the elements: not all equal.
        Assert.True(await page.EvaluateAsync<int>("new Set(window.verkenner.cy.nodes().map(n => n.data('size'))).size") > 3);

        // Keyboard: Tab from the list reaches the button; Enter lists all and puts the focus back on the list.
        await page.FocusAsync("#entiteiten");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("entiteiten-alle", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(2000, await page.Locator("#entiteiten option").CountAsync());
        Assert.True(await more.IsHiddenAsync());
        Assert.Equal("entiteiten", await page.EvaluateAsync<string>("document.activeElement.id"));
        await steps.ShotAsync("alle-in-de-lijst");

        // Zoomed in far enough for 10-px labels to reach 8 px on screen: the labels are back.
        await page.EvaluateAsync("() => { const cy = window.verkenner.cy; cy.zoom({ level: 1.2, position: cy.getElementById('n0').position() }); }");
        Assert.Equal(0, await page.EvaluateAsync<int>("window.verkenner.cy.nodes('.bare').length"));
        Assert.Equal("Entiteit 0", await page.EvaluateAsync<string>("window.verkenner.cy.getElementById('n0').style('label')"));
        await steps.ShotAsync("ingezoomd-met-namen");
        await page.CloseAsync();
    }
}
