using Hangfire;
using Ketenaanpak.Graph.Application.Retention;
using Ketenaanpak.Graph.Application.Statistics;
using Microsoft.Extensions.Hosting;

namespace Ketenaanpak.Graph.Infrastructure.Jobs;

/// <summary>Registers the recurring jobs once the store is up (AddOrUpdate is idempotent across instances).</summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<RefreshNodeStatisticsJob>("refresh-node-statistics", j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        // Daily, at night in server time: deletes what passed its retention date (domain.md §7, docs/retention.md).
        recurring.AddOrUpdate<RetentionJob>("retention", j => j.RunAsync(CancellationToken.None), Cron.Daily());
        // The signal-card rules over the whole store; a signal's own run follows each submission (AlertSignalSubmittedHandler).
        recurring.AddOrUpdate<Application.Alerts.AlertEvaluationJob>("alerts-evaluate", j => j.RunAsync(CancellationToken.None), Cron.Hourly(15));
        // Nightly: every entity against the whole store (the per-signal job covers the day's intake).
        recurring.AddOrUpdate<Application.Resolution.ResolutionJob>("resolve-all", j => j.RunAllAsync(CancellationToken.None), Cron.Daily(2));
        jobs.Enqueue<RefreshNodeStatisticsJob>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
