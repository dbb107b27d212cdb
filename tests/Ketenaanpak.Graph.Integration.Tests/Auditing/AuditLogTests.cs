using System.Transactions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Ketenaanpak.Graph.Integration.Tests.Auditing.AuditTestData;

namespace Ketenaanpak.Graph.Integration.Tests.Auditing;

/// <summary>
/// The audit log on both stores: appends form one gap-free chain, also when many append at once, and the verifier
/// finds exactly where an intruder with database access changed, removed or relinked an entry.
/// </summary>
public abstract class AuditLogTests<TStore>(TStore store) : IClassFixture<TStore>, IAsyncLifetime where TStore : TestStore
{
    public Task InitializeAsync() => ClearAsync(store);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AppendMany_ThreeRecords_ChainsThemFromSequenceOneAndVerifies()
    {
        await AppendAsync(store, 3);

        var entries = await EntriesAsync(store);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.All(entries, e => Assert.Equal(AuditHash.Compute(e), e.Hash));
        var first = entries[0];
        Assert.Equal((Start.AddTicks(-(Start.Ticks % TimeSpan.TicksPerMillisecond)), "u-analist-1", "Fatima el Amrani", Roles.RiecAnalyst, RiecPartner),
            (first.At, first.ActorId, first.ActorName, first.Role, first.PartnerId!.Value));
        Assert.Equal((AuditAction.Read, "Dossier", "D-2026-001", "dossier geopend (1)", "voorbereiding casusoverleg"),
            (first.Action, first.SubjectType, first.SubjectId, first.Detail, first.Purpose));

        var verification = await VerifyAsync(store);
        Assert.True(verification.Ok, verification.Reason);
        Assert.Equal(3, verification.EntriesChecked);
        Assert.Equal(new AuditHead(3, entries[2].Hash), verification.Head);
    }

