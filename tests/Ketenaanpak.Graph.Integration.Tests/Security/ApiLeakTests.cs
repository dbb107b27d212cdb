using System.Net;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Security;

/// <summary>
/// Leak tests per surface of the network API (node, neighbourhood, search, barrier analysis): a fact the police keep
/// to themselves (H3) must not reach the municipal coordinator — not its content, not its existence beyond the "ask"
/// notice, not its score. And every read lands in the audit log.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class ApiLeakTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private const string SecretAlias = "Geheime Alias Kwartel";
    private const string SecretName = "Verborgen Tussenpersoon";

    private sealed record Setup(NodeId Landlord, NodeId Secret, string DossierNumber);

    private async Task<Setup> ArrangeAsync(AppFactory app)
    {
        using (app.CreateClient()) { }
        await using var db = store.NewContext();
        var police = await db.Partners.SingleAsync(p => p.Code == "POL-ON");
        var riec = await db.Partners.SingleAsync(p => p.Code == "RIEC-ON");
        var dossier = await db.Dossiers.Include(d => d.Members).SingleAsync(d => d.Title == "Huisjesmelker Enschede-Oost");
        var landlordId = dossier.Members.Single(m => m.Role == DossierRole.Perpetrator).NodeId;
        var landlord = await db.Nodes.Include(n => n.Statements).SingleAsync(n => n.Id == landlordId);
        if (await db.Nodes.AnyAsync(n => n.Caption == SecretName))
            return new Setup(landlordId, (await db.Nodes.SingleAsync(n => n.Caption == SecretName)).Id, dossier.Number);

        var now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var secret = new Provenance(police.Id, null, "test", now.AddDays(-1), now, Grading.Default, LegalBasis.PoliceDataAct, HandlingCode.SourceOnly, new DateOnly(2031, 1, 1));
        var open = new Provenance(riec.Id, null, "test", now.AddDays(-1), now, Grading.Default, LegalBasis.Covenant, HandlingCode.Chain, new DateOnly(2031, 1, 1));
        landlord.State("alias", SecretAlias, secret);
        var hidden = new Node(NodeId.New(), NodeKind.Person, SecretName, null, secret);
        hidden.State("lastName", "Tussenpersoon", secret);
        db.Nodes.Add(hidden);
        db.Relations.Add(new Relation(RelationId.New(), RelationType.Associate, landlordId, hidden.Id, null, null, 1, null, secret));
        foreach (var victim in dossier.Members.Where(m => m.Role == DossierRole.Victim).Take(3))
            db.Relations.Add(new Relation(RelationId.New(), RelationType.LetsTo, hidden.Id, victim.NodeId, null, null, 1, null, secret));
        dossier.AddMember(hidden.Id, DossierRole.Facilitator, PerpetratorRole.Unknown, FacilitatorAwareness.Knowing, open);
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<GraphSnapshotService>().RefreshIfChangedAsync();
        return new Setup(landlordId, hidden.Id, dossier.Number);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Coordinator_PoliceOnlyFact_NeverAppearsOnAnySurface()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");

        var node = await GetAsync(coordinator, $"/api/nodes/{s.Landlord}");
        Assert.Equal(HttpStatusCode.OK, node.Status);
        Assert.DoesNotContain(SecretAlias, node.Body);
        var alias = JsonDocument.Parse(node.Body).RootElement.GetProperty("statements").EnumerateArray().Single(e => e.GetProperty("property").GetString() == "alias");
        Assert.Equal(JsonValueKind.Null, alias.GetProperty("value").ValueKind);
        Assert.Contains("vraag het na bij Politie Oost-Nederland", alias.GetProperty("askPartner").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coordinator, $"/api/nodes/{s.Secret}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coordinator, $"/api/nodes/{s.Secret}/neighbourhood")).Status);
        var around = await GetAsync(coordinator, $"/api/nodes/{s.Landlord}/neighbourhood?hops=2");
        Assert.Equal(HttpStatusCode.OK, around.Status);
        Assert.DoesNotContain(s.Secret.ToString(), around.Body);
        Assert.DoesNotContain(SecretName, around.Body);
        var search = await GetAsync(coordinator, "/api/search?q=tussenpersoon");
        Assert.Equal("[]", search.Body);
        var barriers = await GetAsync(coordinator, $"/api/dossiers/{s.DossierNumber}/barriers");
        Assert.Equal(HttpStatusCode.OK, barriers.Status);
        Assert.DoesNotContain(s.Secret.ToString(), barriers.Body);
        Assert.DoesNotContain(SecretName, barriers.Body);
    }

    [Fact]
    public async Task Coordinator_PoliceOnlyFact_NeverAppearsOnAnyExplorerSurface()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        var secret = s.Secret.ToString();
        void Clean(string body) { Assert.DoesNotContain(secret, body); Assert.DoesNotContain(SecretName, body); }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coordinator, $"/api/paths?from={s.Landlord}&to={secret}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coordinator, $"/api/nodes/{secret}/central-paths")).Status);
        Clean((await GetAsync(coordinator, $"/api/nodes/{s.Landlord}/central-paths")).Body);
        Clean((await GetAsync(coordinator, $"/api/explorer/dossiers/{s.DossierNumber}/graph")).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coordinator, $"/api/explorer/dossiers/{s.DossierNumber}/what-if?zonder={secret}")).Status);
        var expand = await Explorer.ExplorerClient.PostAsync(coordinator, "/api/explorer/expand", new { node = s.Landlord.ToString(), skip = 0, take = 200, inView = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, expand.StatusCode);
        Clean(await expand.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Explorer.ExplorerClient.PostAsync(coordinator, "/api/explorer/expand", new { node = secret, skip = 0, take = 10 })).StatusCode);
        Clean(await (await Explorer.ExplorerClient.PostAsync(coordinator, "/api/explorer/elements", new { ids = new[] { secret, s.Landlord.ToString() } })).Content.ReadAsStringAsync());
        foreach (var format in new[] { "graphml", "csv" })
            Clean(await (await Explorer.ExplorerClient.PostAsync(coordinator, $"/api/explorer/export?format={format}", new { ids = new[] { secret, s.Landlord.ToString() } })).Content.ReadAsStringAsync());

        // A view the police save at the dossier with their own fact in it opens for the coordinator without it.
        using var police = await SignIn.AsAsync(app, "casusoverleg");
        var saved = await Explorer.ExplorerClient.PostAsync(police, "/api/views", new
        {
            name = "met politie-informatie", dossier = (string?)null,
            state = new { nodes = new[] { new { id = secret, x = 0.0, y = 0.0, pinned = false }, new { id = s.Landlord.ToString(), x = 1.0, y = 1.0, pinned = false } } },
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var analystOwn = await SignIn.AsAsync(app, "analist");
        var viewId = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coordinator, $"/api/views/{viewId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(analystOwn, $"/api/views/{viewId}")).Status);
    }

    [Fact]
    public async Task Police_OwnFact_IsReadableToThemButNotToTheRiecAnalyst()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var police = await SignIn.AsAsync(app, "casusoverleg");
        var own = await GetAsync(police, $"/api/nodes/{s.Secret}");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains(SecretName, own.Body);
        Assert.Contains(SecretName, (await GetAsync(police, "/api/search?q=tussenpersoon")).Body);

        using var analyst = await SignIn.AsAsync(app, "analist");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(analyst, $"/api/nodes/{s.Secret}")).Status);
        var barriers = await GetAsync(analyst, $"/api/dossiers/{s.DossierNumber}/barriers");
        Assert.DoesNotContain(s.Secret.ToString(), barriers.Body);
    }

    [Fact]
    public async Task Contributor_Api_IsRefusedAltogether()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var contributor = await SignIn.AsAsync(app, "melder");
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(contributor, $"/api/nodes/{s.Landlord}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(contributor, "/api/search?q=jansen")).Status);
    }

    [Fact]
    public async Task EveryApiRead_LeavesItsAuditEntry()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        long Before() { using var db = store.NewContext(); return db.AuditEntries.Count(); }
        async Task<(AuditAction Action, string Subject, string? Id, string? Purpose)> LastAsync()
        {
            await using var db = store.NewContext();
            var e = await db.AuditEntries.OrderByDescending(x => x.Sequence).FirstAsync();
            Assert.Equal("analist", e.ActorName);
            return (e.Action, e.SubjectType, e.SubjectId, e.Purpose);
        }

        var count = Before();
        await analyst.GetAsync($"/api/nodes/{s.Landlord}?doel=voorbereiding casusoverleg");
        Assert.Equal((AuditAction.Read, "Node", s.Landlord.ToString(), "voorbereiding casusoverleg"), await LastAsync());
        await analyst.GetAsync($"/api/nodes/{s.Landlord}/neighbourhood");
        Assert.Equal((AuditAction.Read, "Netwerk", s.Landlord.ToString(), null), await LastAsync());
        await analyst.GetAsync("/api/search?q=jansen");
        Assert.Equal(AuditAction.Search, (await LastAsync()).Action);
        await analyst.GetAsync($"/api/dossiers/{s.DossierNumber}/barriers");
        Assert.Equal(AuditAction.Analysis, (await LastAsync()).Action);
        Assert.Equal(count + 4, Before());
    }

    [Fact]
    public async Task Coordinator_PoliceOnlyNode_NeverScoredByAnyAnalysis()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        foreach (var algorithm in new[] { "degree", "betweenness", "closeness", "eigenvector", "pagerank", "kcore", "louvain" })
        {
            var whole = await GetAsync(coordinator, $"/api/analysis/{algorithm}?top=500");
            Assert.True(whole.Status == HttpStatusCode.OK, $"{algorithm}: {(int)whole.Status} {whole.Body}");
            Assert.DoesNotContain(s.Secret.ToString(), whole.Body);
            Assert.DoesNotContain(SecretName, whole.Body);
            var dossier = await GetAsync(coordinator, $"/api/analysis/{algorithm}?dossier={s.DossierNumber}&top=500");
            Assert.Equal(HttpStatusCode.OK, dossier.Status);
            Assert.DoesNotContain(s.Secret.ToString(), dossier.Body);
        }
        // The police's own fact does count for them: the same analysis, narrowed to persons, ranks the node.
        using var police = await SignIn.AsAsync(app, "casusoverleg");
        var own = await GetAsync(police, "/api/analysis/degree?kind=Person&top=500");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains(s.Secret.ToString(), own.Body);
    }

    [Fact]
    public async Task Coordinator_PoliceOnlyNode_NotOnTheEntityPageNorInCappedExpands()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coordinator, $"/entiteiten/{s.Secret}")).Status);
        var page = await GetAsync(coordinator, $"/entiteiten/{s.Landlord}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(SecretAlias, page.Body);
        Assert.DoesNotContain(SecretName, page.Body);
        Assert.DoesNotContain(s.Secret.ToString(), page.Body);
        Assert.Contains("vraag het na bij Politie Oost-Nederland", page.Body);
        for (var offset = 0; offset < 40; offset += 5)
            Assert.DoesNotContain(s.Secret.ToString(), (await GetAsync(coordinator, $"/api/nodes/{s.Landlord}/neighbourhood?hops=2&cap=5&offset={offset}")).Body);
        Assert.DoesNotContain(SecretName, (await GetAsync(coordinator, "/zoeken?q=tussenpersoon")).Body);
    }

    [Fact]
    public async Task Analysis_Read_LeavesAnAuditEntryWithItsPurpose()
    {
        await using var app = new AppFactory(store);
        var s = await ArrangeAsync(app);
        using var analyst = await SignIn.AsAsync(app, "analist");
        await analyst.GetAsync($"/api/analysis/pagerank?dossier={s.DossierNumber}&doel=voorbereiding casusoverleg");
        await using var db = store.NewContext();
        var e = await db.AuditEntries.OrderByDescending(x => x.Sequence).FirstAsync();
        Assert.Equal((AuditAction.Analysis, "Dossier", "voorbereiding casusoverleg"), (e.Action, e.SubjectType, e.Purpose));
    }
}
