using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Explorer;

/// <summary>The search page, the search API's notations, the entity page and capped expand, on the demo store.</summary>
[Collection(HostsCollection.Name)]
public sealed class SearchAndEntityPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> HitLabels(IHtmlDocument page) => page.QuerySelectorAll(".hit-link").Select(a => a.TextContent.Trim());

    [Theory]
    [InlineData("wojcik", "Anna Wójcik")]
    [InlineData("Wojcik Anna", "Anna Wójcik")]
    [InlineData("Wojcki", "Anna Wójcik")]
    [InlineData("Iwanow", "Сергій Іванов")]
    [InlineData("Ivanov Serhij", "Сергій Іванов")]
    [InlineData("7511ab12", "Teststraat 12, 7511 AB Enschede")]
    [InlineData("7511 AB 12", "Teststraat 12, 7511 AB Enschede")]
    [InlineData("nl91abna0417164300", "NL91 ABNA 0417 1643 00")]
    [InlineData("+31 6 1234 5678", "06 12345678")]
    [InlineData("0612345678", "06 12345678")]
    public async Task SearchPage_AnyNotation_FindsTheEntity(string query, string expected)
    {
        await using var app = new AppFactory(store);
        await ExplorerTestData.ArrangeAsync(app, store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var page = await PageAsync(analyst, "/zoeken?q=" + Uri.EscapeDataString(query));
        Assert.Contains(expected, HitLabels(page));
    }

    [Fact]
    public async Task SearchPage_Results_AreGroupedByKindWithReadableDossiers()
    {
        await using var app = new AppFactory(store);
        var data = await ExplorerTestData.ArrangeAsync(app, store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var page = await PageAsync(analyst, "/zoeken?q=wojcik");
        var group = page.QuerySelectorAll(".search-group").Single(g => g.QuerySelector("h2")!.TextContent.StartsWith("Persoon"));
        var row = group.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Anna Wójcik"));
        Assert.Contains(data.DossierNumber, row.TextContent);
        Assert.Contains("Faciliteerder", row.TextContent);
        Assert.Equal($"/entiteiten/{data.Wojcik}", row.QuerySelector(".hit-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SearchPage_EmptyAndNothingFoundAndTooShort_SayItInDutch()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        Assert.NotNull((await PageAsync(analyst, "/zoeken")).QuerySelector(".search-empty"));
        Assert.Contains("Geen resultaten", (await PageAsync(analyst, "/zoeken?q=qqxxzzvv")).QuerySelector(".no-results")!.TextContent);
        Assert.Contains("minstens twee tekens", (await PageAsync(analyst, "/zoeken?q=a", HttpStatusCode.BadRequest)).QuerySelector("#zoek-fout")!.TextContent);
    }

    [Fact]
    public async Task Layout_SearchBox_OnlyForUsersOfTheNetwork()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        Assert.NotNull((await PageAsync(analyst, "/")).QuerySelector("form.menu-search input[name=q]"));
        using var contributor = await SignIn.AsAsync(app, "melder");
        Assert.Null((await PageAsync(contributor, "/")).QuerySelector("form.menu-search"));
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/zoeken?q=jansen")).StatusCode);
    }

    [Fact]
    public async Task SearchPage_PoliceOnlyPerson_IsNotFoundByTheCoordinator()
    {
        await using var app = new AppFactory(store);
        await ExplorerTestData.ArrangeAsync(app, store);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        Assert.DoesNotContain(ExplorerTestData.SecretName, HitLabels(await PageAsync(coordinator, "/zoeken?q=zwaluw")));
    }

    [Fact]
    public async Task EntityPage_Analyst_SeesStatementsRolesRelationsAndTheExplorerLink()
    {
        await using var app = new AppFactory(store);
        var data = await ExplorerTestData.ArrangeAsync(app, store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var page = await PageAsync(analyst, $"/entiteiten/{data.Wojcik}?doel=test entiteitpagina");
        Assert.Equal("Anna Wójcik", page.QuerySelector("h1")!.TextContent.Trim());
        var statements = page.QuerySelector("table.statements")!.TextContent;
        Assert.Contains("Wójcik", statements);
        Assert.Contains("RIEC", statements);
        Assert.Contains("A1", statements); // grading of the RIEC statements
        Assert.Contains("vraag het na bij Politie Oost-Nederland", page.QuerySelector("tr.ask-partner")!.TextContent);
        Assert.DoesNotContain("Ania", page.Body!.TextContent);
        Assert.Contains(data.DossierNumber, page.QuerySelector("table.dossier-roles")!.TextContent);
        var relations = page.QuerySelector("table.relations")!;
        Assert.Contains("ingeschreven op", relations.TextContent);
        Assert.Contains("01-01-2024", relations.TextContent);
        Assert.Contains(relations.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/entiteiten/{data.Account}");
        Assert.DoesNotContain(ExplorerTestData.SecretName, page.Body!.TextContent); // a police-only relation and its other end
        Assert.Equal($"/verkenner?start={data.Wojcik}", page.QuerySelector("a.open-explorer")!.GetAttribute("href"));

        await using var db = store.NewContext();
        var last = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal((AuditAction.Read, "Node", data.Wojcik.ToString(), "test entiteitpagina"), (last.Action, last.SubjectType, last.SubjectId, last.Purpose));
    }

    [Fact]
    public async Task EntityPage_ListValues_AreShownInDutch_AndASectorWithoutTheSignalCardsJudgement()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        Guid agency;
        await using (var db = store.NewContext())
            agency = (await db.Nodes.AsNoTracking().FirstAsync(n => n.Caption == "Flexwerk Oost Uitzendbureau B.V.")).Id.Value;
        var page = await PageAsync(analyst, $"/entiteiten/{agency}");
        var sector = page.QuerySelectorAll("table.statements tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == "Sector");
        Assert.Equal("Uitzendbureau", sector.QuerySelector("td.value")!.TextContent.Trim()); // stored as EmploymentAgency
        Assert.DoesNotContain("Malafide", page.QuerySelector("table.statements")!.TextContent);
    }

    [Fact]
    public async Task EntityPage_InvisibleMissingOrMalformed_AllAnswerTheSame404()
    {
        await using var app = new AppFactory(store);
        var data = await ExplorerTestData.ArrangeAsync(app, store);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        var invisible = await coordinator.GetAsync($"/entiteiten/{data.Secret}");
        var missing = await coordinator.GetAsync($"/entiteiten/{Guid.NewGuid()}");
        var malformed = await coordinator.GetAsync("/entiteiten/niet-een-id");
        Assert.All(new[] { invisible, missing, malformed }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        // Byte for byte the same page, apart from the sign-out form's antiforgery token, which differs per response.
        static async Task<string> WithoutToken(HttpResponseMessage r) =>
            System.Text.RegularExpressions.Regex.Replace(await r.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "");
        Assert.Equal(await WithoutToken(missing), await WithoutToken(invisible));
    }

    [Fact]
    public async Task Neighbourhood_Capped_PagesThroughAllNeighboursWithRemaining()
    {
        await using var app = new AppFactory(store);
        var data = await ExplorerTestData.ArrangeAsync(app, store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        async Task<JsonElement> Get(string query) => JsonDocument.Parse(await analyst.GetStringAsync($"/api/nodes/{data.Wojcik}/neighbourhood?{query}")).RootElement;
        static HashSet<string> Ids(JsonElement graph) => graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()!).ToHashSet();

        var all = await Get("cap=500");
        Assert.False(all.GetProperty("truncated").GetBoolean());
        var neighbours = Ids(all);
        neighbours.Remove(data.Wojcik.ToString());
        Assert.Contains(data.Account.ToString(), neighbours);
        Assert.DoesNotContain(data.Secret.ToString(), neighbours); // police-only edge: not followed for the analyst
        Assert.True(neighbours.Count >= 3);

        var seen = new HashSet<string>();
        for (var offset = 0; offset < neighbours.Count; offset += 2)
        {
            var page = await Get($"cap=2&offset={offset}");
            var ids = Ids(page);
            Assert.Contains(data.Wojcik.ToString(), ids);
            ids.Remove(data.Wojcik.ToString());
            Assert.True(ids.Count <= 2);
            seen.UnionWith(ids);
            var remaining = neighbours.Count - offset - ids.Count;
            Assert.Equal(remaining, page.GetProperty("remaining").GetInt32());
            Assert.Equal(remaining > 0, page.GetProperty("truncated").GetBoolean());
        }
        Assert.Equal(neighbours, seen);
    }
}
