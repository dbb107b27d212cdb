using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Home;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HomePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task HomePage_DemoRegion_ShowsFiguresAndDossiersInDutch()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(HomePage_DemoRegion_ShowsFiguresAndDossiersInDutch));
        var response = await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.EndsWith("/account/inloggen?ReturnUrl=%2F", page.Url); // nothing without signing in
        await page.SignInAsync(fixture.BaseUrl, "analist", steps);
        await steps.ShotAsync("overzicht");
        Assert.Equal("Ketenaanpak mensenhandel Twente", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Fictieve demoregio Twente", await page.Locator(".notice-demo").InnerTextAsync());
        // Every dossier, for the RIEC analyst who sees the region: the demo's 13 plus any another browser test opened.
        int dossiers;
        await using (var scope = fixture.Services.CreateAsyncScope())
            dossiers = await scope.ServiceProvider.GetRequiredService<GraphDbContext>().Dossiers.CountAsync();
        Assert.True(dossiers >= 13, $"the demo region has 13 dossiers, the store {dossiers}");
        Assert.Equal(dossiers, await page.Locator("section.panel").Last.Locator("tbody tr").CountAsync());
        // The stylesheet from the top-level wwwroot/ is served and applied.
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.topbar')).backgroundColor");
        Assert.Equal("rgb(21, 66, 115)", background);

        await page.ReloadAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.ClickAsync("nav a[href='/partners']");
        await page.WaitForURLAsync("**/partners");
        await steps.ShotAsync("partners");
        Assert.Equal(31, await page.Locator("tbody tr").CountAsync());
        await page.CloseAsync();
    }
}
