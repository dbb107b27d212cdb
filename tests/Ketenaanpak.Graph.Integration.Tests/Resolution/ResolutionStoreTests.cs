using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Resolution;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Resolution;
using Ketenaanpak.Graph.Infrastructure.Analytics;
using Ketenaanpak.Graph.Infrastructure.Auditing;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ketenaanpak.Graph.Integration.Tests.Resolution;

/// <summary>
/// The review queue on a real store: the bulk run queues transliterated duplicates once, judgements merge and infer,
/// a contradiction is refused, unmerge gives back every statement, each step is audited, the snapshot folds merges.
/// </summary>
public abstract class ResolutionStoreTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private static Actor ActorOf(Partner partner, string role) =>
        new("test:" + role, role, role, partner.Id, partner.Kind, partner.IsCovenant, partner.MunicipalityCode);

    [Fact]
    public async Task QueueJudgeMergeUnmerge_TransliteratedPersons_DecidedOnceInferredAuditedAndReversible()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var riec = Facts.Partner("RIEC-" + suffix, PartnerKind.Riec);
        var municipality = Facts.Partner("GEM-" + suffix, PartnerKind.Municipality, "GM0153");
        var fromRiec = Facts.From(riec).Build();
        var fromMunicipality = Facts.From(municipality).Build();
        // Three spellings of one name; the first two share an address. Ids are made in order: a is the oldest.
        var a = Facts.Person(fromRiec, "Sergei", "Ivanov", "1985-03-14");
        var b = Facts.Person(fromMunicipality, "Sergej", "Iwanow", "1985-03-14");
        var c = Facts.Person(fromMunicipality, "Сергей", "Иванов", "1985");
        var other = Facts.Person(fromRiec, "Anna", "Nowak", "1990-01-01");
        var address = Facts.Address(fromRiec, "7511 AB", "12");
        await using (var db = store.NewContext())
        {
            db.Partners.AddRange(riec, municipality);
            db.Nodes.AddRange(a, b, c, other, address);
            db.Relations.AddRange(
                new Relation(RelationId.New(), RelationType.RegisteredAt, a.Id, address.Id, null, null, 1, null, fromRiec),
                new Relation(RelationId.New(), RelationType.RegisteredAt, b.Id, address.Id, null, null, 1, null, fromMunicipality));
            await db.SaveChangesAsync();
        }

        var services = new ServiceCollection();
        services.AddScoped(_ => store.NewContext());
        services.AddScoped<IStoreGraphSource>(sp => new EfStoreGraphSource(sp.GetRequiredService<GraphDbContext>()));
        await using var provider = services.BuildServiceProvider();
        var snapshots = new GraphSnapshotService(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<GraphSnapshotService>.Instance);
        var audit = new AuditLog(store.ContextOptions, TestKit.TestClock.New());

        // Bulk run: three pairs among the Ivanovs, none with Nowak; a second run queues nothing new.
        await using (var db = store.NewContext())
        {
            var run = await new ResolutionJob(db, audit, TestKit.TestClock.New()).RunAllAsync(CancellationToken.None);
            Assert.Equal(3, run.Queued);
        }
        await using (var db = store.NewContext())
            Assert.Equal(0, (await new ResolutionJob(db, audit, TestKit.TestClock.New()).RunAllAsync(CancellationToken.None)).Queued);

        var analyst = ActorOf(riec, Roles.RiecAnalyst);
        var coordinator = ActorOf(municipality, Roles.MunicipalCoordinator);
        await using (var db = store.NewContext())
        {
            var service = new ResolutionService(db, snapshots, audit, TestKit.TestClock.New());
            var queue = await service.QueueAsync(analyst, 50, "test");
            Assert.Equal(3, queue.Candidates.Count);
            var best = queue.Candidates[0];
            Assert.Equal(new[] { a.Id.ToString(), b.Id.ToString() }.Order(), new[] { best.A.Id, best.B.Id }.Order());
            Assert.Contains(best.Reasons, r => r.StartsWith("naam gelijk in andere schrijfwijze (", StringComparison.Ordinal) && r.Contains("Iwanow"));
            Assert.Contains("geboortedatum gelijk (14 maart 1985)", best.Reasons);
            Assert.Contains("deelt een adres", best.Reasons);
            Assert.Contains(best.A.Statements.Concat(best.B.Statements), s => s.SourcePartner == municipality.Name && s.Grading is not null);

            // A coordinator may not judge (and the queue's judging is for RIEC analysts only).
            Assert.Null(await service.JudgeAsync(coordinator, a.Id, b.Id, Verdict.Same, null, "test"));

            var same = await service.JudgeAsync(analyst, a.Id, b.Id, Verdict.Same, "zelfde paspoortfoto", "test");
            Assert.True(same!.Saved);
            Assert.Empty(same.Inferred);
        }
        await using (var db = store.NewContext())
        {
            // One survivor (the smaller id; version-7 ids made within one millisecond may sort either way).
            var pair = await db.Nodes.AsNoTracking().Where(n => n.Id == a.Id || n.Id == b.Id).ToListAsync();
            Assert.Single(pair, n => n.MergedInto is null);
            Assert.Single(pair, n => n.MergedInto == pair.Single(p => p.MergedInto is null).Id);
            var service = new ResolutionService(db, snapshots, audit, TestKit.TestClock.New());
            var notSame = await service.JudgeAsync(analyst, b.Id, c.Id, Verdict.NotSame, null, "test");
            // B ≠ C and A = B: A ≠ C follows, and that pair leaves the queue without being asked.
            var inferred = Assert.Single(notSame!.Inferred);
            Assert.Equal("niet dezelfde", inferred.Verdict);
            Assert.StartsWith("afgeleid:", inferred.Explanation);
            Assert.Empty((await service.QueueAsync(analyst, 50, "test")).Candidates);

            var refused = await service.JudgeAsync(analyst, a.Id, c.Id, Verdict.Same, null, "test");
            Assert.False(refused!.Saved);
            Assert.StartsWith("Dit oordeel spreekt een eerder oordeel tegen: Sergei Ivanov en Сергей Иванов zijn niet dezelfde", refused.Refusal);
        }

        // The snapshot folds the merged node into its survivor, with its relation.
        await using (var db = store.NewContext())
        {
            var graph = await new EfStoreGraphSource(db).LoadAsync(99, CancellationToken.None);
            var (kept, gone) = a.Id.Value.CompareTo(b.Id.Value) < 0 ? (a, b) : (b, a);
            Assert.Null(graph.Snapshot.IndexOf(gone.Id.ToString()));
            var survivor = graph.Snapshot.IndexOf(kept.Id.ToString())!.Value;
            Assert.Equal(2, graph.Snapshot.IncidentEdges(survivor).Length); // both registrations now hang on the survivor
        }

        await using (var db = store.NewContext())
        {
            var service = new ResolutionService(db, snapshots, audit, TestKit.TestClock.New());
            var undo = await service.UnmergeAsync(analyst, a.Id, b.Id, "andere persoon, zelfde naam", "test");
            Assert.True(undo!.Saved);
        }
        await using (var db = store.NewContext())
        {
            Assert.All(await db.Nodes.Where(n => n.Id == a.Id || n.Id == b.Id).ToListAsync(), n => Assert.Null(n.MergedInto));
            var restored = await db.Nodes.Include(n => n.Statements).SingleAsync(n => n.Id == b.Id);
            Assert.Equal(["birthDate", "firstName", "lastName"], restored.Statements.Select(s => s.Property).Order());
            Assert.All(restored.Statements, s => Assert.Equal(municipality.Id, s.Provenance.SourcePartner));
            var judgements = await db.ResolutionJudgements.AsNoTracking().Where(j => j.NodeA == a.Id || j.NodeB == a.Id || j.NodeA == b.Id).ToListAsync();
            Assert.Contains(judgements, j => j.Verdict == Verdict.Same && j.WithdrawnAt != null);
            Assert.Contains(judgements, j => j.Verdict == Verdict.NotSame && j.WithdrawnAt == null && j.Note == "andere persoon, zelfde naam");
            var actions = await db.AuditEntries.Where(e => e.ActorId == analyst.UserId).Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditAction.Judgement, actions);
            Assert.Contains(AuditAction.Merge, actions);
            Assert.Contains(AuditAction.Unmerge, actions);
            Assert.Contains(AuditAction.Read, actions);
        }
    }
}

public sealed class SqliteResolutionStoreTests(SqliteTestStore store) : ResolutionStoreTests<SqliteTestStore>(store);

public sealed class PostgreSqlResolutionStoreTests(PostgreSqlTestStore store) : ResolutionStoreTests<PostgreSqlTestStore>(store);
