using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Integration.Tests.Explorer;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Alerts;

/// <summary>
/// The alert pages, the menu badge and the JSON API on the demo region with the demo accounts: the analyst sees and
/// works the Almelo alert; the Enschede coordinator sees neither it, nor its count, nor its detail (404, as if it did
/// not exist); bad input gets a Dutch answer and changes nothing.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class AlertPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private async Task<(AppFactory App, Alert Almelo)> ArrangeAsync()
    {
        var app = new AppFactory(store, demo: true);
        using (app.CreateClient()) { }
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertEvaluation>().RunAsync(null, CancellationToken.None);
        await using var db = store.NewContext();
        var address = await db.Nodes.AsNoTracking().SingleAsync(n => n.Kind == NodeKind.Address && n.Caption.Contains("Wierdensestraat 87"));
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.TriggerKey == $"{AlertRuleKind.AddressRegistrations}:{address.Id}");
        return (app, alert);
    }

    private static async Task<int> BadgeAsync(HttpClient client)
    {
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var link = doc.QuerySelector("nav a[href='/signaleringen']");
        Assert.NotNull(link);
        var badge = link.QuerySelector(".badge")?.TextContent.Trim('(', ')', ' ');
        return badge is null ? 0 : int.Parse(badge);
    }

    [Fact]
    public async Task Analyst_SeesTheAlmeloAlert_InListDetailBadgeAndApi_CoordinatorOfEnschedeSeesNoneOfIt()
    {
        var (app, almelo) = await ArrangeAsync();
        await using var _ = app;
        using var analyst = await SignIn.AsAsync(app, "analist");
        using var coordinator = await SignIn.AsAsync(app, "coordinator");

        var list = await analyst.GetStringAsync("/signaleringen");
        Assert.Contains($"/signaleringen/{almelo.Id}", list);
        Assert.Contains("14 personen ingeschreven op één adres", new HtmlParser().ParseDocument(list).Body!.TextContent);
        var detail = await analyst.GetStringAsync($"/signaleringen/{almelo.Id}");
        Assert.Contains("Wierdensestraat 87", detail);
        Assert.Contains("/verkenner?start=", detail);
        Assert.Contains("Toevoegen aan dossier", detail);
        var api = await (await analyst.GetAsync($"/api/alerts/{almelo.Id}")).JsonAsync();
        Assert.Equal(15, api.GetProperty("nodes").GetArrayLength());
        Assert.Equal("adres-inschrijvingen", api.GetProperty("alert").GetProperty("rule").GetString());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<AlertQueries>();
            await using var db = store.NewContext();
            var analystActor = await AlertWorld.ActorAsync(db, "RIEC-ON", Roles.RiecAnalyst, "analist");
            Assert.Equal(await queries.CountNewAsync(analystActor, CancellationToken.None), await BadgeAsync(analyst));
            Assert.True(await BadgeAsync(analyst) >= 5);
        }

        Assert.DoesNotContain(almelo.Id.ToString(), await coordinator.GetStringAsync("/signaleringen"));
        Assert.DoesNotContain(almelo.Id.ToString(), await coordinator.GetStringAsync("/api/alerts?status=alle"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/signaleringen/{almelo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/alerts/{almelo.Id}")).StatusCode);
        var refused = await ExplorerClient.PostAsync(coordinator, $"/api/alerts/{almelo.Id}/status", new { status = "afgewezen", reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        // The coordinator's badge counts only what their list shows.
        var coordinatorRows = new HtmlParser().ParseDocument(await coordinator.GetStringAsync("/signaleringen?status=nieuw")).QuerySelectorAll("table.alerts tbody tr").Length;
        Assert.Equal(coordinatorRows, await BadgeAsync(coordinator));
    }

    [Fact]
    public async Task Dismiss_WithoutReason_AnswersInDutch_PageAndApi_AndChangesNothing_ThenWithAReasonIsRecorded()
    {
        var (app, almelo) = await ArrangeAsync();
        await using var _ = app;
        using var analyst = await SignIn.AsAsync(app, "analist");
        var token = await SignIn.AntiforgeryTokenAsync(analyst, $"/signaleringen/{almelo.Id}");
        var page = await analyst.PostAsync($"/signaleringen/{almelo.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["status"] = "afgewezen", ["reden"] = "", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("Geef een reden waarom deze signalering wordt afgewezen.", await page.Content.ReadAsStringAsync());

        var api = await ExplorerClient.PostAsync(analyst, $"/api/alerts/{almelo.Id}/status", new { status = "afgewezen" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("Geef een reden waarom deze signalering wordt afgewezen.", (await api.JsonAsync()).GetProperty("detail").GetString());
        var unknown = await ExplorerClient.PostAsync(analyst, $"/api/alerts/{almelo.Id}/status", new { status = "weg" });
        Assert.Contains("Kies een status", (await unknown.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/alerts?status=bestaat-niet")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/alerts/geen-id")).StatusCode);
        await using (var db = store.NewContext())
            Assert.Equal(AlertStatus.New, (await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == almelo.Id)).Status);

        var assign = await ExplorerClient.PostAsync(analyst, $"/api/alerts/{almelo.Id}/assign", new { userId = "bestaat-niet" });
        Assert.Equal(HttpStatusCode.BadRequest, assign.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ExplorerClient.PostAsync(analyst, $"/api/alerts/{almelo.Id}/status", new { status = "in-behandeling" })).StatusCode);
        var ok = await ExplorerClient.PostAsync(analyst, $"/api/alerts/{almelo.Id}/status", new { status = "afgewezen", reason = "Bekend <script>adres</script>" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var shown = await analyst.GetStringAsync($"/signaleringen/{almelo.Id}");
        Assert.Contains("Bekend &lt;script&gt;adres&lt;/script&gt;", shown);
        Assert.DoesNotContain("<script>adres", shown);
    }

    [Fact]
    public async Task RulesPage_AnalystChangesAThreshold_BadValuesAreRefusedInDutch_CoordinatorOnlyReads()
    {
        var (app, _) = await ArrangeAsync();
        await using var __ = app;
        using var analyst = await SignIn.AsAsync(app, "analist");
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        var token = await SignIn.AntiforgeryTokenAsync(analyst, "/signaleringen/regels");
        async Task<HttpResponseMessage> Post(HttpClient client, string tok, string drempel, string periode) =>
            await client.PostAsync("/signaleringen/regels/adres-inschrijvingen", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Drempel"] = drempel, ["Periode"] = periode, ["Actief"] = "true", ["__RequestVerificationToken"] = tok,
            }));
        var bad = await Post(analyst, token, "veel", "365");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Vul een drempel in (een geheel getal).", await bad.Content.ReadAsStringAsync());
        var badWindow = await Post(analyst, token, "5", "0");
        Assert.Contains("De periode moet tussen 1 en 3650 dagen liggen.", await badWindow.Content.ReadAsStringAsync());
        var good = await Post(analyst, token, "7", "200");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode); // followed the redirect back to the page
        await using (var db = store.NewContext())
        {
            var rule = await db.AlertRules.AsNoTracking().SingleAsync(r => r.Kind == AlertRuleKind.AddressRegistrations);
            Assert.Equal((7, 200, "analist"), (rule.Threshold, rule.WindowDays!.Value, rule.UpdatedBy));
        }

        var read = await coordinator.GetStringAsync("/signaleringen/regels");
        Assert.Contains("Alleen beheerders en RIEC-analisten wijzigen de regels.", read);
        var coordinatorToken = await SignIn.AntiforgeryTokenAsync(coordinator, "/signaleringen");
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(coordinator, coordinatorToken, "2", "1")).StatusCode);
        await using (var db = store.NewContext())
            Assert.Equal(7, (await db.AlertRules.AsNoTracking().SingleAsync(r => r.Kind == AlertRuleKind.AddressRegistrations)).Threshold);
        // Put the default back for the other tests on this store.
        await Post(analyst, await SignIn.AntiforgeryTokenAsync(analyst, "/signaleringen/regels"), "6", "365");
    }
}
