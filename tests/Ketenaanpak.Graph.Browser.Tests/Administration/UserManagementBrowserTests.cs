using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Administration;

/// <summary>An administrator creates an account through the form (a mistake first), and the new user signs in with it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class UserManagementBrowserTests(BrowserFixture fixture)
{
    private const string Password = "Nieuwe-Collega-2026!";

    [Fact]
    public async Task Administrator_CreatesAUser_WhoThenSignsIn()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(Administrator_CreatesAUser_WhoThenSignsIn));
        await page.SignInAsync(fixture.BaseUrl, "beheerder");
        await page.ClickAsync("nav a[href='/beheer/gebruikers']");
        Assert.Equal("Gebruikers", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(Ketenaanpak.Graph.Infrastructure.Identity.DemoUserSeeder.Accounts.Count, await page.Locator("#gebruikers tbody tr").CountAsync()); // the demo accounts
        await steps.ShotAsync("gebruikerslijst");

        await page.ClickAsync("#nieuwe-gebruiker");
        await page.FillAsync("#UserName", "s.bakker");
        await page.FillAsync("#DisplayName", "Sanne Bakker");
        await page.FillAsync("#Email", "s.bakker@riec.example");
        await page.SelectOptionAsync("#Role", "RiecAnalyst");
        await page.SelectOptionAsync("#PartnerId", new SelectOptionValue { Label = "RIEC Oost-Nederland" });
        await page.FillAsync("#Password", "te-zwak");
        await page.FillAsync("#PasswordRepeat", "te-zwak");
        await steps.ShotAsync("formulier-zwak-wachtwoord");
        await page.ClickAsync("#aanmaken");
        Assert.Contains("minstens 12 tekens", await page.Locator("#Password-error").InnerTextAsync());
        Assert.Equal("s.bakker", await page.InputValueAsync("#UserName")); // the rest of the form is kept
        Assert.Equal("", await page.InputValueAsync("#Password"));   // the password is not
        await steps.ShotAsync("foutmelding-wachtwoord");

        await page.FillAsync("#Password", Password);
        await page.FillAsync("#PasswordRepeat", Password);
        await page.ClickAsync("#aanmaken");
        Assert.Equal("Het account is aangemaakt.", (await page.Locator("#melding").InnerTextAsync()).Trim());
        Assert.Equal("actief", (await page.Locator("#status").InnerTextAsync()).Trim());
        await steps.ShotAsync("account-aangemaakt");

        await page.ClickAsync(".user button[type=submit]"); // Uitloggen
        await page.GotoAsync(fixture.BaseUrl + "/account/inloggen");
        await page.FillAsync("#UserName", "s.bakker");
        await page.FillAsync("#Password", Password);
        await steps.ShotAsync("inloggen-als-nieuwe-gebruiker");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        Assert.Equal("Sanne Bakker", (await page.Locator(".user a").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("nav a[href='/beheer/gebruikers']").CountAsync()); // an analyst has no user management
        await steps.ShotAsync("ingelogd-als-analist");
        await page.CloseAsync();
    }
}
