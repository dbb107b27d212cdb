using System.Text;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Cli;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.Extensions.Time.Testing;
using static Ketenaanpak.Graph.Integration.Tests.Auditing.AuditTestData;

namespace Ketenaanpak.Graph.Integration.Tests.Auditing;

/// <summary>`ketenaanpak audit verify` and `audit export`, run in-process against the test store.</summary>
public abstract class AuditCommandTests<TStore>(TStore store) : IClassFixture<TStore>, IAsyncLifetime where TStore : TestStore
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ketenaanpak-tests", "audit-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await ClearAsync(store);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var options = store.Options;
        string[] storeArgs = options.Provider == Infrastructure.Persistence.StorageProvider.PostgreSql
            ? ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:Graph", options.ConnectionString!]
            : ["--Storage:Provider", "Sqlite", "--Storage:DataDirectory", options.DataDirectory];
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Commands.RunAsync([.. args, .. storeArgs], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement SingleJsonLine(string stdout)
    {
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    [Fact]
    public async Task AuditVerify_IntactLog_ExitsZeroAndPrintsTheHead()
    {
        await AppendAsync(store, 4);
        var head = (await EntriesAsync(store))[^1];

        var (exit, stdout, stderr) = await RunAsync("audit", "verify");

        Assert.True(exit == 0, stderr);
        var json = SingleJsonLine(stdout);
        Assert.Equal("audit verify", json.GetProperty("command").GetString());
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(4, json.GetProperty("entries").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("first_broken_sequence").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reason").ValueKind);
        Assert.Equal(4, json.GetProperty("head_sequence").GetInt64());
        Assert.Equal(head.Hash, json.GetProperty("head_hash").GetString());
    }

    [Fact]
    public async Task AuditVerify_OneStoredEntryAltered_ExitsOneAndReportsExactlyWhereTheChainBreaks()
    {
        await AppendAsync(store, 6);
        await TamperAsync(store, """UPDATE audit_log SET "Detail" = 'dossier niet geopend' WHERE "Sequence" = 4""");

        var (exit, stdout, _) = await RunAsync("audit", "verify");

        Assert.Equal(1, exit);
        var json = SingleJsonLine(stdout);
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Equal(4, json.GetProperty("first_broken_sequence").GetInt64());
        Assert.Contains("inhoud gewijzigd", json.GetProperty("reason").GetString());
        Assert.Equal(3, json.GetProperty("entries").GetInt64());
        Assert.Equal(6, json.GetProperty("head_sequence").GetInt64());
    }

    [Fact]
    public async Task AuditVerify_TailRemovedAndTheKeptHeadPassed_ExitsOne()
    {
        await AppendAsync(store, 5);
        var kept = SingleJsonLine((await RunAsync("audit", "verify")).Out);
        var head = $"{kept.GetProperty("head_sequence").GetInt64()}:{kept.GetProperty("head_hash").GetString()}";
        await TamperAsync(store, """DELETE FROM audit_log WHERE "Sequence" = 5""");

        // The chain alone cannot see it; the head kept by hand and the head witnessed after every append both do.
        Assert.Equal(0, (await RunAsync("audit", "verify", "--no-witness")).Exit);
        var (exit, stdout, _) = await RunAsync("audit", "verify", "--expect-head", head, "--no-witness");
        Assert.Equal(1, exit);
        Assert.Equal(5, SingleJsonLine(stdout).GetProperty("first_broken_sequence").GetInt64());
        var (byDefault, witnessed, _) = await RunAsync("audit", "verify");
        Assert.Equal(1, byDefault);
        var json = SingleJsonLine(witnessed);
        Assert.Equal(5, json.GetProperty("first_broken_sequence").GetInt64());
        Assert.Equal(head, json.GetProperty("expected_head").GetString());
        Assert.Contains("regels aan het eind verwijderd", json.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("audit", "verify", "--expect-head", "12")]
    [InlineData("audit", "verify", "--expect-head", "3:xyz")]
    [InlineData("audit", "verify", "--head", "3")]
    [InlineData("audit", "check")]
    [InlineData("audit", "export")]
    [InlineData("audit", "export", "--out", "x.csv", "--from", "30-11-2026")]
    [InlineData("audit", "export", "--out", "x.csv", "--from", "2026-12-01", "--to", "2026-11-30")]
    public async Task Audit_WrongFlags_ExitsTwoWithOneLineOnStderr(params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("ketenaanpak audit: ", stderr);
    }

    [Fact]
    public async Task AuditExport_Period_WritesThoseDaysAsCsvWithFormulaProtectionAndRecordsTheExport()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 14, 22, 30, 0, TimeSpan.Zero)); // 23:30 on the 14th in Dutch time; a past period, so this export's own entry (real clock) never falls inside it
        var log = Log(store, clock);
        var attacker = new Actor("u-9", "=HYPERLINK(\"http://x.example\",\"klik\")", Roles.PartnerContributor, RiecPartner, PartnerKind.CareOrganisation, false, null);
        await log.AppendAsync(Record(1));
        clock.Advance(TimeSpan.FromHours(1)); // 00:30 on the 15th
        await log.AppendAsync(new AuditRecord(attacker, AuditAction.Search, "Search", "@SUM(A1:A9)", "zocht op \"Jansen\", Enschede", "-1+1"));
        clock.Advance(TimeSpan.FromDays(1)); // the 16th
        await log.AppendAsync(Record(3));
        var file = Path.Combine(_folder, "audit.csv");

        var (exit, stdout, stderr) = await RunAsync("audit", "export", "--out", file, "--from", "2025-01-15", "--to", "2025-01-15");

        Assert.True(exit == 0, stderr);
        var json = SingleJsonLine(stdout);
        Assert.Equal(1, json.GetProperty("entries").GetInt64());
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(AuditCsv.Header, rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("2", row[0]);
        Assert.Equal("2025-01-14T23:30:00.000Z", row[1]);
        Assert.Equal("'=HYPERLINK(\"http://x.example\",\"klik\")", row[3]);
        Assert.Equal("'@SUM(A1:A9)", row[8]);
        Assert.Equal("zocht op \"Jansen\", Enschede", row[9]);
        Assert.Equal("'-1+1", row[10]);

        var entries = await EntriesAsync(store);
        var export = entries[^1];
        Assert.Equal((4L, AuditAction.Export, "system:cli", "Auditlog", "audit.csv"), (export.Sequence, export.Action, export.ActorId, export.SubjectType, export.SubjectId));
        Assert.StartsWith("1 regels naar ", export.Detail);
        Assert.Contains("van 2025-01-15; tot en met 2025-01-15", export.Detail);
        Assert.True((await VerifyAsync(store)).Ok);
    }

    [Fact]
    public async Task AuditExport_ExistingFileWithoutForce_RefusesAndLeavesItAlone()
    {
        var file = Path.Combine(_folder, "bestaat.csv");
        await File.WriteAllTextAsync(file, "niet overschrijven");

        var (exit, _, stderr) = await RunAsync("audit", "export", "--out", file);
        Assert.Equal(2, exit);
        Assert.Contains("--force", stderr);
        Assert.Equal("niet overschrijven", await File.ReadAllTextAsync(file));

        Assert.Equal(0, (await RunAsync("audit", "export", "--out", file, "--force")).Exit);
        Assert.Equal(2, CsvText.Parse((await File.ReadAllTextAsync(file)).TrimStart('\uFEFF')).Count); // header + its own export entry
    }
}

public sealed class SqliteAuditCommandTests(SqliteTestStore store) : AuditCommandTests<SqliteTestStore>(store);

public sealed class PostgreSqlAuditCommandTests(PostgreSqlTestStore store) : AuditCommandTests<PostgreSqlTestStore>(store);
