using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Security;

/// <summary>/beheer/gebruikers on the demo store, through the real forms (antiforgery token and all), signed in as "beheerder".</summary>
[Collection(HostsCollection.Name)]
public sealed class UserManagementTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private const string NewPassword = "Nieuw-Account-Wachtwoord-7!";

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, page) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    private async Task<string> PartnerIdAsync(string code)
    {
        await using var db = store.NewContext();
        return (await db.Partners.SingleAsync(p => p.Code == code)).Id.Value.ToString();
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = store.NewContext();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public async Task Create_ValidUser_IsStoredWithRoleAndPartner_AuditedWithTheAdministrator_AndCanSignIn()
    {
        await using var app = new AppFactory(store);
        using var admin = await SignIn.AsAsync(app, "beheerder");
        var response = await PostFormAsync(admin, "/beheer/gebruikers/nieuw", "/beheer/gebruikers/nieuw", new()
        {
            ["UserName"] = "j.devries", ["DisplayName"] = "Jan de Vries <script>alert(1)</script>", ["Email"] = "j.devries@enschede.example",
            ["Role"] = Roles.MunicipalCoordinator, ["PartnerId"] = await PartnerIdAsync("GEM-ENSCHEDE"), ["Password"] = NewPassword, ["PasswordRepeat"] = NewPassword,
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Het account is aangemaakt.", html);
        Assert.Contains("Jan de Vries &lt;script&gt;", html); // a name is text, never markup
        var list = await admin.GetStringAsync("/beheer/gebruikers");
        var row = Parse(list).QuerySelectorAll("#gebruikers tbody tr").Single(r => r.TextContent.Contains("j.devries"));
        Assert.Contains("Gemeentelijk coördinator", row.TextContent);
        Assert.Contains("uit", row.TextContent);
        Assert.Contains("actief", row.TextContent);

        await using (var db = store.NewContext())
        {
            var id = await UserIdAsync("j.devries");
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.Create && e.SubjectType == "User" && e.SubjectId == id);
            Assert.Equal("beheerder", entry.ActorName);
            Assert.Equal(Roles.Administrator, entry.Role);
            Assert.Contains("rol MunicipalCoordinator; partner GEM-ENSCHEDE", entry.Detail);
        }
        using var newUser = await SignIn.AsAsync(app, "j.devries", NewPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await newUser.GetAsync("/beheer/gebruikers")).StatusCode);
    }

    [Fact]
    public async Task Create_BadFields_EachFieldGetsItsOwnDutchMessage_AndNothingIsStored()
    {
        await using var app = new AppFactory(store);
        using var admin = await SignIn.AsAsync(app, "beheerder");
        int Users() { using var db = store.NewContext(); return db.Users.Count(); }
        var before = Users();
        var response = await PostFormAsync(admin, "/beheer/gebruikers/nieuw", "/beheer/gebruikers/nieuw", new()
        {
            ["UserName"] = "<script>x</script>", ["DisplayName"] = "", ["Email"] = "geen-adres", ["Role"] = "", ["PartnerId"] = "niet-een-id",
            ["Password"] = "kort", ["PasswordRepeat"] = "anders",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Parse(await response.Content.ReadAsStringAsync());
        string Error(string field) => page.QuerySelector($"#{field}-error")!.TextContent;
        Assert.Contains("alleen uit letters, cijfers", Error("UserName"));
        Assert.Equal("Vul de naam van de gebruiker in.", Error("DisplayName"));
        Assert.Equal("Dit is geen geldig e-mailadres.", Error("Email"));
        Assert.Equal("Kies een rol.", Error("Role"));
        Assert.Equal("De twee wachtwoorden zijn niet gelijk.", Error("PasswordRepeat"));
        Assert.DoesNotContain("kort", page.QuerySelector("#Password")!.GetAttribute("value") ?? ""); // no password echoed
        Assert.Equal("<script>x</script>", page.QuerySelector("#UserName")!.GetAttribute("value")); // kept as text in the attribute
        Assert.Null(page.QuerySelector("form script"));

        // The password policy and the role-partner rule, once the form itself is complete.
        var weak = Parse(await (await PostFormAsync(admin, "/beheer/gebruikers/nieuw", "/beheer/gebruikers/nieuw", new()
        {
            ["UserName"] = "zwak", ["DisplayName"] = "Zwak", ["Role"] = Roles.RiecAnalyst, ["PartnerId"] = await PartnerIdAsync("GGD-TW"),
            ["Password"] = "alleenkleineletters", ["PasswordRepeat"] = "alleenkleineletters",
        })).Content.ReadAsStringAsync());
        Assert.Contains("minstens één cijfer", weak.QuerySelector("#Password-error")!.TextContent);
        Assert.Contains("minstens één hoofdletter", weak.QuerySelector("#Password-error")!.TextContent);
        Assert.Contains("geen convenantpartner", weak.QuerySelector("#Role-error")!.TextContent);

        var taken = Parse(await (await PostFormAsync(admin, "/beheer/gebruikers/nieuw", "/beheer/gebruikers/nieuw", new()
        {
            ["UserName"] = "analist", ["DisplayName"] = "Dubbel", ["Role"] = Roles.RiecAnalyst, ["PartnerId"] = await PartnerIdAsync("RIEC-ON"),
            ["Password"] = NewPassword, ["PasswordRepeat"] = NewPassword,
        })).Content.ReadAsStringAsync());
        Assert.Equal("Er bestaat al een account met deze gebruikersnaam.", taken.QuerySelector("#UserName-error")!.TextContent);
        Assert.Equal(before, Users());
    }

    [Fact]
    public async Task Administrator_CannotDemoteOrLockThemselves()
    {
        await using var app = new AppFactory(store);
        using var admin = await SignIn.AsAsync(app, "beheerder");
        var self = await UserIdAsync("beheerder");
        var page = $"/beheer/gebruikers/{self}";
        var demote = await PostFormAsync(admin, page, $"{page}/rol", new() { ["Role"] = Roles.RiecAnalyst, ["PartnerId"] = await PartnerIdAsync("RIEC-ON") });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("U kunt uw eigen beheerdersrol niet afnemen", Parse(await demote.Content.ReadAsStringAsync()).QuerySelector("#Role-error")!.TextContent);
        var selfPage = await admin.GetStringAsync(page);
        Assert.Null(Parse(selfPage).QuerySelector("#blokkeren")); // no lock button on one's own account
        var lockSelf = await PostFormAsync(admin, page, $"{page}/blokkeren", []);
        Assert.Equal(HttpStatusCode.BadRequest, lockSelf.StatusCode);
        Assert.Contains("U kunt uw eigen account niet blokkeren.", await lockSelf.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/beheer/gebruikers")).StatusCode); // still an administrator
        await using var db = store.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.SubjectType == "User" && e.SubjectId == self));
    }

    [Fact]
    public async Task LockUnlockRoleChangeAndSecondFactorReset_OnAnotherUser_TakeEffect_AndAreAudited()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("wisselaar", Roles.RiecAnalyst, "RIEC-ON");
        using var admin = await SignIn.AsAsync(app, "beheerder");
        var id = await UserIdAsync("wisselaar");
        var page = $"/beheer/gebruikers/{id}";

        Assert.Contains("Het account is geblokkeerd", await (await PostFormAsync(admin, page, $"{page}/blokkeren", [])).Content.ReadAsStringAsync());
        using (var client = app.CreateClient())
            Assert.Contains("geblokkeerd door de beheerder", await (await SignIn.PostLoginAsync(client, "wisselaar", SignIn.DemoPassword)).Content.ReadAsStringAsync());
        Assert.Contains("Het account is gedeblokkeerd", await (await PostFormAsync(admin, page, $"{page}/deblokkeren", [])).Content.ReadAsStringAsync());
        using (await SignIn.AsAsync(app, "wisselaar")) { }

        var changed = await PostFormAsync(admin, page, $"{page}/rol", new() { ["Role"] = Roles.DataProtectionOfficer, ["PartnerId"] = await PartnerIdAsync("RIEC-ON") });
        Assert.Contains("Rol en organisatie zijn gewijzigd.", await changed.Content.ReadAsStringAsync());
        using (var dpo = await SignIn.AsAsync(app, "wisselaar"))
            Assert.Equal(HttpStatusCode.OK, (await dpo.GetAsync("/audit")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        Assert.Contains("De tweede factor is hersteld", await (await PostFormAsync(admin, page, $"{page}/tweede-factor", [])).Content.ReadAsStringAsync());
        await using var db = store.NewContext();
        Assert.False((await db.Users.SingleAsync(u => u.Id == id)).TwoFactorEnabled);
        var entries = await db.AuditEntries.Where(e => e.SubjectType == "User" && e.SubjectId == id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.All(entries, e => Assert.Equal("beheerder", e.ActorName));
        Assert.Equal(["account wisselaar geblokkeerd", "account wisselaar gedeblokkeerd", "account wisselaar: rol RiecAnalyst → DataProtectionOfficer",
            "account wisselaar: tweede factor hersteld"], entries.Select(e => e.Detail));
    }

    [Fact]
    public async Task Lock_EndsTheLockedUsersOpenSession_AtTheNextRevalidation()
    {
        await using var app = new AppFactory(store);
        app.Settings["Security:SessionRevalidationSeconds"] = "0"; // check on every request, so the test need not wait a minute
        await app.EnsureUserAsync("sessie", Roles.RiecAnalyst, "RIEC-ON");
        using var victim = await SignIn.AsAsync(app, "sessie");
        Assert.Equal("/", (await victim.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);
        using var admin = await SignIn.AsAsync(app, "beheerder");
        var page = $"/beheer/gebruikers/{await UserIdAsync("sessie")}";
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(admin, page, $"{page}/blokkeren", [])).StatusCode);
        Assert.Equal("/account/inloggen", (await victim.GetAsync("/")).RequestMessage!.RequestUri!.AbsolutePath);
    }
}
