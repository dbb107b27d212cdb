using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Account;

/// <summary>The pages around signing in, as the people who meet them: a contributor, an analyst who strays, a typo.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccountPagesTests(BrowserFixture fixture)
{
    private async Task<(IPage Page, Steps Steps)> OpenAsync(string test)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        return (page, new Steps(page, test));
    }

    [Fact]
    public async Task Contributor_SeesOwnSignalsOnly_AndCanSetUpASecondFactor()
    {
        var (page, steps) = await OpenAsync(nameof(Contributor_SeesOwnSignalsOnly_AndCanSetUpASecondFactor));
        await page.SignInAsync(fixture.BaseUrl, "melder");
        Assert.Equal("Signalen van uw organisatie", (await page.Locator("section.panel h2").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator(".tile").CountAsync());
        await steps.ShotAsync("melder-overzicht");
        await page.ClickAsync(".user a");
        Assert.Equal("Tweestapsverificatie", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".qr svg").IsVisibleAsync());
        await page.FillAsync("#Code", "12");
        await page.ClickAsync("form[action='/account/tweestapsverificatie'] button[type=submit]");
        Assert.Contains("zes cijfers", await page.Locator("#Code-error").InnerTextAsync());
        await steps.ShotAsync("tweestaps-foute-code");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Analyst_ForbiddenAndUnknownPages_AnswerInDutch()
    {
        var (page, steps) = await OpenAsync(nameof(Analyst_ForbiddenAndUnknownPages_AnswerInDutch));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        var denied = await page.GotoAsync(fixture.BaseUrl + "/audit");
        Assert.Equal(403, denied!.Status);
        Assert.Equal("Geen toegang", (await page.Locator("h1").InnerTextAsync()).Trim());
        await steps.ShotAsync("geen-toegang");
        var missing = await page.GotoAsync(fixture.BaseUrl + "/bestaat-niet");
        Assert.Equal(404, missing!.Status);
        Assert.Equal("Pagina niet gevonden", (await page.Locator("h1").InnerTextAsync()).Trim());
        await steps.ShotAsync("niet-gevonden");
        await page.CloseAsync();
    }
}
