using System.Net;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Integration.Tests.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Retention;

/// <summary>The dossier page and its retention extension on the real app: a recorded decision, validated in Dutch.</summary>
[Collection(HostsCollection.Name)]
public abstract class DossierRetentionPageTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    // The app runs on the system clock; the dates are relative to today with days of margin around midnight.
    private static readonly DateOnly Today = TestKit.TestClock.Today;
    private static readonly DateOnly Current = Today.AddYears(1);

    private async Task<Dossier> SeedDossierAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var owner = Facts.Partner("GEM-" + suffix, PartnerKind.Municipality, "GM0153");
        var dossier = new Dossier(DossierId.New(), "DOS-B-" + suffix, "Bewaartest " + suffix, "GM0153", owner.Id, ExploitationForm.Labour, Facts.Now, Current);
        await using var db = store.NewContext();
        db.Partners.Add(owner);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string number, string? date, string? reason, bool token = true)
    {
        var fields = new Dictionary<string, string> { ["tot"] = date ?? "", ["reden"] = reason ?? "" };
        if (token) fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, $"/dossiers/{number}");
        return await client.PostAsync($"/dossiers/{number}/bewaartermijn", new FormUrlEncodedContent(fields));
    }

    private async Task<(DateOnly RetainUntil, int Decisions)> StateAsync(Dossier dossier)
    {
        await using var db = store.NewContext();
        var d = await db.Dossiers.AsNoTracking().Include(x => x.StageChanges).SingleAsync(x => x.Id == dossier.Id);
        return (d.RetainUntil, d.StageChanges.Count);
    }

    [Fact]
    public async Task ExtendRetention_ValidDateAndReason_RecordsDecisionShowsItAndAuditsIt()
    {
        var dossier = await SeedDossierAsync();
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(Roles.RiecAnalyst);
        var until = Current.AddYears(1);

        var response = await PostAsync(client, dossier.Number, until.ToString("yyyy-MM-dd"), "  lopend strafrechtelijk onderzoek  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // after the redirect
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(until.ToString("dd-MM-yyyy"), page.QuerySelector(".retain-until")!.TextContent);
        Assert.Contains($"Bewaartermijn verlengd tot {until:dd-MM-yyyy}: lopend strafrechtelijk onderzoek", page.QuerySelector(".decisions")!.TextContent);
        Assert.Equal((until, 1), await StateAsync(dossier));
        var entries = await AuditTestData.EntriesAsync(store);
        var extension = Assert.Single(entries, e => e.Action == AuditAction.RetentionExtended && e.SubjectId == dossier.Number);
        Assert.Equal(($"bewaartermijn verlengd van {Current:yyyy-MM-dd} tot {until:yyyy-MM-dd}", "lopend strafrechtelijk onderzoek"), (extension.Detail, extension.Purpose));
        Assert.Contains(entries, e => e.Action == AuditAction.Read && e.SubjectType == "Dossier" && e.SubjectId == dossier.Number);
    }

    public static TheoryData<string, string?, string> BadInputs() => new()
    {
        { "", "reden", "Vul de nieuwe bewaartermijn in." },
        { "31-02-2030", "reden", "De nieuwe bewaartermijn is geen geldige datum." },
        { Current.AddDays(-1).ToString("yyyy-MM-dd"), "reden", "De nieuwe bewaartermijn moet na de huidige bewaartermijn" },
        { Current.ToString("yyyy-MM-dd"), "reden", "De nieuwe bewaartermijn moet na de huidige bewaartermijn" },
        { Today.AddYears(5).AddDays(10).ToString("yyyy-MM-dd"), "reden", "Een verlenging reikt hoogstens 5 jaar vooruit" },
        { Current.AddYears(1).ToString("yyyy-MM-dd"), "   ", "Geef een reden voor de verlenging van de bewaartermijn." },
        { Current.AddYears(1).ToString("yyyy-MM-dd"), new string('x', 501), "De reden is te lang: hoogstens 500 tekens." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task ExtendRetention_BadInput_IsRefusedWithDutchMessageAndNothingChanges(string date, string? reason, string message)
    {
        var dossier = await SeedDossierAsync();
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(Roles.RiecAnalyst);

        var response = await PostAsync(client, dossier.Number, date, reason);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".validation-summary")!.TextContent);
        Assert.Equal((Current, 0), await StateAsync(dossier));
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(store), e => e.Action == AuditAction.RetentionExtended && e.SubjectId == dossier.Number);
    }

    [Fact]
    public async Task ExtendRetention_WithoutAntiforgeryToken_IsRefusedAndNothingChanges()
    {
        var dossier = await SeedDossierAsync();
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(Roles.RiecAnalyst);

        var response = await PostAsync(client, dossier.Number, Current.AddYears(1).ToString("yyyy-MM-dd"), "reden", token: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((Current, 0), await StateAsync(dossier));
    }

    [Fact]
    public async Task ShowAndExtend_UserWhoMayNotReadTheDossier_Gets404AndNothingChanges()
    {
        var dossier = await SeedDossierAsync();
        await using var app = new AppFactory(store, demo: false);
        // A coordinator of another organisation without a municipality: the dossier is not theirs, nor shared with them.
        using var client = await app.CreateClientAsAsync(Roles.MunicipalCoordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dossiers/{dossier.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dossiers/DOS-BESTAAT-NIET")).StatusCode);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/partners");
        var post = await client.PostAsync($"/dossiers/{dossier.Number}/bewaartermijn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tot"] = Current.AddYears(1).ToString("yyyy-MM-dd"), ["reden"] = "reden", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal((Current, 0), await StateAsync(dossier));
    }

    [Fact]
    public async Task Show_CaseMeetingMemberWhoMayRead_SeesDossierWithoutExtensionForm()
    {
        var dossier = await SeedDossierAsync();
        // Signing in first creates the test sign-in's partner, with which the dossier is then shared.
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(Roles.CaseMeetingMember);
        await using (var db = store.NewContext())
        {
            var d = await db.Dossiers.Include(x => x.Shares).SingleAsync(x => x.Id == dossier.Id);
            var riec = await db.Partners.SingleAsync(p => p.Code == TestSignIn.PartnerCode);
            d.ShareWith(riec.Id, "Casusoverleg", Facts.Now);
            await db.SaveChangesAsync();
        }

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/dossiers/{dossier.Number}"));
        Assert.Equal(dossier.Title, page.QuerySelector(".dossier-title")!.TextContent);
        Assert.Equal("Enschede", page.QuerySelector(".dossier-municipality")!.TextContent);
        Assert.Null(page.QuerySelector("form.retention"));
    }
}

public sealed class SqliteDossierRetentionPageTests(SqliteTestStore store) : DossierRetentionPageTests<SqliteTestStore>(store);

public sealed class PostgreSqlDossierRetentionPageTests(PostgreSqlTestStore store) : DossierRetentionPageTests<PostgreSqlTestStore>(store);
