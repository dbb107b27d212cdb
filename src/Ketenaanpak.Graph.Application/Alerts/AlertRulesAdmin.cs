using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>The rules page: read the rules (with seeded defaults), change threshold, window and enabled flag.</summary>
public sealed class AlertRulesAdmin(IGraphDbContext db, AlertEvaluation evaluation, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<AlertRule>> ListAsync(CancellationToken ct) =>
        (await evaluation.EnsureRulesAsync(ct)).OrderBy(r => r.Kind).ToList();

    public async Task<ProcessResult> UpdateAsync(Actor actor, AlertRuleKind kind, int? threshold, int? windowDays, bool enabled, CancellationToken ct)
    {
        if (!AlertAccess.MayConfigureRules(actor)) return ProcessResult.Forbidden;
        var rule = (await evaluation.EnsureRulesAsync(ct)).FirstOrDefault(r => r.Kind == kind);
        if (rule is null) return ProcessResult.NotFound;
        if (threshold is null) return ProcessResult.Refused("Drempel", "Vul een drempel in (een geheel getal).");
        var before = $"drempel {rule.Threshold}, periode {rule.WindowDays?.ToString() ?? "—"}, {(rule.Enabled ? "aan" : "uit")}";
        try
        {
            rule.Configure(threshold.Value, kind.HasWindow() ? windowDays : null, enabled, actor.UserName, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field == nameof(AlertRule.WindowDays) ? "Periode" : "Drempel", e.Message);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException e)
        {
            return ProcessResult.Refused("", e.Message);
        }
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Signaleringsregel", kind.ToString(),
            $"{before} → drempel {rule.Threshold}, periode {rule.WindowDays?.ToString() ?? "—"}, {(rule.Enabled ? "aan" : "uit")}", null), ct);
        return ProcessResult.Done;
    }
}
