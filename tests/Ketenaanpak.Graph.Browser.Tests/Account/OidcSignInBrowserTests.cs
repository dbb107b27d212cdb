using Ketenaanpak.Graph.Integration.Tests.Security.Oidc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Account;

/// <summary>
/// "Inloggen via Gemeente Enschede" in Chromium: the app (demo region) and an OpenIddict provider on two ports and two
/// host names, so the round trip is cross-site as in production and the SameSite=Strict sign-in cookie has to survive it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class OidcSignInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Coordinator_SignsInThroughTheMunicipalitysProvider_AndAStrangerIsRefused()
    {
        var data = Path.Combine(Path.GetTempPath(), "ketenaanpak-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        await using var idp = new TestIdentityProvider();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseWebRoot(Path.Combine(TestKit.RepositoryPaths.Root, "wwwroot"));
            b.UseSetting("Storage:DataDirectory", data);
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("Demo:Password", BrowserFixture.DemoPassword);
        });
        try
        {
            // The app is reached by 127.0.0.1, the provider by "localhost": two sites.
            await idp.StartAsync("localhost");
            var configured = app.WithWebHostBuilder(b =>
            {
                b.UseSetting("Authentication:Oidc:Enabled", "true");
                b.UseSetting("Authentication:Oidc:Authority", idp.Authority);
                b.UseSetting("Authentication:Oidc:ClientId", TestIdentityProvider.ClientId);
                b.UseSetting("Authentication:Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
                b.UseSetting("Authentication:Oidc:DisplayName", "Gemeente Enschede");
                b.UseSetting("Authentication:Oidc:PartnerCode", "GEM-ENSCHEDE");
                b.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
                b.UseSetting("urls", "http://127.0.0.1:0");
            });
            configured.UseKestrel(0);
            configured.StartServer();
            var baseUrl = configured.ClientOptions.BaseAddress.ToString().TrimEnd('/').Replace("localhost", "127.0.0.1");
            await idp.RegisterClientAsync(baseUrl);
            await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "ketenaanpak.db")}"))
            {
                // The demo coordinator gets the e-mail the municipality's provider will send: the pre-provisioned account.
                await db.OpenAsync();
                var command = db.CreateCommand();
                command.CommandText = "UPDATE AspNetUsers SET Email = 'coordinator@enschede.example', NormalizedEmail = 'COORDINATOR@ENSCHEDE.EXAMPLE' WHERE UserName = 'coordinator'";
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }

            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
            var page = await context.NewPageAsync();
            var steps = new Steps(page, nameof(Coordinator_SignsInThroughTheMunicipalitysProvider_AndAStrangerIsRefused));
            idp.NextUser = new IdpUser("enschede-4711", "coordinator@enschede.example", "C. Oordinator");
            await page.GotoAsync(baseUrl + "/account/inloggen");
            Assert.Equal("Inloggen via Gemeente Enschede", (await page.Locator("#extern-inloggen").InnerTextAsync()).Trim());
            await steps.ShotAsync("inlogpagina-met-eigen-organisatie");
            await page.ClickAsync("#extern-inloggen");
            // Through the provider and back; the landing page's own navigation carries the SameSite=Strict cookie to "/".
            await page.WaitForURLAsync(baseUrl + "/", new PageWaitForURLOptions { Timeout = 60000 });
            Assert.Equal("Coördinator mensenhandel Enschede (demo)", (await page.Locator(".user a").InnerTextAsync()).Trim());
            await steps.ShotAsync("ingelogd-via-gemeente");
            await context.CloseAsync();

            context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
            page = await context.NewPageAsync();
            steps = new Steps(page, nameof(Coordinator_SignsInThroughTheMunicipalitysProvider_AndAStrangerIsRefused) + "-geweigerd");
            idp.NextUser = new IdpUser("enschede-9999", "stagiair@enschede.example", "Stagiair");
            await page.GotoAsync(baseUrl + "/account/inloggen");
            await page.ClickAsync("#extern-inloggen", new PageClickOptions { Timeout = 60000 }); // a loaded machine: the provider's first answers are slow
            await page.WaitForURLAsync(baseUrl + "/account/extern/terug", new PageWaitForURLOptions { Timeout = 60000 });
            Assert.Contains("geen account of rol voor u ingericht", await page.Locator("[role=alert]").InnerTextAsync());
            await steps.ShotAsync("onbekende-medewerker-geweigerd");
            await context.CloseAsync();
            await configured.DisposeAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
