using System.Net;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Security;

[Collection(HostsCollection.Name)]
public sealed class SignInTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Login_WrongPassword_SaysSoWithoutRevealingWhetherTheAccountExists()
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient();
        var known = await (await SignIn.PostLoginAsync(client, "analist", "Fout-Wachtwoord-123!")).Content.ReadAsStringAsync();
        var unknown = await (await SignIn.PostLoginAsync(client, "bestaat-niet", "Fout-Wachtwoord-123!")).Content.ReadAsStringAsync();
        Assert.Contains("Onbekende gebruikersnaam of onjuist wachtwoord.", known);
        Assert.Contains("Onbekende gebruikersnaam of onjuist wachtwoord.", unknown);
    }

    [Fact]
    public async Task Login_FailedThenSucceeded_BothLandInTheAuditLog()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("audit-inlog", Roles.RiecAnalyst, "RIEC-ON");
        using var client = app.CreateClient();
        await SignIn.PostLoginAsync(client, "audit-inlog", "Fout-Wachtwoord-123!");
        await SignIn.PostLoginAsync(client, "audit-inlog", SignIn.DemoPassword);
        await using var db = store.NewContext();
        var entries = await db.AuditEntries.Where(e => e.ActorName == "audit-inlog").OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail }).ToListAsync();
        Assert.Equal([(Application.Auditing.AuditAction.SignInFailed, "onjuist wachtwoord"), (Application.Auditing.AuditAction.SignIn, "ingelogd")],
            entries.Select(e => (e.Action, e.Detail)));
    }

    [Fact]
    public async Task Login_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("slot-test", Roles.RiecAnalyst, "RIEC-ON");
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++) await SignIn.PostLoginAsync(client, "slot-test", "Fout-Wachtwoord-123!");
        var html = await (await SignIn.PostLoginAsync(client, "slot-test", SignIn.DemoPassword)).Content.ReadAsStringAsync();
        Assert.Contains("tijdelijk geblokkeerd", html);
        Assert.Equal("/account/inloggen", new Uri((await client.GetAsync("/")).RequestMessage!.RequestUri!.ToString()).AbsolutePath);
    }

    [Fact]
    public async Task Login_MoreAttemptsPerMinuteThanAllowed_AreRefusedWithAPlainDutchMessage()
    {
        await using var app = new AppFactory(store);
        app.Settings["Security:SignInAttemptsPerMinute"] = "3";
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(client, "analist", "Fout-Wachtwoord-123!")).StatusCode);
        var refused = await SignIn.PostLoginAsync(client, "analist", SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Te veel verzoeken in korte tijd", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("", "x", "Vul uw gebruikersnaam in.")]
    [InlineData("analist", "", "Vul uw wachtwoord in.")]
    public async Task Login_MissingField_SaysWhichOne(string user, string password, string message)
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient();
        var html = await (await SignIn.PostLoginAsync(client, user, password)).Content.ReadAsStringAsync();
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task Login_OverlongUserName_IsRefusedWithAMessage()
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient();
        var html = await (await SignIn.PostLoginAsync(client, new string('a', 5000), "x")).Content.ReadAsStringAsync();
        Assert.Contains("Een gebruikersnaam heeft hoogstens 100 tekens.", html);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRefused()
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient();
        await client.GetAsync("/account/inloggen");
        var response = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "analist",
            ["Password"] = SignIn.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Laad de pagina opnieuw", await response.Content.ReadAsStringAsync());
        Assert.Equal("/account/inloggen", (await client.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await SignIn.AntiforgeryTokenAsync(client, "/account/inloggen");
        var response = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "analist", ["Password"] = SignIn.DemoPassword, ["ReturnUrl"] = "https://kwaadwillend.example/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TwoFactor_Enabled_SignInAsksForTheAuthenticatorCode()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("tweestaps", Roles.MunicipalCoordinator, "GEM-ENSCHEDE");
        using (var client = await SignIn.AsAsync(app, "tweestaps"))
        {
            var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/account/tweestapsverificatie"));
            var key = page.QuerySelector(".key")!.TextContent;
            Assert.NotNull(page.QuerySelector(".qr svg"));
            var token = page.QuerySelector("form[action='/account/tweestapsverificatie'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var wrong = await client.PostAsync("/account/tweestapsverificatie", Form(("Code", "000000"), ("__RequestVerificationToken", token)));
            Assert.Contains("Deze code klopt niet", await wrong.Content.ReadAsStringAsync());
            token = await SignIn.AntiforgeryTokenAsync(client, "/account/tweestapsverificatie");
            var enabled = await client.PostAsync("/account/tweestapsverificatie", Form(("Code", Totp.Code(key, DateTimeOffset.UtcNow)), ("__RequestVerificationToken", token)));
            Assert.Contains("Tweestapsverificatie staat aan", await enabled.Content.ReadAsStringAsync());

            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByNameAsync("tweestaps"))!));
            var keyForLater = key;

            using var fresh = app.CreateClient();
            var afterPassword = await SignIn.PostLoginAsync(fresh, "tweestaps", SignIn.DemoPassword);
            Assert.Equal("/account/code", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("/account/inloggen", (await fresh.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath); // not in yet
            var codeToken = await SignIn.AntiforgeryTokenAsync(fresh, "/account/code");
            var signedIn = await fresh.PostAsync("/account/code", Form(("Code", Totp.Code(keyForLater, DateTimeOffset.UtcNow)), ("__RequestVerificationToken", codeToken)));
            Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_AndNoServerBanner()
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/account/inloggen");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ketenaanpak.af"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PartnerContributor_Home_ShowsOnlyOwnSignalsAndNoDossiers()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "melder");
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        Assert.Equal("Signalen van uw organisatie", document.QuerySelector("section.panel h2")!.TextContent);
        Assert.Empty(document.QuerySelectorAll(".tile"));
        Assert.DoesNotContain("Champignonkwekerij", document.Body!.TextContent);
        Assert.NotEmpty(document.QuerySelectorAll("tbody tr")); // the GGD's own demo signals
    }

    [Fact]
    public async Task MunicipalCoordinator_Home_SeesOwnMunicipalityAndSharedDossiersOnly()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "coordinator"); // Enschede
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var municipalities = document.QuerySelectorAll("section.panel").Last().QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent).ToList();
        Assert.NotEmpty(municipalities);
        Assert.All(municipalities, m => Assert.Equal("Enschede", m));
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.ToDictionary(f => f.Key, f => f.Value));
}

/// <summary>Server mode (PostgreSQL) never gets demo accounts, even with the demo region switched on.</summary>
[Collection(HostsCollection.Name)]
public sealed class ServerModeAccountTests(PostgreSqlTestStore store) : IClassFixture<PostgreSqlTestStore>
{
    [Fact]
    public async Task ServerMode_DemoEnabled_CreatesNoDemoAccounts()
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var name in DemoUserSeeder.Accounts.Keys) Assert.Null(await users.FindByNameAsync(name));
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All) Assert.True(await roles.RoleExistsAsync(role));
        Assert.DoesNotContain("Demo-accounts", await client.GetStringAsync("/account/inloggen"));
    }
}
