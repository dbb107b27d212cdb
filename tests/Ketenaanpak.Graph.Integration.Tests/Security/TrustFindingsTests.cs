using System.Net;
using System.Text;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Integration.Tests.Bulk;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Security;

/// <summary>
/// Issue 14, findings 9 and 10, each reproduced as it was reported: sign-out ends the session for a replayed cookie;
/// opening the second-factor page leaves the sessions alone; the error page does not take its status from a posted
/// field; a JSON body over the limit is a 413, not a 500; the sign-in page does not tell which accounts exist; an
/// import refuses the right-to-left override the intake refuses.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class TrustFindingsTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    /// <summary>Notes the sign-in cookie as the server sets it, as someone copying it from the browser would.</summary>
    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public string? AuthCookie { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                foreach (var c in cookies.Where(c => c.StartsWith("ketenaanpak.auth=", StringComparison.Ordinal) && !c.StartsWith("ketenaanpak.auth=;", StringComparison.Ordinal)))
                    AuthCookie = c.Split(';')[0];
            return response;
        }
    }

    private static async Task<HttpStatusCode> ReplayAsync(AppFactory app, string cookie)
    {
        using var replay = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=jansen");
        request.Headers.Add("Cookie", cookie);
        return (await replay.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task SignOut_ThenTheOldCookieReplayed_IsNoLongerSignedIn()
    {
        await using var app = new AppFactory(store);
        using (app.CreateClient()) { }
        var recorder = new SetCookieRecorder();
        // The recorder innermost: it sees the sign-in answer itself, before the redirect is followed.
        using var client = app.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(), recorder);
        await SignIn.PostLoginAsync(client, "analist", SignIn.DemoPassword);
        var cookie = recorder.AuthCookie ?? throw new InvalidOperationException("no sign-in cookie was set");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, cookie));

        var token = await SignIn.AntiforgeryTokenAsync(client, "/partners");
        var signOut = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.True(signOut.IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, cookie));
    }

    [Fact]
    public async Task TwoFactorPage_Opened_KeepsTheSecurityStampAndSoTheOtherSessions()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("stempel-test", Roles.RiecAnalyst, "RIEC-ON");
        async Task<string?> StampAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.GetSecurityStampAsync((await users.FindByNameAsync("stempel-test"))!);
        }
        using var client = await SignIn.AsAsync(app, "stempel-test");
        var before = await StampAsync();
        var page = await client.GetAsync("/account/tweestapsverificatie");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(Key(await page.Content.ReadAsStringAsync()));
        Assert.Equal(before, await StampAsync());
        // The same key on a second visit: the phone that scanned the first one keeps working.
        var first = await client.GetStringAsync("/account/tweestapsverificatie");
        var second = await client.GetStringAsync("/account/tweestapsverificatie");
        Assert.Equal(Key(first), Key(second));
    }

    private static string Key(string html) => System.Text.RegularExpressions.Regex.Match(html, "<span class=\"key\">([^<]+)</span>").Groups[1].Value;

    [Fact]
    public async Task ErrorPage_RefusedPostWithAStatusField_KeepsTheRefusalsStatus()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "analist");
        var response = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent([KeyValuePair.Create("status", "200")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var odd = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent([KeyValuePair.Create("status", "999")]));
        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
    }

    [Fact]
    public async Task Api_JsonBodyOverTheLimit_Answers413InDutch()
    {
        await using var app = new AppFactory(store);
        app.UseKestrel(0);
        app.StartServer();
        using var client = await SignIn.AsAsync(app, "analist");
        var token = await SignIn.AntiforgeryTokenAsync(client, "/partners");
        var ids = string.Join(',', Enumerable.Range(0, 40_000).Select(_ => $"\"{Guid.NewGuid()}\""));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/explorer/elements")
        {
            Content = new StringContent($"{{\"ids\":[{ids}]}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.True(request.Content.Headers.ContentLength is null || request.Content.Headers.ContentLength > 1_000_000);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("te groot", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_LockedAccountWithAWrongPassword_AnswersAsAnUnknownName()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("bestaat-wel", Roles.RiecAnalyst, "RIEC-ON");
        using var client = app.CreateClient();
        for (var i = 0; i < 6; i++) await SignIn.PostLoginAsync(client, "bestaat-wel", "Fout-Wachtwoord-123!");
        var locked = await (await SignIn.PostLoginAsync(client, "bestaat-wel", "Nog-Een-Fout-456!")).Content.ReadAsStringAsync();
        var unknown = await (await SignIn.PostLoginAsync(client, "bestaat-niet", "Nog-Een-Fout-456!")).Content.ReadAsStringAsync();
        Assert.Contains("Onbekende gebruikersnaam of onjuist wachtwoord.", locked);
        Assert.Contains("Onbekende gebruikersnaam of onjuist wachtwoord.", unknown);
        Assert.DoesNotContain("geblokkeerd", locked);
        // Whoever knows the password does learn why they cannot get in.
        Assert.Contains("tijdelijk geblokkeerd", await (await SignIn.PostLoginAsync(client, "bestaat-wel", SignIn.DemoPassword)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_RightToLeftOverrideInAName_RefusesThatRowWithADutchReason()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rlo-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "source,target\nAnna de Vries,Bram\nexe.\u202Efdp,Bram\n");
        try
        {
            var result = await BulkCli.ImportAsync(store, file, "--dataset", "rlo-test");
            Assert.Equal(1, result.GetProperty("rejected").GetInt64());
            var reason = result.GetProperty("rejections")[0].GetProperty("reason").GetString();
            Assert.Contains("onzichtbaar teken", reason);
            await using var db = store.NewContext();
            Assert.False(await db.Nodes.AnyAsync(n => n.Caption.Contains("\u202E")));
        }
        finally { File.Delete(file); }
    }
}
