using System.Data.Common;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Retention;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Infrastructure.Analytics;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ketenaanpak.Graph.Integration.Tests.Retention;

/// <summary>The retention job on a real store with an injected clock: what expired is gone from every surface.</summary>
public abstract class RetentionJobTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private static readonly DateOnly Expired = new(2027, 3, 1);
    private static readonly DateOnly Later = new(2029, 1, 1);

    private sealed record World(
        Dossier ExpiredDossier, Dossier ExtendedDossier, Signal LostSignal, Signal KeptSignal,
        Node OnlyInExpired, Node Shared, Node InExtended, Node Lonely, Node MentionedByKept, Node Fresh, Node FreshOther);

    private static async Task<World> SeedAsync(GraphDbContext db, string suffix)
    {
        var riec = Facts.Partner("RIEC-" + suffix, PartnerKind.Riec);
        var police = Facts.Partner("POL-" + suffix, PartnerKind.Police);
        var old = Facts.From(riec).RetainUntil(Expired).Build();
        var fresh = Facts.From(police).RetainUntil(Later).Build();
        Node Person(string name, Domain.Provenance.Provenance prov) => Facts.Person(prov, name, suffix);

        var onlyInExpired = Person("Alleen", old);
        var shared = Person("Gedeeld", old);
        var inExtended = Person("Verlengd", old);
        var lonely = Person("Eenzaam", old);
        var mentioned = Person("Genoemd", old);
        var freshNode = Person("Vers", fresh);
        freshNode.State("nationality", "NL", old); // an expired statement on a node that itself stays
        var freshOther = Person("Ander", fresh);

        var expiredDossier = new Dossier(DossierId.New(), "DOS-X-" + suffix, "Verlopen", "GM0153", riec.Id, ExploitationForm.Labour, Facts.Now, Expired);
        expiredDossier.AddMember(onlyInExpired.Id, DossierRole.Perpetrator, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, old);
        expiredDossier.AddMember(shared.Id, DossierRole.Victim, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, old);
        var extended = new Dossier(DossierId.New(), "DOS-V-" + suffix, "Verlengd", "GM0153", riec.Id, ExploitationForm.Sexual, Facts.Now, Expired);
        extended.AddMember(shared.Id, DossierRole.Victim, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, old);
        extended.AddMember(inExtended.Id, DossierRole.Perpetrator, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, old);
        extended.ExtendRetention(Later, "Fatima el Amrani", "strafrechtelijk onderzoek loopt nog", Facts.Now.AddMonths(6));

        var lost = new Signal(SignalId.New(), "SIG-X-" + suffix, "Melder", new DateOnly(2026, 2, 1), "GM0153", ExploitationForm.Labour, Sector.Unknown, null, false, old);
        lost.Mention(lonely.Id);
        lost.Submit(Facts.Now);
        lost.SetStatus(SignalStatus.NoFollowUp, "Geen aanleiding");
        var kept = new Signal(SignalId.New(), "SIG-V-" + suffix, "Melder", new DateOnly(2026, 2, 1), "GM0153", ExploitationForm.Sexual, Sector.Unknown, null, false, old);
        kept.Mention(mentioned.Id);
        kept.Submit(Facts.Now);
        kept.SetStatus(SignalStatus.AddedToDossier, null);
        extended.AddSignal(kept.Id);

        db.Partners.AddRange(riec, police);
        db.Nodes.AddRange(onlyInExpired, shared, inExtended, lonely, mentioned, freshNode, freshOther);
        db.Relations.AddRange(
            new Relation(RelationId.New(), RelationType.Associate, onlyInExpired.Id, shared.Id, null, null, 1, "rel-cascade-" + suffix, old),
            new Relation(RelationId.New(), RelationType.Associate, inExtended.Id, shared.Id, null, null, 1, "rel-kept-" + suffix, old),
            new Relation(RelationId.New(), RelationType.Associate, freshNode.Id, freshOther.Id, null, null, 1, "rel-expired-" + suffix, old));
        db.Signals.AddRange(lost, kept);
        db.Dossiers.AddRange(expiredDossier, extended);
        await db.SaveChangesAsync();
        return new World(expiredDossier, extended, lost, kept, onlyInExpired, shared, inExtended, lonely, mentioned, freshNode, freshOther);
    }

    private static async Task<long> CountAsync(DbConnection conn, string sql, string value)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "v";
        p.Value = value;
        cmd.Parameters.Add(p);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Run_ExpiredAndExtendedData_DeletesExpiredFromEverySurface_KeepsExtendedDossierAndItsFacts_AndIsIdempotent()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        World w;
        await using (var db = store.NewContext()) w = await SeedAsync(db, suffix);

        var services = new ServiceCollection();
        services.AddScoped(_ => store.NewContext());
        services.AddScoped<IStoreGraphSource>(sp => new EfStoreGraphSource(sp.GetRequiredService<GraphDbContext>()));
        await using var provider = services.BuildServiceProvider();
        var snapshots = new GraphSnapshotService(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<GraphSnapshotService>.Instance);
        await snapshots.RefreshIfChangedAsync();
        Assert.NotNull(snapshots.Current.Snapshot.IndexOf(w.OnlyInExpired.Id.ToString()));

        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 1, 0, 0, TimeSpan.Zero));
        var audit = AuditTestData.Log(store, clock);
        async Task<RetentionResult> RunAsync()
        {
            await using var db = store.NewContext();
            var stats = new RefreshNodeStatisticsJob(db, clock, NullLogger<RefreshNodeStatisticsJob>.Instance);
            return await new RetentionJob(db, audit, stats, snapshots, clock, NullLogger<RetentionJob>.Instance).RunAsync();
        }

        var result = await RunAsync();

        Assert.Equal((1, 1, 2, 1, 1), (result.Dossiers, result.Signals, result.Nodes, result.Statements, result.Relations));
        await using (var db = store.NewContext())
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            Assert.Equal(0, await CountAsync(conn, """SELECT COUNT(*) FROM dossiers WHERE "Number" = @v""", w.ExpiredDossier.Number));
            Assert.Equal(1, await CountAsync(conn, """SELECT COUNT(*) FROM dossiers WHERE "Number" = @v""", w.ExtendedDossier.Number));
            Assert.Equal(0, await CountAsync(conn, """SELECT COUNT(*) FROM signals WHERE "Number" = @v""", w.LostSignal.Number));
            Assert.Equal(1, await CountAsync(conn, """SELECT COUNT(*) FROM signals WHERE "Number" = @v""", w.KeptSignal.Number));
            foreach (var gone in new[] { w.OnlyInExpired, w.Lonely })
                Assert.Equal(0, await CountAsync(conn, """SELECT COUNT(*) FROM nodes WHERE "Caption" = @v""", gone.Caption));
            foreach (var kept in new[] { w.Shared, w.InExtended, w.MentionedByKept, w.Fresh, w.FreshOther })
                Assert.Equal(1, await CountAsync(conn, """SELECT COUNT(*) FROM nodes WHERE "Caption" = @v""", kept.Caption));
            Assert.Equal(0, await CountAsync(conn, """SELECT COUNT(*) FROM relations WHERE "Detail" LIKE @v""", "rel-cascade-" + suffix));
            Assert.Equal(0, await CountAsync(conn, """SELECT COUNT(*) FROM relations WHERE "Detail" LIKE @v""", "rel-expired-" + suffix));
            Assert.Equal(1, await CountAsync(conn, """SELECT COUNT(*) FROM relations WHERE "Detail" LIKE @v""", "rel-kept-" + suffix));
            Assert.Equal(0, await CountAsync(conn, """SELECT COUNT(*) FROM statements WHERE "Property" = 'nationality' AND "Value" = @v""", "NL"));
            // Statements of nodes a kept dossier or kept signal needs stay although their own date passed.
            Assert.Equal(3, await db.Statements.CountAsync(s => s.NodeId == w.InExtended.Id));
            Assert.Equal(3, await db.Statements.CountAsync(s => s.NodeId == w.MentionedByKept.Id));
            Assert.Equal(3, await db.Statements.CountAsync(s => s.NodeId == w.Fresh.Id));
            var extended = await db.Dossiers.Include(d => d.StageChanges).Include(d => d.Members).SingleAsync(d => d.Id == w.ExtendedDossier.Id);
            Assert.Equal(Later, extended.RetainUntil);
            Assert.Contains(extended.StageChanges, c => c.Reason.Contains("strafrechtelijk onderzoek loopt nog"));
            Assert.Equal(2, extended.Members.Count);

            // Node statistics: rows of deleted nodes are gone; the shared node is now in one dossier.
            Assert.False(await db.NodeStatistics.AnyAsync(s => s.NodeId == w.OnlyInExpired.Id || s.NodeId == w.Lonely.Id));
            Assert.Equal(1, (await db.NodeStatistics.SingleAsync(s => s.NodeId == w.Shared.Id)).DossierCount);
            Assert.Equal(0, (await db.NodeStatistics.SingleAsync(s => s.NodeId == w.Fresh.Id)).Degree);
        }

        // The snapshot: deleted nodes and the expired dossier are no longer in it; the kept ones are.
        var graph = snapshots.Current;
        Assert.Null(graph.Snapshot.IndexOf(w.OnlyInExpired.Id.ToString()));
        Assert.Null(graph.Snapshot.IndexOf(w.Lonely.Id.ToString()));
        Assert.NotNull(graph.Snapshot.IndexOf(w.Shared.Id.ToString()));
        Assert.False(graph.Dossiers.ContainsKey(w.ExpiredDossier.Id.ToString()));
        Assert.True(graph.Dossiers.ContainsKey(w.ExtendedDossier.Id.ToString()));
        Assert.Equal(0, GraphSnapshotService.VisibleTo(graph, Application.Security.Actor.System("test"), new() { Dossier = w.ExpiredDossier.Id.ToString() }).NodeCount);

        // Every deletion has its entry, by the system, with the date that passed.
        var entries = (await AuditTestData.EntriesAsync(store)).Where(e => e.ActorId == "system:retentie").ToList();
        Assert.All(entries, e => Assert.Equal((AuditAction.Delete, "bewaartermijn verstreken op 2027-03-01"), (e.Action, e.Detail!.Split(';')[0])));
        var subjects = entries.Select(e => (e.SubjectType, e.SubjectId)).ToHashSet();
        Assert.Contains(("Dossier", w.ExpiredDossier.Number), subjects);
        Assert.Contains(("Signaal", w.LostSignal.Number), subjects);
        Assert.Contains(("Entiteit", w.OnlyInExpired.Id.ToString()), subjects);
        Assert.Contains(("Entiteit", w.Lonely.Id.ToString()), subjects);
        Assert.Equal(result.Total, entries.Count);
        Assert.True((await AuditTestData.VerifyAsync(store)).Ok);

        // A second run the same day finds nothing more to delete and writes nothing.
        var again = await RunAsync();
        Assert.Equal(0, again.Total);
        Assert.Equal(entries.Count, (await AuditTestData.EntriesAsync(store)).Count(e => e.ActorId == "system:retentie"));
    }
}

public sealed class SqliteRetentionJobTests(SqliteTestStore store) : RetentionJobTests<SqliteTestStore>(store);

public sealed class PostgreSqlRetentionJobTests(PostgreSqlTestStore store) : RetentionJobTests<PostgreSqlTestStore>(store);
