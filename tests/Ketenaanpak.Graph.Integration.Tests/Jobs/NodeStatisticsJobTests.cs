using Hangfire;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ketenaanpak.Graph.Integration.Tests.Jobs;

public abstract class NodeStatisticsJobTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    [Fact]
    public async Task Run_OnTheDemoRegion_DegreesEqualDirectSqlCounts_AndRunningTwiceChangesNothing()
    {
        await using (var db = store.NewContext())
            await new Application.Demo.DemoRegionLoader(db, NullLogger<Application.Demo.DemoRegionLoader>.Instance).LoadIfEmptyAsync(2014);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        await using (var db = store.NewContext())
            await new RefreshNodeStatisticsJob(db, clock, NullLogger<RefreshNodeStatisticsJob>.Instance).RunAsync();
        await using (var db = store.NewContext())
            await new RefreshNodeStatisticsJob(db, clock, NullLogger<RefreshNodeStatisticsJob>.Instance).RunAsync();

        await using var read = store.NewContext();
        var nodeCount = await read.Nodes.CountAsync();
        var statisticsCount = await read.NodeStatistics.CountAsync();
        var conn = read.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        // Independent count in plain SQL: relations touching each node, and signals that mention it.
        cmd.CommandText = """
            SELECT n."Id",
                   (SELECT COUNT(*) FROM relations r WHERE r."SourceId" = n."Id") + (SELECT COUNT(*) FROM relations r WHERE r."TargetId" = n."Id"),
                   (SELECT COUNT(*) FROM signal_mentions m WHERE m."NodeId" = n."Id"),
                   s."Degree", s."SignalCount"
            FROM nodes n LEFT JOIN node_statistics s ON s."NodeId" = n."Id"
            """;
        var rows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.False(reader.IsDBNull(3), "every node has statistics");
            Assert.Equal(reader.GetInt64(1), reader.GetInt64(3));
            Assert.Equal(reader.GetInt64(2), reader.GetInt64(4));
        }
        Assert.Equal(nodeCount, rows);
        Assert.Equal(rows, statisticsCount);
    }
}

public sealed class SqliteNodeStatisticsJobTests(SqliteTestStore store) : NodeStatisticsJobTests<SqliteTestStore>(store);

public sealed class PostgreSqlNodeStatisticsJobTests(PostgreSqlTestStore store) : NodeStatisticsJobTests<PostgreSqlTestStore>(store);

/// <summary>The embedded mode keeps jobs in a SQLite file: a job enqueued before a restart runs after it.</summary>
[Collection(HostsCollection.Name)]
public sealed class EmbeddedJobStoreTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task EnqueuedJob_AppStoppedBeforeItRan_RunsAfterRestart()
    {
        var settings = new[] { $"--Storage:DataDirectory={store.DataDirectory}", "--Demo:Enabled=true" };
        string jobId;
        // First "instance": no job server (as the CLI), so the job can only wait in the persistent store.
        using (var first = Cli.Store.CliHost.Build(settings))
        {
            await first.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
            jobId = first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RefreshNodeStatisticsJob>(j => j.RunAsync(CancellationToken.None));
        }
        await using (var db = store.NewContext())
            Assert.Equal(0, await db.NodeStatistics.CountAsync());

        await using var second = new AppFactory(store);
        using var client = second.CreateClient(); // starts the host and its job server
        var monitoring = second.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? state;
        do
        {
            await Task.Delay(250);
            state = monitoring.JobDetails(jobId)?.History.FirstOrDefault()?.StateName;
        } while (state != "Succeeded" && DateTime.UtcNow < deadline);
        Assert.Equal("Succeeded", state); // the very job enqueued before the restart, not a new one
        await using (var db = store.NewContext())
            Assert.Equal(await db.Nodes.CountAsync(), await db.NodeStatistics.CountAsync());
    }
}
