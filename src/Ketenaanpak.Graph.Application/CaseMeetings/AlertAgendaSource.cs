using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.CaseMeetings;

/// <summary>
/// The alerts' reasons to put a dossier on the agenda: open alerts whose trigger is a member of the dossier (or that
/// name the dossier), and urgent alerts whose signal lies in it — an urgent signal does not wait for the quarterly
/// meeting, so it also heads the agenda of an ad-hoc one.
/// </summary>
public sealed class AlertAgendaSource(IGraphDbContext db) : IAgendaSource
{
    public async Task<IReadOnlyList<(DossierId Dossier, AgendaReason Reason, int Count)>> DossiersAsync(DateTimeOffset meetingAt, CancellationToken ct)
    {
        var open = await db.Alerts.AsNoTracking().Include(a => a.Nodes)
            .Where(a => a.Status == AlertStatus.New || a.Status == AlertStatus.InReview).ToListAsync(ct);
        if (open.Count == 0) return [];
        var triggers = open.SelectMany(a => a.Nodes.Where(n => n.IsTrigger).Select(n => n.NodeId)).Distinct().ToList();
        var members = await db.DossierMembers.AsNoTracking().Where(m => triggers.Contains(m.NodeId))
            .Select(m => new { m.DossierId, m.NodeId }).ToListAsync(ct);
        var signals = open.Where(a => a.Urgent && a.SignalId != null).Select(a => a.SignalId!.Value).ToList();
        var signalDossiers = await db.Dossiers.AsNoTracking().SelectMany(d => d.Signals).Where(s => signals.Contains(s.SignalId))
            .Select(s => new { s.DossierId, s.SignalId }).ToListAsync(ct);

        var result = new List<(DossierId, AgendaReason, int)>();
        foreach (var alert in open)
        {
            var dossiers = members.Where(m => alert.Nodes.Any(n => n.IsTrigger && n.NodeId == m.NodeId)).Select(m => m.DossierId).ToHashSet();
            if (alert.DossierId is { } named) dossiers.Add(named);
            if (alert.Urgent)
                foreach (var s in signalDossiers.Where(s => s.SignalId == alert.SignalId)) dossiers.Add(s.DossierId);
            foreach (var d in dossiers)
                result.Add((d, alert.Urgent ? AgendaReason.Urgent | AgendaReason.NewAlerts : AgendaReason.NewAlerts, 1));
        }
        return result;
    }
}
