using System.Globalization;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.CaseMeetings;

/// <summary>A new meeting as typed in the form (text, so every problem gets a Dutch message).</summary>
public sealed record MeetingInput(string? Kind, string? Title, string? Date, string? Time, string? Chair);

/// <summary>A decision or action as typed in the form.</summary>
public sealed record DecisionInput(string? Kind, string? Text, string? PartnerCode, string? Due, IReadOnlyList<string> Concerns);

/// <summary>
/// The case meetings (casusoverleg, issue 7 §5): planning a quarterly or ad-hoc meeting with its fixed members,
/// generating the agenda from the dossiers that need the meeting (awaiting weighing, overdue interventions, new
/// alerts, urgent signals), inviting the case-dependent partners, recording decisions and actions per agenda item,
/// and adopting the minutes, after which the meeting is a closed record. The RIEC prepares and minutes the meeting
/// (process support); case-meeting members record decisions too. Every change is audited.
/// </summary>
public sealed class CaseMeetingService(IGraphDbContext db, IAuditLog audit, TimeProvider clock, IEnumerable<IAgendaSource> sources)
{
    /// <summary>Partner kinds that sit at every case meeting (domain.md §1); the municipalities send one representative.</summary>
    public static readonly PartnerKind[] FixedKinds = [PartnerKind.PublicProsecutor, PartnerKind.Police, PartnerKind.TaxAuthority, PartnerKind.Riec];

    public static bool MayPrepare(Actor actor) => actor.Role is Roles.RiecAnalyst;

    public static bool MayRecordDecisions(Actor actor) => actor.Role is Roles.RiecAnalyst or Roles.CaseMeetingMember;

    public async Task<IReadOnlyList<CaseMeeting>> ListAsync(CancellationToken ct = default) =>
        await db.CaseMeetings.AsNoTracking().Include(m => m.Agenda).OrderByDescending(m => m.ScheduledAt).ToListAsync(ct);

    public async Task<(IReadOnlyDictionary<string, string> Errors, CaseMeetingId? Id)> CreateAsync(Actor actor, MeetingInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (!MayPrepare(actor)) return (new Dictionary<string, string> { [""] = "Alleen het RIEC plant een casusoverleg." }, null);
        var kind = input.Kind switch { "kwartaal" => CaseMeetingKind.Quarterly, "adhoc" => CaseMeetingKind.AdHoc, _ => (CaseMeetingKind)0 };
        if (kind == 0) errors["Soort"] = "Kies kwartaaloverleg of ad-hoc overleg.";
        if (!TypedInput.TryDate(input.Date, out var date))
            errors["Datum"] = "Vul een geldige datum in (dd-mm-jjjj).";
        else if (date < DateOnly.FromDateTime(DutchCalendar.ToLocal(clock.GetUtcNow())))
            errors["Datum"] = "Een nieuw overleg ligt niet in het verleden.";
        if (!TimeOnly.TryParseExact(string.IsNullOrWhiteSpace(input.Time) ? "13:00" : input.Time.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            errors["Tijd"] = "Vul een tijd in als uu:mm, bijvoorbeeld 13:30.";
        CaseMeeting? meeting = null;
        if (errors.Count == 0)
        {
            var local = date.ToDateTime(time, DateTimeKind.Unspecified);
            var at = new DateTimeOffset(local, DutchCalendar.Zone.GetUtcOffset(local)).ToUniversalTime();
            try { meeting = new CaseMeeting(CaseMeetingId.New(), kind, input.Title ?? "", at, input.Chair); }
            catch (DomainException e) { errors[e.Field == nameof(CaseMeeting.Chair) ? "Voorzitter" : "Titel"] = e.Message; }
        }
        if (errors.Count > 0) return (errors, null);

        foreach (var (partner, reason) in await FixedMembersAsync(ct)) meeting!.Invite(partner, true, reason);
        db.CaseMeetings.Add(meeting!);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "CaseMeeting", meeting!.Id.ToString(),
            $"{(kind == CaseMeetingKind.AdHoc ? "ad-hoc overleg" : "kwartaaloverleg")} gepland op {date:dd-MM-yyyy}", "casusoverleg"), ct);
        return (errors, meeting.Id);
    }

