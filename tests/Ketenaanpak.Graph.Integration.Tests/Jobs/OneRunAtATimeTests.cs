using Hangfire;
using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Infrastructure.Jobs;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ketenaanpak.Graph.Integration.Tests.Jobs;

/// <summary>
/// The run lock of OneRunAtATime jobs on the real PostgreSQL: held by one session, refused to another, and freed the
/// moment the holder's session dies — what Hangfire's lock rows did not do for a killed instance (they stayed for the
/// storage's lock timeout, and the other instance's workers waited on them).
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class OneRunAtATimeTests(PostgreSqlTestStore store) : IClassFixture<PostgreSqlTestStore>
{
    [Fact]
    public async Task RunLock_HeldElsewhere_Refused_AndFreedWhenTheHoldersSessionDies()
    {
        var locks = new PostgreSqlJobRunLocks(store.ConnectionString);
        var name = $"test-{Guid.NewGuid():N}";
        var held = locks.TryAcquire(name, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(locks.TryAcquire(name, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.NotNull(locks.TryAcquire($"other-{name}", TimeSpan.Zero, CancellationToken.None)); // per name

        // What a SIGKILL of the holding instance does to its session, done from the server side.
        var key = PostgreSqlJobRunLocks.KeyOf(name);
        await using (var admin = new NpgsqlConnection(store.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = @key
                """, admin);
            kill.Parameters.AddWithValue("key", key);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }
        using var taken = locks.TryAcquire(name, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.NotNull(taken);
        held!.Dispose(); // its session is gone: releasing must not throw
    }

    [Fact]
    public Task JobServer_WaitsForTheRunLock_ThenRunsTheJob() =>
        AssertWaitsForLockThenRunsAsync<RefreshNodeStatisticsJob>(
            $"{typeof(RefreshNodeStatisticsJob).FullName}.{nameof(RefreshNodeStatisticsJob.RunAsync)}", j => j.RunAsync(CancellationToken.None));

    [Fact]
    public async Task AlertEvaluation_FullRunAndSignalRun_ShareOneLockAcrossInstances()
    {
        // Both write the same alerts: a signal's run must wait while another instance does the full run, and vice versa.
        await AssertWaitsForLockThenRunsAsync<AlertEvaluationJob>(AlertEvaluationJob.EvaluationLock, j => j.RunAsync(CancellationToken.None));
        await AssertWaitsForLockThenRunsAsync<AlertEvaluationJob>(AlertEvaluationJob.EvaluationLock, j => j.RunForSignalAsync(Guid.NewGuid(), CancellationToken.None));
    }

    /// <summary>With <paramref name="lockName"/> held by another session, the job is picked up but waits; released, it runs.</summary>
    private async Task AssertWaitsForLockThenRunsAsync<TJob>(string lockName, System.Linq.Expressions.Expression<Func<TJob, Task>> job)
    {
        var locks = new PostgreSqlJobRunLocks(store.ConnectionString);
        var held = locks.TryAcquire(lockName, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(held);
        try
        {
            await using var app = new AppFactory(store);
            using var client = app.CreateClient(); // starts the host and its job server
            var jobId = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(job);
            var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            string? State() => monitoring.JobDetails(jobId)?.History.FirstOrDefault()?.StateName;

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (State() != "Processing" && DateTime.UtcNow < deadline) await Task.Delay(250);
            Assert.Equal("Processing", State());
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal("Processing", State()); // waiting for the lock, not done

            held!.Dispose();
            held = null;
            deadline = DateTime.UtcNow.AddSeconds(90);
            while (State() != "Succeeded" && DateTime.UtcNow < deadline) await Task.Delay(250);
            Assert.Equal("Succeeded", State());
        }
        finally
        {
            held?.Dispose();
        }
    }
}
