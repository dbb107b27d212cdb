using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ketenaanpak.Graph.Integration.Tests.Auditing;

/// <summary>Actors, records and store surgery shared by the audit-log tests.</summary>
internal static class AuditTestData
{
    /// <summary>Deliberately not on a whole millisecond: the log keeps milliseconds, on both stores.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 30, 9, 15, 2, TimeSpan.Zero).AddTicks(1_234_567);

    public static readonly PartnerId RiecPartner = new(Guid.Parse("0190f1c2-7a3b-7c4d-8e5f-a1b2c3d4e5f6"));

    public static Actor Analyst { get; } = new("u-analist-1", "Fatima el Amrani", Roles.RiecAnalyst, RiecPartner, PartnerKind.Riec, true, null);

    public static Actor Coordinator { get; } = new("u-coord-7", "Jeroen Brinkhuis", Roles.MunicipalCoordinator, RiecPartner, PartnerKind.Municipality, true, "0153");

    public static AuditRecord Record(int i, Actor? actor = null) =>
        new(actor ?? Analyst, AuditAction.Read, "Dossier", $"D-2026-{i:000}", $"dossier geopend ({i})", "voorbereiding casusoverleg");

    /// <summary>The head file the app keeps for this store (the same place the app and the CLI read it from).</summary>
    public static FileAuditHeadWitness Witness(TestStore store, TimeProvider? clock = null) =>
        new(Microsoft.Extensions.Options.Options.Create(store.Options), Microsoft.Extensions.Options.Options.Create(new AuditWitnessOptions()),
            clock ?? new FakeTimeProvider(Start));

    public static AuditLog Log(TestStore store, TimeProvider? clock = null) =>
        new(store.ContextOptions, clock ?? new FakeTimeProvider(Start), Witness(store, clock));

    public static async Task<AuditLog> AppendAsync(TestStore store, int count, TimeProvider? clock = null)
    {
        var log = Log(store, clock);
        await log.AppendManyAsync(Enumerable.Range(1, count).Select(i => Record(i)).ToList());
        return log;
    }

    /// <summary>Starts a test on an empty log: the test classes share one store, and some tests break its chain.</summary>
    public static async Task ClearAsync(TestStore store)
    {
        await using var db = store.NewContext();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log");
        if (File.Exists(Witness(store).Location)) File.Delete(Witness(store).Location);
    }

    /// <summary>What an intruder with database access does: plain SQL, bypassing the application.</summary>
    public static async Task<int> TamperAsync(TestStore store, string sql)
    {
        await using var db = store.NewContext();
        return await db.Database.ExecuteSqlRawAsync(sql);
    }

    public static async Task<AuditVerification> VerifyAsync(TestStore store, AuditHead? expectedHead = null)
    {
        await using var db = store.NewContext();
        return await new AuditVerifier(db).VerifyAsync(expectedHead); // the chain alone: these tests are about the chain
    }

    public static async Task<List<AuditEntry>> EntriesAsync(TestStore store)
    {
        await using var db = store.NewContext();
        return await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
    }
}
