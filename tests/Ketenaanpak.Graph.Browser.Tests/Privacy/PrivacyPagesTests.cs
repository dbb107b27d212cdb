using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Privacy;

/// <summary>The data-protection officer's walk: find a person, read the data-subject report, then the audit log shows it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PrivacyPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DataProtectionOfficer_ReportOnAPerson_IsListedAndAudited()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(DataProtectionOfficer_ReportOnAPerson_IsListedAndAudited));
        await page.SignInAsync(fixture.BaseUrl, "fg");
        await page.GotoAsync(fixture.BaseUrl + "/betrokkene");
        await page.FillAsync("#naam", "Brinkhuis");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/betrokkene?naam=Brinkhuis*");
        await steps.ShotAsync("zoeken");
        await page.ClickAsync("main a[href^='/betrokkene/']");
        await page.WaitForURLAsync("**/betrokkene/*");
        Assert.Equal("Overzicht betrokkene", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#gegevens-kop").IsVisibleAsync());
        await steps.ShotAsync("overzicht-betrokkene");

        await page.GotoAsync(fixture.BaseUrl + "/audit");
        Assert.Equal("Auditlog", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("verzoek betrokkene", await page.Locator("main").InnerTextAsync());
        await steps.ShotAsync("auditlog");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Analyst_DossierPage_ShowsHistoryAndRetention()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(Analyst_DossierPage_ShowsHistoryAndRetention));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        var response = await page.GotoAsync(fixture.BaseUrl + "/dossiers/DOS-2024-001");
        Assert.Equal(200, response!.Status);
        Assert.Contains("DOS-2024-001", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("#tot").IsVisibleAsync());
        await steps.ShotAsync("dossier");
        await page.CloseAsync();
    }
}
