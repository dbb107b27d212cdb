using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Explorer;

/// <summary>An analyst finds an entity from the menu bar's search box despite typos, and opens its entity page.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchToEntityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task MenuSearch_TypoInCompanyName_LeadsToTheEntityPage()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(MenuSearch_TypoInCompanyName_LeadsToTheEntityPage));
        await page.SignInAsync(fixture.BaseUrl, "analist");

        // The box in the menu bar is labelled and reachable; a typo (Uitzendbureu) and a missing word still find it.
        await page.GetByLabel("Zoeken in het netwerk").FillAsync("flexwerk uitzendbureu");
        await steps.ShotAsync("zoekterm-in-menubalk");
        await page.GetByLabel("Zoeken in het netwerk").PressAsync("Enter");
        await page.WaitForURLAsync("**/zoeken?q=*");
        await steps.ShotAsync("resultaten");
        var group = page.Locator("section.search-group", new PageLocatorOptions { Has = page.Locator("h2", new PageLocatorOptions { HasTextString = "Bedrijf" }) });
        var hit = group.Locator("a.hit-link", new LocatorLocatorOptions { HasTextString = "Flexwerk Oost Uitzendbureau B.V." });
        Assert.Equal(1, await hit.CountAsync());
        Assert.Contains("bij benadering", await group.Locator("tbody tr", new LocatorLocatorOptions { HasTextString = "Flexwerk Oost Uitzendbureau B.V." }).InnerTextAsync());

        await hit.ClickAsync();
        await page.WaitForURLAsync("**/entiteiten/*");
        await steps.ShotAsync("entiteitpagina");
        Assert.Equal("Flexwerk Oost Uitzendbureau B.V.", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("KvK", await page.Locator("table.statements").InnerTextAsync());
        Assert.True(await page.Locator("table.relations tbody tr").CountAsync() > 0);
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.Equal($"/verkenner?start={id}", await page.Locator("a.open-explorer").GetAttributeAsync("href"));

        // A stored boolean reads ja/nee; twelve payments to one account are one row with a count.
        Assert.DoesNotContain("true", await page.Locator("table.statements").InnerTextAsync());
        Assert.Contains("×)", await page.Locator("table.relations").InnerTextAsync());

        // A search without hits says so in Dutch.
        await page.GotoAsync(fixture.BaseUrl + "/zoeken?q=qqxxzzvv");
        await steps.ShotAsync("geen-resultaten");
        Assert.Contains("Geen resultaten", await page.Locator(".no-results").InnerTextAsync());
        await page.CloseAsync();
    }
}
