using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Explorer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Infrastructure.Analytics;

/// <summary>
/// Keeps this instance's in-memory snapshot in step with the store. Each app instance holds its own copy, so this is a
/// per-instance loop rather than a Hangfire job (a job runs on one instance only): it compares the store's fingerprint
/// every few seconds and rebuilds when it changed.
/// </summary>
public sealed class SnapshotRefresher(GraphSnapshotService snapshots, HubWarmer warmer, ILogger<SnapshotRefresher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private Task _warming = Task.CompletedTask;

    /// <summary>
    /// Warms the current graph once, whoever built it (this loop, or a request that needed it fresh) — beside this loop,
    /// not in it: at 10^6 nodes a warm-up takes seconds per profile, and the next snapshot must not wait for it (the
    /// warm-up gives up as soon as a newer graph is in use; the next round then warms that one).
    /// </summary>
    private void WarmInBackground(CancellationToken stoppingToken)
    {
        var current = snapshots.Current;
        if (ReferenceEquals(current, warmer.LastWarmed) || !_warming.IsCompleted) return;
        _warming = Task.Run(() =>
        {
            try
            {
                warmer.Warm(current, () => !ReferenceEquals(current, snapshots.Current), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogError(e, "Warming the explorer's hub degrees failed; expands count them themselves");
            }
        }, CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await snapshots.RefreshIfChangedAsync(stoppingToken);
                WarmInBackground(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Rebuilding the graph snapshot failed; the previous snapshot stays in use");
            }
            try { await Task.Delay(Interval, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
