using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Flow;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Infrastructure.Analytics;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ketenaanpak.Graph.Integration.Tests.Analytics;

/// <summary>The snapshot as loaded from a real store, and the access policy cutting each user's view out of it.</summary>
public abstract class StoreSnapshotTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private async Task<StoreGraph> LoadAsync()
    {
        await using var db = store.NewContext();
        return await new EfStoreGraphSource(db).LoadAsync(1, CancellationToken.None);
    }

    private static Actor ActorOf(Partner partner, string role) =>
        new("test:" + role, role, role, partner.Id, partner.Kind, partner.IsCovenant, partner.MunicipalityCode);

    [Fact]
    public async Task VisibleTo_FactOnlyForItsSource_IsAbsentFromAnotherPartnersScoresPathsAndCuts()
    {
        // A perpetrator reaches a victim only through a facilitator that partner B (police) reported as H3 (source only).
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var riec = Facts.Partner("RIEC-" + suffix, PartnerKind.Riec);
        var police = Facts.Partner("POL-" + suffix, PartnerKind.Police);
        var municipality = Facts.Partner("GEM-" + suffix, PartnerKind.Municipality, "GM0164");
        var open = Facts.From(riec).Build();
        var secret = Facts.From(police).Under(LegalBasis.PoliceDataAct, HandlingCode.SourceOnly).Build();
        var perpetrator = Facts.Person(open, "Dader", suffix);
        var victim = Facts.Person(open, "Slachtoffer", suffix);
        var hiddenFacilitator = Facts.Person(secret, "Verborgen", suffix);
        var openFacilitator = Facts.Person(open, "Zichtbaar", suffix);
        var dossier = new Dossier(DossierId.New(), "DOS-T-" + suffix, "Lektest", "GM0164", municipality.Id, ExploitationForm.Labour, Facts.Now, new DateOnly(2031, 1, 1));
        foreach (var (node, role) in new[] { (perpetrator, DossierRole.Perpetrator), (victim, DossierRole.Victim), (hiddenFacilitator, DossierRole.Facilitator), (openFacilitator, DossierRole.Facilitator) })
            dossier.AddMember(node.Id, role, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, open);
        dossier.ShareWith(police.Id, "Casusoverleg", Facts.Now); // the police join the dossier's team
        await using (var db = store.NewContext())
        {
            db.Partners.AddRange(riec, police, municipality);
            db.Nodes.AddRange(perpetrator, victim, hiddenFacilitator, openFacilitator);
            db.Relations.AddRange(
                new Relation(RelationId.New(), RelationType.Associate, perpetrator.Id, hiddenFacilitator.Id, null, null, 1, null, secret),
                new Relation(RelationId.New(), RelationType.LetsTo, hiddenFacilitator.Id, victim.Id, null, null, 1, null, secret),
                new Relation(RelationId.New(), RelationType.Associate, perpetrator.Id, openFacilitator.Id, null, null, 1, null, open),
                new Relation(RelationId.New(), RelationType.WorksAt, victim.Id, openFacilitator.Id, null, null, 1, null, open));
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
        }
        var graph = await LoadAsync();
        var key = dossier.Id.ToString();

        var all = graph.Snapshot.Filter(new SnapshotFilter { Dossier = key });
        Assert.Equal((4, 4), (all.NodeCount, all.EdgeCount));
        var coordinator = GraphSnapshotService.VisibleTo(graph, ActorOf(municipality, Roles.MunicipalCoordinator), new SnapshotFilter { Dossier = key });
        Assert.Null(coordinator.IndexOf(hiddenFacilitator.Id.ToString()));
        Assert.Equal(3, coordinator.NodeCount);
        Assert.Equal(2, coordinator.EdgeCount);
        var scores = FacilitatorBetweenness.Compute(coordinator, key);
        Assert.Equal(3, scores.Values.Length);
        var cut = VertexCut.Minimum(coordinator, key);
        Assert.Equal([openFacilitator.Id.ToString()], cut.Cut.Select(i => coordinator.Node(i).Key));

        var officer = GraphSnapshotService.VisibleTo(graph, ActorOf(police, Roles.CaseMeetingMember), new SnapshotFilter { Dossier = key });
        Assert.Equal((4, 4), (officer.NodeCount, officer.EdgeCount)); // the source partner sees its own facts too
        var officerCut = VertexCut.Minimum(officer, key);
        Assert.Equal(2, officerCut.Size);

        var contributor = GraphSnapshotService.VisibleTo(graph, ActorOf(Facts.Partner("GGD-" + suffix, PartnerKind.HealthService), Roles.PartnerContributor));
        Assert.Equal(0, contributor.NodeCount);
    }

    [Fact]
    public async Task Refresh_StoreChanged_PublishesANewerSnapshot_AndUnchangedKeepsIt()
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => store.NewContext());
        services.AddScoped<IStoreGraphSource>(sp => new EfStoreGraphSource(sp.GetRequiredService<Ketenaanpak.Graph.Infrastructure.Persistence.GraphDbContext>()));
        await using var provider = services.BuildServiceProvider();
        var service = new GraphSnapshotService(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<GraphSnapshotService>.Instance);
        Assert.True(await service.RefreshIfChangedAsync());
        var first = service.Current;
        Assert.False(await service.RefreshIfChangedAsync());
        Assert.Same(first, service.Current);

        var partner = Facts.Partner("REF-" + Guid.NewGuid().ToString("N")[..6], PartnerKind.Police);
        var node = Facts.Person(Facts.From(partner).Build(), "Nieuw", "Persoon");
        await using (var db = store.NewContext())
        {
            db.Partners.Add(partner);
            db.Nodes.Add(node);
            await db.SaveChangesAsync();
        }
        Assert.True(await service.RefreshIfChangedAsync());
        Assert.True(service.Current.Snapshot.Version > first.Snapshot.Version);
        Assert.NotNull(service.Current.Snapshot.IndexOf(node.Id.ToString()));
        Assert.Null(first.Snapshot.IndexOf(node.Id.ToString())); // readers of the old snapshot are not disturbed
    }
}

