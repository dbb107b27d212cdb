using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Statistics;

/// <summary>
/// Recomputes <see cref="NodeStatistic"/> for every node. A Hangfire job that takes no arguments and is re-entrant:
/// it recomputes everything from the store, so running it twice, or after a crash halfway, gives the same result.
/// </summary>
public sealed class RefreshNodeStatisticsJob(IGraphDbContext db, TimeProvider clock, ILogger<RefreshNodeStatisticsJob> log)
{
    // Each instance enqueues one at start and the recurring schedule adds more: two running side by side would both
    // insert the same new rows. The run lock makes the second wait and then recompute (cheap, same result).
    [OneRunAtATime(timeoutSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var degree = new Dictionary<NodeId, int>();
        await foreach (var r in db.Relations.AsNoTracking().Select(r => new { r.SourceId, r.TargetId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            degree[r.SourceId] = degree.GetValueOrDefault(r.SourceId) + 1;
            degree[r.TargetId] = degree.GetValueOrDefault(r.TargetId) + 1;
        }
        var signals = await db.SignalMentions.AsNoTracking().GroupBy(m => m.NodeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var dossiers = await db.DossierMembers.AsNoTracking().GroupBy(m => m.NodeId)
            .Select(g => new { g.Key, Count = g.Select(m => m.DossierId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var nodeIds = await db.Nodes.AsNoTracking().Select(n => n.Id).ToListAsync(cancellationToken);

        var existing = await db.NodeStatistics.ToDictionaryAsync(s => s.NodeId, cancellationToken);
        foreach (var id in nodeIds)
        {
            if (!existing.Remove(id, out var stat))
            {
                stat = new NodeStatistic { NodeId = id };
                db.NodeStatistics.Add(stat);
            }
            stat.Degree = degree.GetValueOrDefault(id);
            stat.SignalCount = signals.GetValueOrDefault(id);
            stat.DossierCount = dossiers.GetValueOrDefault(id);
            stat.ComputedAt = now;
        }
        db.NodeStatistics.RemoveRange(existing.Values); // nodes deleted since the last run
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Node statistics refreshed for {Count} nodes", nodeIds.Count);
        return nodeIds.Count;
    }
}
