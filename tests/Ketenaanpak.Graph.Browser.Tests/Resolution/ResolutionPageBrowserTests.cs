using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Resolution;

/// <summary>An analyst compares everything, judges the first pair "Zelfde" and undoes it with "Ontkoppelen".</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ResolutionPageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task KoppelenPage_CompareAllJudgeSameThenUnmerge_ShowsPairsReasonsAndMergedList()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 1000 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(KoppelenPage_CompareAllJudgeSameThenUnmerge_ShowsPairsReasonsAndMergedList));
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.SignInAsync(fixture.BaseUrl, "analist", steps);
        await page.ClickAsync("nav a[href='/koppelen']");
        await page.WaitForURLAsync("**/koppelen");
        await page.ClickAsync("form[action='/koppelen/alles'] button");
        await page.WaitForSelectorAsync("text=Alles wordt opnieuw vergeleken");
        await steps.ShotAsync("vergelijken-gestart");
        // The bulk run is a Hangfire job: reload until its pairs are queued.
        for (var i = 0; i < 60 && await page.Locator("article.pair").CountAsync() == 0; i++)
        {
            await Task.Delay(1000);
            await page.GotoAsync(fixture.BaseUrl + "/koppelen");
        }
        var pair = page.Locator("article.pair").First;
        Assert.True(await pair.IsVisibleAsync());
        Assert.True(await pair.Locator("ul.reasons li").CountAsync() >= 1);
        Assert.True(await pair.Locator("table.side").CountAsync() == 2);
        await steps.ShotAsync("wachtrij");

        await pair.Locator("button[value='zelfde']").ClickAsync();
        await page.WaitForSelectorAsync("text=Uw oordeel is vastgelegd.");
        await steps.ShotAsync("zelfde-vastgelegd");
        var unmerge = page.Locator("form[action='/koppelen/ontkoppelen'] button").First;
        Assert.True(await unmerge.IsVisibleAsync());
        await unmerge.ClickAsync();
        await page.WaitForSelectorAsync("text=Ontkoppeld: beide entiteiten staan weer los");
        await steps.ShotAsync("ontkoppeld");
        await page.CloseAsync();
    }
}