/// <summary>The demo region needs an empty store, so it gets a store of its own.</summary>
public abstract class DemoSnapshotTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    [Fact]
    public async Task Load_DemoRegion_HoldsEveryNodeAndRelationWithDossierRoles()
    {
        await using (var db = store.NewContext())
            await new DemoRegionLoader(db, NullLogger<DemoRegionLoader>.Instance).LoadIfEmptyAsync(2014);
        StoreGraph graph;
        await using (var db = store.NewContext())
            graph = await new EfStoreGraphSource(db).LoadAsync(1, CancellationToken.None);
        await using var read = store.NewContext();
        Assert.Equal(await read.Nodes.CountAsync(), graph.Snapshot.NodeCount);
        Assert.Equal(await read.Relations.CountAsync(), graph.Snapshot.EdgeCount);
        Assert.Equal(graph.Snapshot.NodeCount, graph.NodeFacts.Length);
        Assert.Equal(graph.Snapshot.EdgeCount, graph.EdgeFacts.Length);
        var mushroom = await read.Dossiers.SingleAsync(d => d.Title.StartsWith("Champignonkwekerij"));
        var members = await read.DossierMembers.Where(m => m.DossierId == mushroom.Id).ToListAsync();
        var inSnapshot = graph.Snapshot.Nodes.Where(n => n.InDossier(mushroom.Id.ToString())).ToList();
        Assert.Equal(members.Select(m => m.NodeId).Distinct().Count(), inSnapshot.Count);
        Assert.Equal(members.Count(m => m.Role == DossierRole.Victim), inSnapshot.Count(n => n.RoleIn(mushroom.Id.ToString()) == NodeRole.Victim));
        Assert.All(inSnapshot.Where(n => n.RoleIn(mushroom.Id.ToString()) == NodeRole.Facilitator), n => Assert.True(n.Cuttable));
    }

}

public sealed class SqliteDemoSnapshotTests(SqliteTestStore store) : DemoSnapshotTests<SqliteTestStore>(store);

public sealed class PostgreSqlDemoSnapshotTests(PostgreSqlTestStore store) : DemoSnapshotTests<PostgreSqlTestStore>(store);

public sealed class SqliteStoreSnapshotTests(SqliteTestStore store) : StoreSnapshotTests<SqliteTestStore>(store);

public sealed class PostgreSqlStoreSnapshotTests(PostgreSqlTestStore store) : StoreSnapshotTests<PostgreSqlTestStore>(store);