    public async Task<CaseMeeting?> FindAsync(CaseMeetingId id, CancellationToken ct = default)
    {
        var meeting = await db.CaseMeetings.Include(m => m.Participants).SingleOrDefaultAsync(m => m.Id == id, ct);
        // The agenda in a second tracked query (EF fixes it up on the same instance): one query would multiply rows.
        if (meeting is not null) await db.CaseMeetings.Where(m => m.Id == id).Include(m => m.Agenda).ThenInclude(a => a.Decisions).LoadAsync(ct);
        return meeting;
    }

    /// <summary>Puts every dossier that needs the meeting on the agenda, each with a fresh snapshot; returns how many.</summary>
    public async Task<ProcessResult> GenerateAgendaAsync(Actor actor, CaseMeetingId id, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } meeting) return ProcessResult.NotFound;
        if (!MayPrepare(actor)) return ProcessResult.Forbidden;
        if (meeting.Held) return ProcessResult.Refused("", "Het verslag van dit overleg is vastgesteld; de agenda ligt vast.");
        var today = Today();
        var open = await db.Dossiers.Where(d => d.Stage != DossierStage.Closed).ToListAsync(ct);
        var reasons = open.ToDictionary(d => d.Id, d => d.Stage == DossierStage.WeighingAndQualification ? AgendaReason.AwaitingWeighing : AgendaReason.None);
        var overdue = await db.Interventions.AsNoTracking()
            .Where(i => i.DueDate != null && i.DueDate < today && (i.Status == InterventionStatus.Proposed || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress))
            .Select(i => i.DossierId).Distinct().ToListAsync(ct);
        foreach (var d in overdue.Where(reasons.ContainsKey)) reasons[d] |= AgendaReason.OverdueInterventions;
        var extra = new Dictionary<DossierId, int>();
        foreach (var source in sources)
            foreach (var (dossier, reason, count) in await source.DossiersAsync(meeting.ScheduledAt, ct))
                if (reasons.ContainsKey(dossier))
                {
                    reasons[dossier] |= reason;
                    if (reason.HasFlag(AgendaReason.NewAlerts)) extra[dossier] = extra.GetValueOrDefault(dossier) + count;
                }
        var chosen = open.Where(d => reasons[d.Id] != AgendaReason.None)
            .OrderByDescending(d => reasons[d.Id].HasFlag(AgendaReason.Urgent)).ThenBy(d => d.Number, StringComparer.Ordinal).ToList();
        var shares = new List<AuditRecord>();
        foreach (var dossier in chosen)
            shares.AddRange(await PutOnAgendaAsync(actor, meeting, dossier, reasons[dossier.Id], extra.GetValueOrDefault(dossier.Id), today, ct));
        if (await DossierProcess.TrySaveAsync(db, ct) is { } conflict) return conflict;
        await audit.AppendManyAsync([new AuditRecord(actor, AuditAction.Update, "CaseMeeting", meeting.Id.ToString(),
            $"agenda samengesteld: {chosen.Count} dossiers ({string.Join(", ", chosen.Select(d => d.Number))})", "casusoverleg"), .. shares], ct);
        return ProcessResult.Done;
    }

    /// <summary>Puts one dossier on the agenda at the RIEC's or a member's request.</summary>
    public async Task<ProcessResult> AddDossierAsync(Actor actor, CaseMeetingId id, string? number, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } meeting) return ProcessResult.NotFound;
        if (!MayPrepare(actor)) return ProcessResult.Forbidden;
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Number == (number ?? "").Trim(), ct);
        if (dossier is null || !AccessPolicy.MayReadDossier(actor, DossierAccessInfo.Of(await WithSharesAsync(dossier, ct))))
            return ProcessResult.Refused("Dossier", "Dit dossiernummer is onbekend.");
        if (dossier.Stage == DossierStage.Closed) return ProcessResult.Refused("Dossier", "Dit dossier is afgesloten en komt niet meer op de agenda.");
        IReadOnlyList<AuditRecord> shares;
        try { shares = await PutOnAgendaAsync(actor, meeting, dossier, AgendaReason.Requested, 0, Today(), ct); }
        catch (DomainException e) { return ProcessResult.Refused("Dossier", e.Message); }
        if (await DossierProcess.TrySaveAsync(db, ct) is { } conflict) return conflict;
        await audit.AppendManyAsync([new AuditRecord(actor, AuditAction.Update, "CaseMeeting", meeting.Id.ToString(), $"dossier {dossier.Number} geagendeerd", "casusoverleg"), .. shares], ct);
        return ProcessResult.Done;
    }

    public async Task<ProcessResult> DecideAsync(Actor actor, CaseMeetingId id, AgendaItemId item, DecisionInput input, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } meeting) return ProcessResult.NotFound;
        if (!MayRecordDecisions(actor)) return ProcessResult.Forbidden;
        var errors = new Dictionary<string, string>();
        var kind = input.Kind switch { "besluit" => DecisionKind.Decision, "actie" => DecisionKind.Action, _ => (DecisionKind)0 };
        PartnerId? partner = null;
        if (kind == DecisionKind.Action && !string.IsNullOrWhiteSpace(input.PartnerCode))
        {
            partner = (await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Code == input.PartnerCode, ct))?.Id;
            if (partner is null) errors["Partner"] = "Kies een partner uit de lijst.";
        }
        DateOnly? due = null;
        if (kind == DecisionKind.Action && !string.IsNullOrWhiteSpace(input.Due))
        {
            if (!TypedInput.TryDate(input.Due, out var d))
                errors["Termijn"] = "De termijn is geen geldige datum. Typ de datum als dd-mm-jjjj.";
            else due = d;
        }
        var agendaItem = meeting.Agenda.FirstOrDefault(a => a.Id == item);
        // Deciding about a dossier needs sight of it (the case meeting shares its dossiers with the members at the table).
        if (agendaItem is not null && await db.Dossiers.AsNoTracking().Include(d => d.Shares).SingleOrDefaultAsync(d => d.Id == agendaItem.DossierId, ct) is { } discussed
            && !AccessPolicy.MayReadDossier(actor, DossierAccessInfo.Of(discussed)))
            return ProcessResult.Forbidden;
        var snapshot = agendaItem is null ? null : DossierSnapshot.FromJson(agendaItem.SnapshotJson);
        var allowed = snapshot?.Members.Select(m => m.NodeId).ToHashSet() ?? [];
        var concerns = new List<NodeId>();
        foreach (var c in input.Concerns.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct())
            if (allowed.Contains(c) && Guid.TryParse(c, out var g)) concerns.Add(new NodeId(g));
            else errors["Betreft"] = "Een besluit betreft alleen betrokkenen van het besproken dossier.";
        if (errors.Count > 0) return ProcessResult.Refused(errors);
        try { meeting.Decide(item, kind, input.Text ?? "", partner, due, concerns, actor.UserName, clock.GetUtcNow()); }
        catch (DomainException e) { return ProcessResult.Refused(e.Field ?? "", e.Message); }
        if (await DossierProcess.TrySaveAsync(db, ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "CaseMeeting", meeting.Id.ToString(),
            $"{kind.Dutch().ToLowerInvariant()} vastgelegd bij dossier {agendaItem!.DossierNumber}", "casusoverleg"), ct);
        return ProcessResult.Done;
    }

    public async Task<ProcessResult> AdoptMinutesAsync(Actor actor, CaseMeetingId id, string? minutes, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } meeting) return ProcessResult.NotFound;
        if (!MayPrepare(actor)) return ProcessResult.Forbidden;
        try { meeting.AdoptMinutes(minutes ?? "", actor.UserName, clock.GetUtcNow()); }
        catch (DomainException e) { return ProcessResult.Refused("Verslag", e.Message); }
        if (await DossierProcess.TrySaveAsync(db, ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.StatusChange, "CaseMeeting", meeting.Id.ToString(), "verslag vastgesteld", "casusoverleg"), ct);
        return ProcessResult.Done;
    }

    /// <summary>
    /// Puts the dossier on the agenda with a snapshot, invites the case-dependent members, and shares the dossier with
    /// every partner at the table that cannot read it yet: the case meeting weighs and decides on it, so its members
    /// must see it (domain.md §7: "the dossiers the case meeting shared with them"). Returns the shares to audit.
    /// </summary>
    private async Task<IReadOnlyList<AuditRecord>> PutOnAgendaAsync(Actor actor, CaseMeeting meeting, Dossier dossier, AgendaReason reasons,
        int newAlerts, DateOnly today, CancellationToken ct)
    {
        await db.Dossiers.Where(d => d.Id == dossier.Id).Include(d => d.Members).LoadAsync(ct);
        await db.Dossiers.Where(d => d.Id == dossier.Id).Include(d => d.Shares).LoadAsync(ct);
        await db.Dossiers.Where(d => d.Id == dossier.Id).Include(d => d.Weighings).LoadAsync(ct);
        var snapshot = await DossierSnapshot.TakeAsync(db, dossier, today, newAlerts, ct);
        meeting.PutOnAgenda(dossier.Id, dossier.Number, reasons, snapshot.ToJson(), clock.GetUtcNow());
        // Case-dependent members (domain.md §1): the coordinator of the municipality where the case plays, and the
        // labour inspectorate when the dossier is about labour exploitation.
        var municipality = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == PartnerKind.Municipality && p.MunicipalityCode == dossier.LeadMunicipalityCode, ct);
        if (municipality is not null) meeting.Invite(municipality.Id, false, $"gemeente van dossier {dossier.Number}");
        if (dossier.Form == ExploitationForm.Labour
            && await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == PartnerKind.LabourInspectorate, ct) is { } inspectorate)
            meeting.Invite(inspectorate.Id, false, $"arbeidsuitbuiting in dossier {dossier.Number}");
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var names = partners.ToDictionary(p => p.Key, p => p.Value.Name);
        var shared = new List<AuditRecord>();
        // Need to know: a municipality at the table reads only its own cases (the representative of the Twente
        // municipalities does not get the other municipalities' dossiers).
        bool NeedsSight(PartnerId id) => partners.GetValueOrDefault(id) is { } p
            && (p.Kind != PartnerKind.Municipality || p.MunicipalityCode == dossier.LeadMunicipalityCode);
        foreach (var participant in meeting.Participants.Where(p => p.PartnerId != dossier.OwnerPartnerId && dossier.Shares.All(s => s.PartnerId != p.PartnerId) && NeedsSight(p.PartnerId)).ToList())
        {
            dossier.ShareWith(participant.PartnerId, $"casusoverleg {meeting.Title} ({actor.UserName})", clock.GetUtcNow());
            shared.Add(new AuditRecord(actor, AuditAction.Share, "Dossier", dossier.Number,
                $"gedeeld met {names.GetValueOrDefault(participant.PartnerId, "onbekende partner")} als deelnemer aan {meeting.Title}", "casusoverleg"));
        }
        return shared;
    }

    private async Task<List<(PartnerId, string)>> FixedMembersAsync(CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        var members = FixedKinds.Select(k => partners.Where(p => p.Kind == k).OrderBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault())
            .Where(p => p is not null).Select(p => (p!.Id, "vast lid")).ToList();
        // One representative of the Twente municipalities: the central municipality (Enschede) when it is a partner.
        var representative = partners.Where(p => p.Kind == PartnerKind.Municipality)
            .OrderBy(p => p.MunicipalityCode != "GM0153").ThenBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault();
        if (representative is not null) members.Add((representative.Id, "vast lid namens de Twentse gemeenten"));
        return members;
    }

    private async Task<Dossier> WithSharesAsync(Dossier dossier, CancellationToken ct)
    {
        await db.Dossiers.Where(d => d.Id == dossier.Id).Include(d => d.Shares).LoadAsync(ct);
        return dossier;
    }

    private DateOnly Today() => DateOnly.FromDateTime(DutchCalendar.ToLocal(clock.GetUtcNow()));
}

/// <summary>
/// Another feature's reason to put dossiers on the agenda (the alerts: new alerts on a dossier, urgent signals).
/// Returns the dossiers with the reason and a count for the snapshot.
/// </summary>
public interface IAgendaSource
{
    Task<IReadOnlyList<(DossierId Dossier, AgendaReason Reason, int Count)>> DossiersAsync(DateTimeOffset meetingAt, CancellationToken ct);
}
