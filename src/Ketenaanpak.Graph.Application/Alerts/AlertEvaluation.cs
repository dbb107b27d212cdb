using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>What one evaluation did.</summary>
public sealed record AlertRunResult(int Findings, int Created, int Refreshed, int Unchanged, int SkippedAsJudged);

/// <summary>
/// Runs the enabled rules over the store and stores what they find, idempotently: the same situation (rule and
/// trigger, <see cref="Alert.TriggerKey"/>) refreshes the open alert's last-fired time and subgraph instead of making a
/// second one; after an alert was dismissed or added to a dossier, a new one is only made when the situation grew
/// (new nodes or relations), so a judged alert is not asked again.
/// </summary>
public sealed class AlertEvaluation(IGraphDbContext db, AlertDataLoader loader, TimeProvider clock, ILogger<AlertEvaluation> log)
{
    /// <summary>The rules, with the seeded defaults written for any that are missing.</summary>
    public async Task<List<AlertRule>> EnsureRulesAsync(CancellationToken ct)
    {
        var rules = await db.AlertRules.ToListAsync(ct);
        var missing = AlertRuleKinds.Configurable.Where(k => rules.All(r => r.Kind != k)).ToList();
        if (missing.Count == 0) return rules;
        foreach (var kind in missing)
        {
            var rule = AlertRule.Seeded(kind, clock.GetUtcNow());
            db.AlertRules.Add(rule);
            rules.Add(rule);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded them at the same moment: read theirs.
            foreach (var r in rules.Where(r => missing.Contains(r.Kind))) ((DbContext)db).Entry(r).State = EntityState.Detached;
            return await db.AlertRules.ToListAsync(ct);
        }
        return rules;
    }

    /// <summary>Evaluates all enabled rules; with <paramref name="focus"/>, keeps only findings that this signal touched.</summary>
    public async Task<AlertRunResult> RunAsync(SignalId? focus, CancellationToken ct)
    {
        // One evaluation at a time in this process (the full run and a signal's run may be picked up together);
        // OneRunAtATime (one lock group for both jobs) covers them across instances.
        await Running.WaitAsync(ct);
        try { return await RunOnceAsync(focus, ct); }
        finally { Running.Release(); }
    }

    private static readonly SemaphoreSlim Running = new(1, 1);

    private async Task<AlertRunResult> RunOnceAsync(SignalId? focus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var settings = (await EnsureRulesAsync(ct)).Where(r => r.Enabled).Select(r => new RuleSetting(r.Kind, r.Threshold, r.WindowDays)).ToList();
        var data = await loader.LoadAsync(settings, today, ct);
        IEnumerable<AlertFinding> findings = AlertRuleEvaluator.Evaluate(data, settings, today);
        if (focus is { } signal)
        {
            var touched = await loader.TouchedByAsync(signal, ct);
            findings = findings.Where(f => f.Signal == signal || f.Triggers.Any(touched.Contains));
        }
        var result = await StoreAsync(findings.ToList(), now, ct);
        log.LogInformation("Alert evaluation{Focus}: {Findings} findings, {Created} new, {Refreshed} refreshed, {Unchanged} unchanged, {Skipped} already judged",
            focus is null ? "" : $" for signal {focus}", result.Findings, result.Created, result.Refreshed, result.Unchanged, result.SkippedAsJudged);
        return result;
    }

    /// <summary>Stores findings as alerts (see the class remarks for idempotency).</summary>
    public async Task<AlertRunResult> StoreAsync(IReadOnlyList<AlertFinding> findings, DateTimeOffset now, CancellationToken ct)
    {
        int created = 0, refreshed = 0, unchanged = 0, skipped = 0;
        foreach (var chunk in findings.Chunk(200))
        {
            var keys = chunk.Select(f => f.Key).Distinct().ToList();
            var existing = await db.Alerts.Where(a => keys.Contains(a.TriggerKey)).ToListAsync(ct);
            // The two collections in separate tracked queries (EF fixes them up): one query would return their product.
            await db.Alerts.Where(a => keys.Contains(a.TriggerKey)).Include(a => a.Nodes).LoadAsync(ct);
            await db.Alerts.Where(a => keys.Contains(a.TriggerKey)).Include(a => a.Relations).LoadAsync(ct);
            foreach (var f in chunk)
            {
                var same = existing.Where(a => a.TriggerKey == f.Key).ToList();
                if (same.FirstOrDefault(a => a.IsOpen) is { } open)
                {
                    if (open.Refire(f.Summary, f.Triggers, f.Nodes, f.Relations, now)) refreshed++; else unchanged++;
                    continue;
                }
                if (same.Count > 0 && same.MaxBy(a => a.LastFiredAt)!.Covers(f.Nodes.Concat(f.Triggers).ToList(), f.Relations))
                {
                    skipped++;
                    continue;
                }
                db.Alerts.Add(new Alert(Guid.CreateVersion7(), f.Rule, f.Key, f.Summary, f.Triggers, f.Nodes, f.Relations, f.Signal, f.Dossier, null, now));
                created++;
            }
            await db.SaveChangesAsync(ct);
        }
        return new AlertRunResult(findings.Count, created, refreshed, unchanged, skipped);
    }
}
