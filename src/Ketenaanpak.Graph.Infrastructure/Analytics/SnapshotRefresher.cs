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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await snapshots.RefreshIfChangedAsync(stoppingToken);
                // Whoever built the current graph (this loop, or a request that needed it fresh), warm it once.
                var current = snapshots.Current;
                if (!ReferenceEquals(current, warmer.LastWarmed))
                    warmer.Warm(current, () => !ReferenceEquals(current, snapshots.Current), stoppingToken);
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