    [Fact]
    public async Task Append_AfterEarlierAppends_ContinuesTheChain()
    {
        var log = await AppendAsync(store, 2);
        await log.AppendAsync(new AuditRecord(Actor.System("retentie"), AuditAction.Delete, "Signaal", "S-17", "bewaartermijn verstreken", null));

        var entries = await EntriesAsync(store);
        Assert.Equal(3, entries[2].Sequence);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.Null(entries[2].PartnerId);
        Assert.Null(entries[2].Purpose);
        Assert.True((await VerifyAsync(store)).Ok);
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntactWithoutHead()
    {
        var verification = await VerifyAsync(store);
        Assert.Equal(new AuditVerification(true, 0, null, null, null, null), verification);
    }

    [Fact]
    public async Task Verify_DetailOfOneEntryAlteredInTheStore_ReportsExactlyThatSequenceAsContentAltered()
    {
        await AppendAsync(store, 5);
        Assert.Equal(1, await TamperAsync(store, """UPDATE audit_log SET "Detail" = 'niets bijzonders' WHERE "Sequence" = 3"""));

        var verification = await VerifyAsync(store);
        Assert.False(verification.Ok);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Equal(AuditBreak.ContentAltered, verification.Break);
        Assert.Contains("inhoud gewijzigd", verification.Reason);
        Assert.Equal(2, verification.EntriesChecked);
        Assert.Equal(5, verification.Head!.Sequence);
    }

    [Fact]
    public async Task Verify_ActionOfOneEntryChangedToAnotherValidAction_ReportsContentAltered()
    {
        await AppendAsync(store, 4);
        await TamperAsync(store, """UPDATE audit_log SET "Action" = 'Search' WHERE "Sequence" = 2""");

        var verification = await VerifyAsync(store);
        Assert.Equal((false, 2L, AuditBreak.ContentAltered), (verification.Ok, verification.FirstBrokenSequence, verification.Break));
    }

    [Fact]
    public async Task Verify_ActionChangedToAnUnknownName_ReportsThatEntryAsUnreadable()
    {
        await AppendAsync(store, 4);
        await TamperAsync(store, """UPDATE audit_log SET "Action" = 'Verwijderd' WHERE "Sequence" = 3""");

        var verification = await VerifyAsync(store);
        Assert.Equal((false, 3L, AuditBreak.Unreadable, 2L), (verification.Ok, verification.FirstBrokenSequence, verification.Break, verification.EntriesChecked));
    }

    [Fact]
    public async Task Verify_MiddleEntryDeleted_ReportsTheMissingSequence()
    {
        await AppendAsync(store, 5);
        Assert.Equal(1, await TamperAsync(store, """DELETE FROM audit_log WHERE "Sequence" = 3"""));

        var verification = await VerifyAsync(store);
        Assert.Equal((false, 3L, AuditBreak.SequenceGap), (verification.Ok, verification.FirstBrokenSequence, verification.Break));
        Assert.Contains("volgnummer 3 ontbreekt", verification.Reason);
    }

    [Fact]
    public async Task Verify_MiddleEntryDeletedAndLaterOnesRenumbered_ReportsTheBrokenLink()
    {
        await AppendAsync(store, 5);
        await TamperAsync(store, """DELETE FROM audit_log WHERE "Sequence" = 3""");
        await TamperAsync(store, """UPDATE audit_log SET "Sequence" = "Sequence" - 1 WHERE "Sequence" = 4""");
        await TamperAsync(store, """UPDATE audit_log SET "Sequence" = "Sequence" - 1 WHERE "Sequence" = 5""");

        var verification = await VerifyAsync(store);
        Assert.Equal((false, 3L, AuditBreak.BrokenLink), (verification.Ok, verification.FirstBrokenSequence, verification.Break));
    }

    [Fact]
    public async Task Verify_PreviousHashOfOneEntryChanged_ReportsTheBrokenLinkAtThatEntry()
    {
        await AppendAsync(store, 5);
        var forged = new string('a', 64);
        await TamperAsync(store, $"""UPDATE audit_log SET "PreviousHash" = '{forged}' WHERE "Sequence" = 4""");

        var verification = await VerifyAsync(store);
        Assert.Equal((false, 4L, AuditBreak.BrokenLink), (verification.Ok, verification.FirstBrokenSequence, verification.Break));
        Assert.Contains("koppeling verbroken", verification.Reason);
    }

    [Fact]
    public async Task Verify_HashOfOneEntryReplaced_ReportsContentAlteredThere()
    {
        await AppendAsync(store, 3);
        await TamperAsync(store, $"""UPDATE audit_log SET "Hash" = '{new string('b', 64)}' WHERE "Sequence" = 3""");

        var verification = await VerifyAsync(store);
        Assert.Equal((false, 3L, AuditBreak.ContentAltered), (verification.Ok, verification.FirstBrokenSequence, verification.Break));
    }

    [Fact]
    public async Task Verify_TailDeleted_IsInvisibleToTheChainButCaughtByTheKeptHead()
    {
        await AppendAsync(store, 5);
        var kept = (await VerifyAsync(store)).Head!;
        await TamperAsync(store, """DELETE FROM audit_log WHERE "Sequence" >= 4""");

        // The honest limitation: what remains is a valid chain.
        Assert.True((await VerifyAsync(store)).Ok);
        var verification = await VerifyAsync(store, kept);
        Assert.Equal((false, 4L, AuditBreak.TailMissing), (verification.Ok, verification.FirstBrokenSequence, verification.Break));
    }

    [Fact]
    public async Task Verify_KeptHeadWithAnotherHash_ReportsHeadMismatch()
    {
        await AppendAsync(store, 3);
        var verification = await VerifyAsync(store, new AuditHead(2, new string('c', 64)));
        Assert.Equal((false, 2L, AuditBreak.HeadMismatch), (verification.Ok, verification.FirstBrokenSequence, verification.Break));

        var head = (await VerifyAsync(store)).Head!;
        Assert.True((await VerifyAsync(store, head)).Ok);
    }

    [Fact]
    public async Task Append_EightConcurrentAppendersOfTwentyFive_FormOneGapFreeValidChain()
    {
        var clock = new FakeTimeProvider(Start);
        var appenders = Enumerable.Range(0, 8).Select(a => Task.Run(async () =>
        {
            var log = Log(store, clock);
            for (var i = 0; i < 25; i++)
                await log.AppendAsync(Record(a * 100 + i, a % 2 == 0 ? Analyst : Coordinator));
        }));
        await Task.WhenAll(appenders);

        var entries = await EntriesAsync(store);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(200, entries.Select(e => e.SubjectId).Distinct().Count());
        var verification = await VerifyAsync(store);
        Assert.True(verification.Ok, verification.Reason);
        Assert.Equal(200, verification.EntriesChecked);
    }

    [Fact]
    public async Task Append_InsideAnAmbientTransactionThatIsNotCompleted_IsKept()
    {
        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
            await Log(store).AppendAsync(Record(1));

        Assert.Single(await EntriesAsync(store));
    }

    [Fact]
    public async Task Append_WhileTheCallersOwnChangesFailLater_KeepsTheEntryAndNotTheCallersChanges()
    {
        await using var caller = store.NewContext();
        var partner = TestKit.Builders.Facts.Partner("P-AUD-" + Guid.NewGuid().ToString("N")[..6], PartnerKind.Police);
        caller.Partners.Add(partner);
        caller.Partners.Add(TestKit.Builders.Facts.Partner(partner.Code, PartnerKind.Police)); // same code: the save fails

        await Log(store).AppendAsync(Record(1));
        await Assert.ThrowsAsync<DbUpdateException>(() => caller.SaveChangesAsync());

        Assert.Single(await EntriesAsync(store));
        await using var read = store.NewContext();
        Assert.False(await read.Partners.AnyAsync(p => p.Code == partner.Code));
    }

    [Fact]
    public async Task Append_LongTextWithControlCharactersAndBrokenSurrogates_StoresItCleanedAndCutAndStillVerifies()
    {
        var detail = "regel 1\nregel 2\0\t" + "\uD800" + new string('x', 5000) + "😀";
        var purpose = new string('d', 498) + "😀" + "ee"; // the cut at 499 would split the pair
        await Log(store).AppendAsync(new AuditRecord(Analyst, AuditAction.Export, "Export", "   ", detail, purpose));

        var entry = Assert.Single(await EntriesAsync(store));
        Assert.Equal(AuditEntry.MaxDetailLength, entry.Detail!.Length);
        Assert.StartsWith("regel 1 regel 2  \uFFFDxxx", entry.Detail);
        Assert.EndsWith("…", entry.Detail);
        Assert.Equal(new string('d', 498) + "…", entry.Purpose);
        Assert.Null(entry.SubjectId);
        Assert.True((await VerifyAsync(store)).Ok);
    }

    [Fact]
    public async Task SaveChanges_AuditEntryChangedOrRemovedThroughTheContext_IsRefused()
    {
        await AppendAsync(store, 2);
        await using var db = store.NewContext();
        var entry = await db.Set<AuditEntry>().SingleAsync(e => e.Sequence == 2);
        db.Entry(entry).Property(e => e.Detail).CurrentValue = "gewijzigd";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = EntityState.Deleted;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.True((await VerifyAsync(store)).Ok);
    }
}

public sealed class SqliteAuditLogTests(SqliteTestStore store) : AuditLogTests<SqliteTestStore>(store);

public sealed class PostgreSqlAuditLogTests(PostgreSqlTestStore store) : AuditLogTests<PostgreSqlTestStore>(store);
