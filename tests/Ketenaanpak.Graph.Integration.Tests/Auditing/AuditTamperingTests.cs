using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Infrastructure.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using static Ketenaanpak.Graph.Integration.Tests.Auditing.AuditTestData;

namespace Ketenaanpak.Graph.Integration.Tests.Auditing;

/// <summary>
/// Issue 14.7: sixteen ways an intruder with database access tampers with the audit log — altering, deleting,
/// renumbering, reordering, truncating, rewriting the chain with recomputed hashes, appending behind the application's
/// back — and one with the head file itself. With the head the application keeps outside the database after every
/// append, verification catches every one; the chain alone catches only those that leave it internally broken.
/// </summary>
public abstract class AuditTamperingTests<TStore>(TStore store) : IClassFixture<TStore>, IAsyncLifetime where TStore : TestStore
{
    private const int Entries = 10;

    public Task InitializeAsync() => ClearAsync(store);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A log written by someone with database access but outside the application: no head is witnessed.</summary>
    private AuditLog Forger() => new(store.ContextOptions, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start.AddDays(1)));

    private static AuditRecord Forged(int i) => new(Coordinator, AuditAction.Read, "Dossier", $"D-VALS-{i:000}", "vervalst", null);

    public static TheoryData<string> Cases() =>
    [
        "detail van een regel gewijzigd", "gebruiker van een regel gewijzigd", "doel van de laatste regel gewijzigd",
        "actie vervangen door een andere geldige", "middelste regel verwijderd", "eerste regel verwijderd", "laatste regel verwijderd",
        "laatste drie regels verwijderd", "alle regels verwijderd", "regel verwijderd en de rest hernummerd", "twee regels van plaats gewisseld",
        "vorige-hash van een regel vervangen", "hash van een regel vervangen", "hele keten opnieuw opgebouwd met kloppende hashes",
        "staart vervangen door vervalste regels met kloppende hashes", "vervalste regels achteraan toegevoegd",
    ];

    private async Task TamperAsync(string name)
    {
        switch (name)
        {
            case "detail van een regel gewijzigd": await Sql("""UPDATE audit_log SET "Detail" = 'niets gezien' WHERE "Sequence" = 4"""); break;
            case "gebruiker van een regel gewijzigd": await Sql("""UPDATE audit_log SET "ActorName" = 'iemand anders' WHERE "Sequence" = 7"""); break;
            case "doel van de laatste regel gewijzigd": await Sql("""UPDATE audit_log SET "Purpose" = 'zomaar' WHERE "Sequence" = 10"""); break;
            case "actie vervangen door een andere geldige": await Sql("""UPDATE audit_log SET "Action" = 'Export' WHERE "Sequence" = 3"""); break;
            case "middelste regel verwijderd": await Sql("""DELETE FROM audit_log WHERE "Sequence" = 5"""); break;
            case "eerste regel verwijderd": await Sql("""DELETE FROM audit_log WHERE "Sequence" = 1"""); break;
            case "laatste regel verwijderd": await Sql("""DELETE FROM audit_log WHERE "Sequence" = 10"""); break;
            case "laatste drie regels verwijderd": await Sql("""DELETE FROM audit_log WHERE "Sequence" >= 8"""); break;
            case "alle regels verwijderd": await Sql("DELETE FROM audit_log"); break;
            case "regel verwijderd en de rest hernummerd":
                await Sql("""DELETE FROM audit_log WHERE "Sequence" = 5""");
                for (var s = 6; s <= Entries; s++) await Sql($"""UPDATE audit_log SET "Sequence" = {s - 1} WHERE "Sequence" = {s}""");
                break;
            case "twee regels van plaats gewisseld":
                await Sql("""UPDATE audit_log SET "Sequence" = -1 WHERE "Sequence" = 3""");
                await Sql("""UPDATE audit_log SET "Sequence" = 3 WHERE "Sequence" = 4""");
                await Sql("""UPDATE audit_log SET "Sequence" = 4 WHERE "Sequence" = -1""");
                break;
            case "vorige-hash van een regel vervangen": await Sql($"""UPDATE audit_log SET "PreviousHash" = '{new string('a', 64)}' WHERE "Sequence" = 6"""); break;
            case "hash van een regel vervangen": await Sql($"""UPDATE audit_log SET "Hash" = '{new string('b', 64)}' WHERE "Sequence" = 9"""); break;
            case "hele keten opnieuw opgebouwd met kloppende hashes":
                await Sql("DELETE FROM audit_log");
                await Forger().AppendManyAsync(Enumerable.Range(1, Entries).Select(Forged).ToList());
                break;
            case "staart vervangen door vervalste regels met kloppende hashes":
                await Sql("""DELETE FROM audit_log WHERE "Sequence" >= 8""");
                await Forger().AppendManyAsync(Enumerable.Range(8, 3).Select(Forged).ToList());
                break;
            case "vervalste regels achteraan toegevoegd": await Forger().AppendManyAsync([Forged(11), Forged(12)]); break;
            default: throw new ArgumentException(name);
        }
    }

    private Task<int> Sql(string sql) => AuditTestData.TamperAsync(store, sql);

    private async Task<AuditVerification> VerifyWithWitnessAsync()
    {
        await using var db = store.NewContext();
        return await new AuditVerifier(db, Witness(store)).VerifyAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Verify_WithTheHeadKeptOutsideTheDatabase_CatchesTheTampering(string tampering)
    {
        await AppendAsync(store, Entries);
        Assert.True((await VerifyWithWitnessAsync()).Ok);

        await TamperAsync(tampering);

        var verification = await VerifyWithWitnessAsync();
        Assert.False(verification.Ok, $"not caught: {tampering}");
        Assert.False(string.IsNullOrWhiteSpace(verification.Reason));
    }

    [Fact]
    public async Task Verify_ChainAlone_MissesTheTamperingThatLeavesAValidChain()
    {
        // The limitation the witness removes, shown: truncation and a consistently rebuilt chain pass the chain alone.
        foreach (var tampering in new[] { "laatste drie regels verwijderd", "hele keten opnieuw opgebouwd met kloppende hashes", "vervalste regels achteraan toegevoegd" })
        {
            await ClearAsync(store);
            await AppendAsync(store, Entries);
            await TamperAsync(tampering);
            Assert.True((await VerifyAsync(store)).Ok, tampering);
            Assert.False((await VerifyWithWitnessAsync()).Ok, tampering);
        }
    }

    [Fact]
    public async Task Verify_HeadFileDeleted_ReportsTheMissingHead()
    {
        await AppendAsync(store, Entries);
        File.Delete(Witness(store).Location);

        var verification = await VerifyWithWitnessAsync();
        Assert.Equal((false, AuditBreak.WitnessMissing), (verification.Ok, verification.Break));
        Assert.Contains("kop ontbreekt", verification.Reason);
    }

    [Fact]
    public async Task Verify_AppendsByTheApplication_StayIntactAgainstTheirHead()
    {
        var log = Log(store);
        for (var i = 1; i <= 5; i++) await log.AppendAsync(Record(i));
        await log.AppendManyAsync([Record(6), Record(7)]);
        var verification = await VerifyWithWitnessAsync();
        Assert.True(verification.Ok, verification.Reason);
        Assert.Equal(7, verification.ExpectedHead!.Sequence);
    }
}

public sealed class SqliteAuditTamperingTests(SqliteTestStore store) : AuditTamperingTests<SqliteTestStore>(store);

public sealed class PostgreSqlAuditTamperingTests(PostgreSqlTestStore store) : AuditTamperingTests<PostgreSqlTestStore>(store);
