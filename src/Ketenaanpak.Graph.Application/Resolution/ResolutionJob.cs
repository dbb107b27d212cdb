using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Resolution;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>What a run found and queued.</summary>
public sealed record ResolutionRunResult(int Compared, int ExactMerged, int Queued, long Comparisons, double Seconds);

/// <summary>
/// The resolution job (Hangfire runs it per submitted signal, nightly over the whole store, and on the analysts' button
/// "alles opnieuw vergelijken"; the CLI runs <c>ketenaanpak resolve --all</c>). It reads the store into records, runs
/// <see cref="EntityResolver"/> — the class resolve-bench measures — and queues the fuzzy candidates that are not
/// already decided (directly or by inference) or queued. Two non-merged entities with one exact key (possible after
/// bulk imports) are merged automatically, as a "same" judgement by the system, audited.
/// </summary>
public sealed class ResolutionJob(IGraphDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The persons a signal mentions, against everything else.</summary>
    public async Task<ResolutionRunResult> RunForSignalAsync(Guid signal, CancellationToken ct)
    {
        var id = new SignalId(signal);
        var mentioned = await db.SignalMentions.AsNoTracking().Where(m => m.SignalId == id).Select(m => m.NodeId).ToListAsync(ct);
        return await RunAsync(mentioned.ToHashSet(), ct);
    }

    /// <summary>Everything against everything (through the blocking keys, never all pairs).</summary>
    public Task<ResolutionRunResult> RunAllAsync(CancellationToken ct) => RunAsync(null, ct);

    private async Task<ResolutionRunResult> RunAsync(HashSet<NodeId>? only, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var records = await StoreRecords.LoadAsync(db, ct);
        var incoming = only is null ? records : records.Where(r => only.Contains(r.Id)).ToList();
        var judgements = await db.ResolutionJudgements.AsNoTracking().Where(j => j.WithdrawnAt == null).OrderBy(j => j.JudgedAt)
            .Select(j => new { j.NodeA, j.NodeB, j.Verdict }).ToListAsync(ct);
        var graph = DecisionGraph.From(judgements.Select(j => (j.NodeA, j.NodeB, j.Verdict)));
        var queued = (await db.ResolutionCandidates.AsNoTracking().Select(c => new { c.NodeA, c.NodeB }).ToListAsync(ct))
            .Select(c => (c.NodeA, c.NodeB)).ToHashSet();
        bool Known(NodeId a, NodeId b) => queued.Contains(DecisionGraph.Ordered(a, b)) || graph.Status(a, b).Verdict is not null;

        var result = new EntityResolver(records).Resolve(incoming, Known, ct);
        var now = clock.GetUtcNow();
        var system = Actor.System("resolution");
        var auditRecords = new List<AuditRecord>();
        var merged = 0;
        foreach (var link in result.Links)
        {
            if (graph.Status(link.New, link.Stored).Verdict is not null) continue;
            graph.Add(link.New, link.Stored, Verdict.Same);
            db.ResolutionJudgements.Add(new ResolutionJudgement(link.New, link.Stored, Verdict.Same, system.UserId, system.UserName, now, link.Reason));
            auditRecords.Add(new AuditRecord(system, AuditAction.Merge, "Node", link.New.ToString(), $"samengevoegd met {link.Stored}: {link.Reason}", "entiteitresolutie"));
            merged++;
        }
        if (merged > 0) await Merges.ReconcileAsync(db, graph, ct);
        foreach (var c in result.Candidates)
            db.ResolutionCandidates.Add(new ResolutionCandidate(c.New, c.Stored, c.Score, c.Reasons, now));
        await db.SaveChangesAsync(ct);
        if (auditRecords.Count > 0) await audit.AppendManyAsync(auditRecords, ct);
        return new ResolutionRunResult(incoming.Count, merged, result.Candidates.Count, result.Comparisons,
            Math.Round(clock.GetElapsedTime(started).TotalSeconds, 3));
    }
}
