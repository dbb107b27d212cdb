using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Explorer;

/// <summary>The explorer API on the demo region: paths, why-central, what-if, saved views and exports.</summary>
[Collection(HostsCollection.Name)]
public sealed class ExplorerApiTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private sealed record Demo(string Number, string Landlord, IReadOnlyList<string> Victims);

    private async Task<Demo> DemoAsync(AppFactory app)
    {
        using (app.CreateClient()) { }
        await using var db = store.NewContext();
        var dossier = await db.Dossiers.Include(d => d.Members).SingleAsync(d => d.Title == "Huisjesmelker Enschede-Oost");
        return new Demo(dossier.Number, dossier.Members.Single(m => m.Role == DossierRole.Perpetrator).NodeId.ToString(),
            dossier.Members.Where(m => m.Role == DossierRole.Victim).Select(m => m.NodeId.ToString()).ToList());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.JsonAsync());
    }

    [Fact]
    public async Task Paths_LandlordToVictim_AnswersCytoscapeShapedPathsInOrderOfLength()
    {
        await using var app = new AppFactory(store);
        var demo = await DemoAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var (status, body) = await GetAsync(analyst, $"/api/paths?from={demo.Landlord}&to={demo.Victims[0]}&k=4");
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = body.GetProperty("paths").EnumerateArray().ToList();
        Assert.InRange(paths.Count, 1, 4);
        var lengths = paths.Select(p => p.GetProperty("length").GetDouble()).ToList();
        Assert.Equal(lengths.Order(), lengths);
        var nodeIds = body.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()).ToHashSet();
        var edgeIds = body.GetProperty("elements").GetProperty("edges").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()).ToHashSet();
        foreach (var p in paths)
        {
            var nodes = p.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()).ToList();
            Assert.Equal(demo.Landlord, nodes[0]);
            Assert.Equal(demo.Victims[0], nodes[^1]);
            Assert.Equal(nodes.Count, nodes.Distinct().Count());
            Assert.All(nodes, n => Assert.Contains(n, nodeIds));
            Assert.Equal(nodes.Count - 1, p.GetProperty("edges").GetArrayLength());
            Assert.All(p.GetProperty("edges").EnumerateArray(), e => Assert.Contains(e.GetString(), edgeIds));
        }
    }

    [Theory]
    [InlineData("from=abc&to={to}", "from", "geldige entiteit")]
    [InlineData("from={from}&to={from}", "to", "twee verschillende")]
    [InlineData("from={from}&to={to}&k=0", "k", "1 tot en met 10")]
    [InlineData("from={from}&to={to}&k=11", "k", "1 tot en met 10")]
    [InlineData("from={from}&to={to}&k=drie", "k", "1 tot en met 10")]
    public async Task Paths_BadInput_AnswersDutchProblemDetails(string query, string field, string message)
    {
        await using var app = new AppFactory(store);
        var demo = await DemoAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var (status, body) = await GetAsync(analyst, "/api/paths?" + query.Replace("{from}", demo.Landlord).Replace("{to}", demo.Victims[0]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/paths?from={demo.Landlord}&to={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync($"/api/nodes/{demo.Landlord}/central-paths?top=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync($"/api/explorer/dossiers/{demo.Number}/what-if?zonder=x")).StatusCode);
    }

    [Fact]
    public async Task CentralPaths_FacilitatorInTheCut_ListsPairsThroughIt()
    {
        await using var app = new AppFactory(store);
        var demo = await DemoAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        // The landlord is a leaf behind his company; the company (the dossier's minimum cut) is what paths run through.
        var company = (await GetAsync(analyst, $"/api/dossiers/{demo.Number}/barriers")).Body.GetProperty("minimumCut")[0].GetString();
        var (status, body) = await GetAsync(analyst, $"/api/nodes/{company}/central-paths?top=5");
        Assert.Equal(HttpStatusCode.OK, status);
        var pairs = body.GetProperty("paths").EnumerateArray().ToList();
        Assert.InRange(pairs.Count, 1, 5);
        Assert.All(pairs, p => Assert.Contains(company, p.GetProperty("example").GetProperty("nodes").EnumerateArray().Select(n => n.GetString())));
        Assert.True(body.GetProperty("localBetweenness").GetDouble() > 0);
        var (_, leaf) = await GetAsync(analyst, $"/api/nodes/{demo.Landlord}/central-paths");
        Assert.Equal(0, leaf.GetProperty("paths").GetArrayLength());
    }

    [Fact]
    public async Task WhatIf_BarTheMinimumCut_CutsOffEveryVictim()
    {
        await using var app = new AppFactory(store);
        var demo = await DemoAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var (_, barriers) = await GetAsync(analyst, $"/api/dossiers/{demo.Number}/barriers");
        var cut = barriers.GetProperty("minimumCut").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.NotEmpty(cut);
        var (status, result) = await GetAsync(analyst, $"/api/explorer/dossiers/{demo.Number}/what-if?zonder={string.Join(',', cut)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(result.GetProperty("pairsBefore").GetInt32(), result.GetProperty("pairsLost").GetInt32());
        Assert.Equal(barriers.GetProperty("victims").GetInt32(), result.GetProperty("victimsCutOff").GetArrayLength());
        var (_, none) = await GetAsync(analyst, $"/api/explorer/dossiers/{demo.Number}/what-if");
        Assert.Equal(0, none.GetProperty("victimsCutOff").GetArrayLength());
    }

    [Fact]
    public async Task SavedViews_PersonalAndDossierViews_ReadableExactlyByOwnerAndDossierReaders()
    {
        await using var app = new AppFactory(store);
        var demo = await DemoAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        object State() => new { nodes = new[] { new { id = demo.Landlord, x = 1.5, y = -2.0, pinned = true }, new { id = demo.Victims[0], x = 40.0, y = 10.0, pinned = false } } };
        var personal = await ExplorerClient.PostAsync(analyst, "/api/views", new { name = "Mijn <b>weergave</b>", state = State() });
        Assert.Equal(HttpStatusCode.Created, personal.StatusCode);
        var personalId = (await personal.JsonAsync()).GetProperty("id").GetString();
        var shared = await ExplorerClient.PostAsync(analyst, "/api/views", new { name = "Casusoverleg maandag", dossier = demo.Number, state = State() });
        var sharedId = (await shared.JsonAsync()).GetProperty("id").GetString();

        var (status, own) = await GetAsync(analyst, $"/api/views/{personalId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Mijn <b>weergave</b>", own.GetProperty("name").GetString());
        Assert.Equal(2, own.GetProperty("elements").GetProperty("nodes").GetArrayLength());
        Assert.True(own.GetProperty("state").GetProperty("nodes")[0].GetProperty("pinned").GetBoolean());

        foreach (var user in new[] { "coordinator", "casusoverleg", "beheerder" })
        {
            using var other = await SignIn.AsAsync(app, user);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/views/{personalId}")).StatusCode);
            var readsDossier = (await other.GetAsync($"/api/dossiers/{demo.Number}/barriers")).StatusCode == HttpStatusCode.OK;
            Assert.Equal(readsDossier ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await other.GetAsync($"/api/views/{sharedId}")).StatusCode);
            var list = (await GetAsync(other, "/api/views")).Body.EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
            Assert.DoesNotContain(personalId, list);
            Assert.Equal(readsDossier, list.Contains(sharedId));
        }
        using var melder = await SignIn.AsAsync(app, "melder");
        Assert.Equal(HttpStatusCode.Forbidden, (await melder.GetAsync($"/api/views/{sharedId}")).StatusCode);
    }

    [Theory]
    [InlineData("", "name", "Geef de weergave een naam")]
    [InlineData("x", "state", "Er staat nog niets in beeld")]
    public async Task SaveView_BadInput_AnswersDutchProblemAndSavesNothing(string name, string field, string message)
    {
        await using var app = new AppFactory(store);
        await DemoAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        await using var db = store.NewContext();
        var before = await db.SavedViews.CountAsync();
        var response = await ExplorerClient.PostAsync(analyst, "/api/views", new { name, state = new { nodes = Array.Empty<object>() } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(before, await db.SavedViews.CountAsync());
        var noToken = await ExplorerClient.PostAsync(analyst, "/api/views", new { name = "zonder token", state = new { nodes = Array.Empty<object>() } }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task Export_GraphMlAndCsv_WrittenFromTheServerSideViewAndAudited()
    {
        await using var app = new AppFactory(store);
        var demo = await DemoAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var ids = demo.Victims.Append(demo.Landlord).Append(Guid.NewGuid().ToString()).ToArray(); // one unknown id: left out
        var response = await ExplorerClient.PostAsync(analyst, "/api/explorer/export?format=graphml&doel=casusoverleg", new { ids });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ids.Length - 1, doc.Descendants(ns + "node").Count());
        Assert.All(doc.Descendants(ns + "edge"), e => Assert.Contains((string)e.Attribute("source")!, ids));
        await using (var db = store.NewContext())
        {
            var last = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal((AuditAction.Export, "analist", "casusoverleg"), (last.Action, last.ActorName, last.Purpose));
            Assert.Contains($"{ids.Length - 1} entiteiten", last.Detail);
        }
        var csv = await ExplorerClient.PostAsync(analyst, "/api/explorer/export?format=csv", new { ids });
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("element,id,label", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(ids.Length - 1, lines.Count(l => l.StartsWith("knoop,")));
        Assert.Equal(HttpStatusCode.BadRequest, (await ExplorerClient.PostAsync(analyst, "/api/explorer/export?format=pdf", new { ids })).StatusCode);
    }
}
