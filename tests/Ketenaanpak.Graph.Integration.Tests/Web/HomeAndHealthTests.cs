using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Integration.Tests.Store;

namespace Ketenaanpak.Graph.Integration.Tests.Web;

/// <summary>The acceptance of the foundation, per store: the Dutch home page with the demo region, and /health.</summary>
public abstract class HomeAndHealthTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    [Fact]
    public async Task Home_FirstStartWithDemo_ShowsDutchOverviewOfTheFictionalRegion()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("analist", Roles.RiecAnalyst, "RIEC-ON");
        using var client = await SignIn.AsAsync(app, "analist");
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Fictieve demoregio Twente", document.QuerySelector(".notice-demo")!.TextContent);
        Assert.Equal("Ketenaanpak mensenhandel Twente", document.QuerySelector("h1")!.TextContent.Trim());
        var tiles = document.QuerySelectorAll(".tile").ToDictionary(t => t.QuerySelector(".tile-label")!.TextContent, t => t.QuerySelector(".tile-value")!.TextContent);
        Assert.Equal("299", tiles["signalen"]);
        Assert.Equal("13", tiles["dossiers"]);
        Assert.Contains(document.QuerySelectorAll("td"), td => td.TextContent == "Champignonkwekerij Buurse en uitzendbureau");
    }

    [Fact]
    public async Task Health_StoreUp_ReportsTheDatabaseCheckHealthy()
    {
        await using var app = new AppFactory(store);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownPage_Requested_AnswersDutch404Page()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("analist", Roles.RiecAnalyst, "RIEC-ON");
        using var client = await SignIn.AsAsync(app, "analist");
        var response = await client.GetAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Partners_Directory_ListsCovenantAndOtherPartners()
    {
        await using var app = new AppFactory(store);
        await app.EnsureUserAsync("melder", Roles.PartnerContributor, "GGD-TW");
        using var client = await SignIn.AsAsync(app, "melder");
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/partners"));
        var rows = document.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "Openbaar Ministerie Oost-Nederland" && r[2] == "Ja");
        Assert.Contains(rows, r => r[0] == "GGD Twente" && r[2] == "Nee");
        Assert.Equal(14, rows.Count(r => r[1].StartsWith("Gemeente")));
    }
}

[Collection(HostsCollection.Name)]
public sealed class SqliteHomeAndHealthTests(SqliteTestStore store) : HomeAndHealthTests<SqliteTestStore>(store);

[Collection(HostsCollection.Name)]
public sealed class PostgreSqlHomeAndHealthTests(PostgreSqlTestStore store) : HomeAndHealthTests<PostgreSqlTestStore>(store);
