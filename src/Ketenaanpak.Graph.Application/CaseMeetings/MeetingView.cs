using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.CaseMeetings;

public sealed record ParticipantLine(string Partner, string Kind, bool Fixed, string Reason);

public sealed record DecisionLine(DecisionKind Kind, string Text, string? ActionFor, DateOnly? Due, IReadOnlyList<string> Concerns, string By, DateTimeOffset At);

/// <summary>An agenda item as a viewer sees it: the snapshot only for those who may read the dossier.</summary>
public sealed record AgendaLine(AgendaItemId Id, int Order, string DossierNumber, IReadOnlyList<string> Reasons, DossierSnapshot? Snapshot,
    DateTimeOffset SnapshotAt, bool Readable, IReadOnlyList<DecisionLine> Decisions);

public sealed record MeetingPage(CaseMeeting Meeting, IReadOnlyList<ParticipantLine> Participants, IReadOnlyList<AgendaLine> Agenda,
    IReadOnlyList<Partner> Partners, bool MayPrepare, bool MayRecordDecisions);

/// <summary>
/// Reads a meeting for one viewer: participants by name, the agenda with each dossier's frozen snapshot where the
/// viewer may read that dossier (otherwise only its number), decisions with the nodes they concern. A read of
/// snapshots is a read of personal data and is audited.
/// </summary>
public sealed class MeetingView(IGraphDbContext db, CaseMeetingService meetings, IAuditLog audit, Network.ViewerScopes scopes)
{
    public async Task<MeetingPage?> ForAsync(Actor actor, CaseMeetingId id, string purpose, CancellationToken ct = default)
    {
        if (await meetings.FindAsync(id, ct) is not { } meeting) return null;
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var byId = partners.ToDictionary(p => p.Id);
        var dossierIds = meeting.Agenda.Select(a => a.DossierId).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.Shares).Where(d => dossierIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);

        var scope = scopes.For(actor);
        var agenda = meeting.Agenda.OrderBy(a => a.Order).Select(a =>
        {
            // A dossier deleted at the end of its retention stays in the minutes by number; its snapshot only for the RIEC.
            var readable = dossiers.TryGetValue(a.DossierId, out var d)
                ? AccessPolicy.MayReadDossier(actor, DossierAccessInfo.Of(d))
                : AccessPolicy.SeesAllDossiers(actor);
            var snapshot = readable ? DossierSnapshot.FromJson(a.SnapshotJson)?.SeenBy(scope) : null;
            var captions = snapshot?.Members.GroupBy(m => m.NodeId).ToDictionary(g => g.Key, g => g.First().Caption) ?? [];
            return new AgendaLine(a.Id, a.Order, a.DossierNumber, a.Reasons.Dutch().ToList(), snapshot, a.SnapshotAt, readable,
                a.Decisions.OrderBy(x => x.At).Select(x => new DecisionLine(x.Kind, x.Text,
                    x.ActionFor is { } p && byId.TryGetValue(p, out var partner) ? partner.Name : null, x.Due,
                    readable ? x.Concerns.Select(n => captions.GetValueOrDefault(n.Value.ToString(), "onbekend")).ToList() : [], x.By, x.At)).ToList());
        }).ToList();
        var participants = meeting.Participants
            .Select(p => byId.TryGetValue(p.PartnerId, out var partner) ? new ParticipantLine(partner.Name, partner.Kind.Dutch(), p.Fixed, p.Reason) : null)
            .Where(p => p is not null).Select(p => p!).OrderByDescending(p => p.Fixed).ThenBy(p => p.Partner, StringComparer.CurrentCulture).ToList();

        if (agenda.Any(a => a.Snapshot is not null))
            await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "CaseMeeting", meeting.Id.ToString(),
                $"{purpose}: {agenda.Count(a => a.Snapshot is not null)} dossiers ingezien ({string.Join(", ", agenda.Where(a => a.Snapshot is not null).Select(a => a.DossierNumber))})", "casusoverleg"), ct);
        return new MeetingPage(meeting, participants, agenda, partners, CaseMeetingService.MayPrepare(actor) && !meeting.Held,
            CaseMeetingService.MayRecordDecisions(actor) && !meeting.Held);
    }
}
