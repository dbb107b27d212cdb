using System.Net;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Integration.Tests.Security.Oidc;

/// <summary>
/// OpenID Connect sign-in, run for real: the app and an OpenIddict provider on two Kestrel ports, the authorization code
/// flow with PKCE driven by an HttpClient that follows redirects and keeps cookies like a browser.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class OidcSignInTests(OidcFixture f) : IClassFixture<OidcFixture>
{
    private static readonly HtmlParser Html = new();

    /// <summary>Opens the sign-in page, presses "Inloggen via …" and follows the flow to its end.</summary>
    private async Task<HttpResponseMessage> SignInViaProviderAsync(HttpClient browser, IdpUser who)
    {
        f.Idp.NextUser = who;
        var page = Html.ParseDocument(await browser.GetStringAsync("/account/inloggen"));
        var button = page.QuerySelector("#extern-inloggen");
        Assert.NotNull(button);
        Assert.Equal($"Inloggen via {OidcFixture.Organisation}", button!.TextContent.Trim());
        var token = page.QuerySelector("form[action='/account/extern'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.PostAsync("/account/extern", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    private async Task<List<AuditEntry>> AuditAsync(long after)
    {
        await using var db = f.Store.NewContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<long> AuditHeadAsync()
    {
        await using var db = f.Store.NewContext();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    [Fact]
    public async Task KnownUser_PreProvisionedByEmail_SignsInWithTheLocalRole_AndIsLinkedBySubjectAfterwards()
    {
        await f.ProvisionAsync("fg-teststad", "fg@teststad.example", Roles.DataProtectionOfficer);
        var head = await AuditHeadAsync();
        using var browser = f.NewBrowser();
        var response = await SignInViaProviderAsync(browser, new IdpUser("s-fg-1", "FG@teststad.example", "Femke Gerritsen"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("U bent ingelogd", body);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/audit")).StatusCode); // the DPO's own page: the local role applies
        var forbidden = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var signIn = Assert.Single(await AuditAsync(head), e => e.Action == AuditAction.SignIn);
        Assert.Equal("fg-teststad", signIn.ActorName);
        Assert.Equal(Roles.DataProtectionOfficer, signIn.Role);
        Assert.Contains("via Gemeente Teststad", signIn.Detail);
        Assert.Contains("gekoppeld op e-mailadres", signIn.Detail);

        // Second time: found by the linked subject, even though the provider now sends another e-mail address.
        head = await AuditHeadAsync();
        using var again = f.NewBrowser();
        var second = await SignInViaProviderAsync(again, new IdpUser("s-fg-1", "femke@elders.example", "Femke Gerritsen"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("gekoppeld account", Assert.Single(await AuditAsync(head), e => e.Action == AuditAction.SignIn).Detail);
    }

    [Fact]
    public async Task UnknownSubject_WithMappedRoleClaim_GetsAnAccountWithThatRoleAtTheProvidersPartner()
    {
        using var browser = f.NewBrowser();
        var response = await SignInViaProviderAsync(browser, new IdpUser("s-analist-7", "a7@teststad.example", "Ahmed Analist", "mensenhandel-analist"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/audit")).StatusCode);
        await using var db = f.Store.NewContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "oidc-s-analist-7");
        Assert.Equal(db.Partners.Single(p => p.Code == OidcFixture.PartnerCode).Id, user.PartnerId);
        var roleId = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).SingleAsync();
        Assert.Equal(Roles.RiecAnalyst, await db.Roles.Where(r => r.Id == roleId).Select(r => r.Name).SingleAsync());
        Assert.Null(user.PasswordHash); // no password: it can sign in only through the provider
    }

    [Theory]
    [InlineData("s-onbekend-1", "niemand@teststad.example", null, "geen account of rol voor u ingericht", "onbekend subject")]
    [InlineData("s-onbekend-2", "kantine@teststad.example", "kantinemedewerker", "geen account of rol voor u ingericht", "geen rol uit de claim")]
    public async Task UnknownSubject_WithoutAMappedRole_IsRefusedInDutch_Audited_AndGetsNoAccount(string subject, string email, string? idpRole, string message, string audit)
    {
        var head = await AuditHeadAsync();
        using var browser = f.NewBrowser();
        var response = await SignInViaProviderAsync(browser, new IdpUser(subject, email, "Iemand", idpRole is null ? [] : [idpRole]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(message, body);
        Assert.Contains("Neem contact op met de beheerder", body);
        var failed = Assert.Single(await AuditAsync(head), e => e.Action == AuditAction.SignInFailed);
        Assert.Contains(audit, failed.Detail);
        Assert.Equal(subject, failed.SubjectId);
        // Not signed in: a page sends the visitor back to the sign-in page.
        var home = await browser.GetAsync("/");
        Assert.Equal("/account/inloggen", home.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = f.Store.NewContext();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == subject));
    }

    [Fact]
    public async Task PreProvisionedAccountWithoutRole_OrOfAnotherPartner_IsRefused()
    {
        await f.ProvisionAsync("zonder-rol", "zonder-rol@teststad.example", role: null);
        await f.ProvisionAsync("ander-riec", "ander@riec.example", Roles.RiecAnalyst, partnerCode: "RIEC-ANDERS");
        using var first = f.NewBrowser();
        var noRole = await SignInViaProviderAsync(first, new IdpUser("s-zonder-rol", "zonder-rol@teststad.example", "Zonder Rol"));
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        Assert.Contains("heeft nog geen rol", await noRole.Content.ReadAsStringAsync());
        // An account of another partner with the same e-mail is not linked: the provider speaks for its own organisation only.
        using var second = f.NewBrowser();
        var other = await SignInViaProviderAsync(second, new IdpUser("s-ander", "ander@riec.example", "Ander"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("geen account of rol voor u ingericht", await other.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("missing")]
    [InlineData("foreign-browser")]
    public async Task TamperedOrMissingState_IsRefused_WithoutA500_AndAudited(string how)
    {
        await f.ProvisionAsync($"state-{how}", $"state-{how}@teststad.example", Roles.RiecAnalyst);
        var head = await AuditHeadAsync();
        using var browser = f.NewBrowser(followRedirects: false);
        f.Idp.NextUser = new IdpUser($"s-state-{how}", $"state-{how}@teststad.example", "Staat");
        var token = await SignIn.AntiforgeryTokenAsync(browser, "/account/inloggen");
        var challenge = await browser.PostAsync("/account/extern", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(f.Idp.Authority, challenge.Headers.Location!.ToString());
        Assert.Contains("code_challenge=", challenge.Headers.Location!.Query); // PKCE
        var atProvider = await browser.GetAsync(challenge.Headers.Location);
        var callback = atProvider.Headers.Location!;
        Assert.Equal("/signin-oidc", callback.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        var state = query["state"]!;
        var url = how switch
        {
            "tampered" => callback.ToString().Replace("state=" + Uri.EscapeDataString(state), "state=" + Uri.EscapeDataString(state[..^4] + "AAAA")),
            "missing" => $"{f.BaseUrl}/signin-oidc?code={Uri.EscapeDataString(query["code"]!)}",
            _ => callback.ToString(),
        };
        // "foreign-browser": the genuine answer, but in a browser that never started this sign-in (no correlation cookie).
        using var other = how == "foreign-browser" ? f.NewBrowser(followRedirects: false) : null;
        var answer = await (other ?? browser).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/account/inloggen?fout=extern", answer.Headers.Location!.ToString());
        var page = await (other ?? browser).GetAsync(answer.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Inloggen via {OidcFixture.Organisation} is mislukt of afgebroken", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await (other ?? browser).GetAsync("/")).StatusCode); // still not signed in
        var entries = await AuditAsync(head);
        Assert.Contains(entries, e => e.Action == AuditAction.SignInFailed && e.Detail!.Contains("inloggen via Gemeente Teststad"));
        Assert.DoesNotContain(entries, e => e.Action == AuditAction.SignIn);
    }

    [Fact]
    public async Task Callback_WithoutAnyProviderAnswer_IsRefusedNot500()
    {
        using var browser = f.NewBrowser(followRedirects: false);
        foreach (var url in new[] { "/signin-oidc", "/signin-oidc?error=access_denied&state=x", "/account/extern/terug", "/signin-oidc?code=%3Cscript%3E&state=%00" })
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("/account/inloggen?fout=extern", response.Headers.Location!.ToString());
        }
    }
}

/// <summary>Wrong OIDC settings stop the app at start with a message in Dutch and English.</summary>
[Collection(HostsCollection.Name)]
public sealed class OidcOptionsTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Start_WithIncompleteOidcSection_FailsWithDutchAndEnglishMessages()
    {
        await using var app = new AppFactory(store, demo: false);
        app.Settings["Authentication:Oidc:Enabled"] = "true";
        app.Settings["Authentication:Oidc:Authority"] = "http://idp.example";
        app.Settings["Authentication:Oidc:RoleMapping:it-beheer"] = Roles.Administrator;
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Authentication:Oidc:Authority moet met https:// beginnen. / must start with https://.", error.Message);
        Assert.Contains("Authentication:Oidc:ClientId ontbreekt. / is missing.", error.Message);
        Assert.Contains("ClientSecret ontbreekt", error.Message);
        Assert.Contains("PartnerCode ontbreekt", error.Message);
        Assert.Contains("DisplayName ontbreekt", error.Message);
        Assert.Contains("RoleClaim ontbreekt terwijl RoleMapping is ingevuld", error.Message);
        Assert.Contains("mag geen beheerder maken", error.Message);
    }

    [Fact]
    public async Task SignInPage_WithoutOidc_HasNoExternalButton_AndTheChallengeIsNotFound()
    {
        await using var app = new AppFactory(store, demo: false);
        using var client = app.CreateClient();
        Assert.DoesNotContain("extern-inloggen", await client.GetStringAsync("/account/inloggen"));
        var token = await SignIn.AntiforgeryTokenAsync(client, "/account/inloggen");
        var response = await client.PostAsync("/account/extern", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
