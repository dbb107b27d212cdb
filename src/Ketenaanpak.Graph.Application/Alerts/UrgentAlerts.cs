using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>A user account as alerts need it: to assign, and to notify at once.</summary>
public sealed record AlertUser(string UserId, string DisplayName, string Role, PartnerId PartnerId, PartnerKind PartnerKind, bool IsCovenant, string? MunicipalityCode)
{
    /// <summary>The user as the access policy sees them.</summary>
    public Actor AsActor() => new(UserId, DisplayName, Role, PartnerId, PartnerKind, IsCovenant, Role == Roles.MunicipalCoordinator ? MunicipalityCode : null);
}

/// <summary>The accounts (Identity, in Infrastructure) that may work alerts.</summary>
public interface IAlertUserDirectory
{
    /// <summary>Active accounts of the roles that work cases (analysts, coordinators, case-meeting members).</summary>
    Task<IReadOnlyList<AlertUser>> CaseWorkersAsync(CancellationToken ct);
}

/// <summary>
/// Acute danger to a victim (issue 6 §5): as soon as an urgent signal is submitted, an alert "Acuut gevaar —
/// crisisinterventie" goes to the police contact of the region (the police's case-meeting expert) and to the
/// coordinator of the signal's municipality, assigned to the police contact. It does not wait for any rule.
/// </summary>
public sealed class UrgentAlerts(IGraphDbContext db, IAlertUserDirectory users, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Makes the urgent alert for <paramref name="signalId"/> if the signal is urgent and has none yet; returns it.</summary>
    public async Task<Alert?> RaiseAsync(SignalId signalId, CancellationToken ct)
    {
        var signal = await db.Signals.AsNoTracking().Include(s => s.Mentions).SingleOrDefaultAsync(s => s.Id == signalId, ct);
        if (signal is null || !signal.Urgent || signal.Status == SignalStatus.Draft) return null;
        var key = $"{AlertRuleKind.UrgentSignal}:{signal.Id}";
        if (await db.Alerts.AnyAsync(a => a.TriggerKey == key, ct)) return null;

        var mentioned = signal.Mentions.Select(m => m.NodeId).Distinct().ToList();
        var relations = await db.Relations.AsNoTracking().Where(r => r.Provenance.SourceSignal == signal.Id).Select(r => r.Id).ToListAsync(ct);
        var alert = new Alert(Guid.CreateVersion7(), AlertRuleKind.UrgentSignal, key,
            $"Acuut gevaar gemeld in signaal {signal.Number}: crisisinterventie nodig", mentioned, [], relations, signal.Id, null,
            signal.MunicipalityCode, clock.GetUtcNow());
        var workers = await users.CaseWorkersAsync(ct);
        var police = workers.Where(u => u.PartnerKind == PartnerKind.Police && u.Role == Roles.CaseMeetingMember).OrderBy(u => u.DisplayName).ToList();
        var coordinators = workers.Where(u => u.Role == Roles.MunicipalCoordinator && u.MunicipalityCode is not null && u.MunicipalityCode == signal.MunicipalityCode).ToList();
        foreach (var u in police.Concat(coordinators)) alert.AddRecipient(u.UserId, u.DisplayName);
        if ((police.FirstOrDefault() ?? coordinators.FirstOrDefault()) is { } first)
            alert.Assign(first.UserId, first.DisplayName, "systeem", clock.GetUtcNow());
        db.Alerts.Add(alert);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The fallback job and the follow-up raced: one alert is enough. Anything else is a real failure.
            ((DbContext)db).Entry(alert).State = EntityState.Detached;
            if (await db.Alerts.AnyAsync(a => a.TriggerKey == key, ct)) return null;
            throw;
        }
        await audit.AppendAsync(new AuditRecord(Actor.System("signaleringen"), AuditAction.Create, "Signalering", alert.Id.ToString(),
            $"acuut gevaar (signaal {signal.Number}) gemeld aan {alert.Recipients.Count} ontvanger(s)", null), ct);
        return alert;
    }
}
