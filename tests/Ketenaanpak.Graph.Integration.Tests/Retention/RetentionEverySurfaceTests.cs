using System.Data.Common;
using System.Text;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Application.Retention;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ketenaanpak.Graph.Integration.Tests.Retention;

/// <summary>
/// Issue 14.4: when retention deletes, the names go from every surface — not only the graph tables but also what the
/// case meetings froze (snapshots, decision texts, adopted minutes), the audit log's details and uploaded import files.
/// The demo region is run to a date at which everything has expired; then every text value of every table (and, on
/// SQLite, every file of the data directory, the database file and its write-ahead log included) is searched for the
/// names that were deleted.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class RetentionEverySurfaceTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    [Fact]
    public async Task RetentionRun_AfterEverythingExpired_LeavesNoDeletedNameInAnyTableOrFile()
    {
        await using var app = new AppFactory(store);
        using (app.CreateClient()) { }
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GraphDbContext>();

        // A case meeting discussed a dossier: its snapshot holds the members' names, and people write names in a
        // decision's text and in the adopted minutes.
        var dossier = await db.Dossiers.Include(d => d.Members).Include(d => d.Weighings).ThenInclude(w => w.Approaches)
            .Where(d => d.Members.Count(m => m.Role == Domain.Dossiers.DossierRole.Victim) > 0).OrderBy(d => d.Number).FirstAsync();
        var victim = dossier.Members.First(m => m.Role == Domain.Dossiers.DossierRole.Victim).NodeId;
        var person = await db.Nodes.AsNoTracking().SingleAsync(n => n.Id == victim);
        var meeting = new CaseMeeting(Domain.Common.CaseMeetingId.New(), CaseMeetingKind.Quarterly, "Casusoverleg (bewaartermijntest)", TestKit.TestClock.Start, "voorzitter");
        var snapshot = await Application.CaseMeetings.DossierSnapshot.TakeAsync(db, dossier, TestKit.TestClock.Today, 0, default);
        var item = meeting.PutOnAgenda(dossier.Id, dossier.Number, AgendaReason.AwaitingWeighing, snapshot.ToJson(), TestKit.TestClock.Start);
        meeting.Decide(item.Id, DecisionKind.Decision, $"Opvang regelen voor {person.Caption}.", null, null, [victim], "voorzitter", TestKit.TestClock.Start);
        meeting.AdoptMinutes($"Besproken: de situatie van {person.Caption.ToUpperInvariant()} en de werving.", "voorzitter", TestKit.TestClock.Start);
        db.CaseMeetings.Add(meeting);
        await db.SaveChangesAsync();
        Assert.Contains(snapshot.Members, m => m.Caption == person.Caption);
        // A finished import whose uploaded file is still lying beside the store.
        var uploads = Path.Combine(Path.GetFullPath(store.Options.DataDirectory), "imports");
        Directory.CreateDirectory(uploads);
        var runId = Guid.CreateVersion7();
        var upload = Path.Combine(uploads, runId.ToString("N") + ".upload");
        await File.WriteAllTextAsync(upload, $"source,target\n{person.Caption},Iemand Anders\n");
        var run = new ImportRun(runId, "oud", "oud.csv", upload, ImportFormat.Csv, null, (await db.Partners.FirstAsync()).Id.Value, "analist", TestKit.TestClock.Start);
        run.Fail("test", TestKit.TestClock.Start);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync();

        var before = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Person).Select(n => n.Caption).ToListAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2060, 1, 1, 2, 0, 0, TimeSpan.Zero));
        var result = await new RetentionJob(db, sp.GetRequiredService<IAuditLog>(), new RefreshNodeStatisticsJob(db, clock, NullLogger<RefreshNodeStatisticsJob>.Instance),
            sp.GetRequiredService<GraphSnapshotService>(), clock, NullLogger<RetentionJob>.Instance).RunAsync();
        Assert.True(result.Dossiers > 0 && result.Nodes > 0, $"nothing expired: {result}");

        var left = await db.Nodes.AsNoTracking().Select(n => n.Caption).ToListAsync();
        var deleted = before.Except(left).Where(n => n.Length >= 6 && !left.Any(l => l.Contains(n))).Distinct().ToList();
        Assert.Contains(person.Caption, deleted);

        var found = new List<string>();
        await foreach (var (table, value) in TextValuesAsync(db))
            foreach (var name in deleted.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)))
                found.Add($"{table}: '{name}' in '{(value.Length > 120 ? value[..120] + "…" : value)}'");
        Assert.False(File.Exists(upload), "the uploaded file of the finished import is still there");
        if (store.Options.Provider == StorageProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(store.Options.DataDirectory, "*", SearchOption.AllDirectories))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                foreach (var name in deleted)
                    if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)) >= 0) found.Add($"file {Path.GetFileName(file)}: '{name}'");
            }
        }
        Assert.True(found.Count == 0, $"{found.Count} deleted names still found:\n" + string.Join("\n", found.Take(40)));
    }

    /// <summary>Every text value of every table of the store, read as plain SQL.</summary>
    private static async IAsyncEnumerable<(string Table, string Value)> TextValuesAsync(GraphDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.IsSqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
                for (var i = 0; i < rows.FieldCount; i++)
                    // JSON columns (the meetings' snapshots) escape non-ASCII letters: "Pawe\u0142" is "Paweł".
                    if (!rows.IsDBNull(i) && rows.GetValue(i) is string text)
                        yield return (table, TestKit.JsonText.Unescape(text));
        }
    }
}

public sealed class SqliteRetentionEverySurfaceTests(SqliteTestStore store) : RetentionEverySurfaceTests<SqliteTestStore>(store);

public sealed class PostgreSqlRetentionEverySurfaceTests(PostgreSqlTestStore store) : RetentionEverySurfaceTests<PostgreSqlTestStore>(store);
