using System.Globalization;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Interventions;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Chain;

/// <summary>An intervention as the process page and the overview show it, with what the viewer may do with it.</summary>
public sealed record InterventionItem(InterventionId Id, string DossierNumber, string Title, InterventionType Type, string Phase,
    string PartnerName, DateOnly? Due, InterventionStatus Status, string? DeclineReason, string? Result, IReadOnlyList<string> Targets,
    bool Overdue, bool MayRespond, bool MayReassign, string? RoutedTo = null, IReadOnlyList<InterventionHistoryItem>? History = null);

/// <summary>One recorded answer or reassignment, as the process page lists it under the intervention.</summary>
public sealed record InterventionHistoryItem(DateTimeOffset At, string By, InterventionStatus From, InterventionStatus To, string PartnerName, string? Note);

/// <summary>A new intervention as typed in the form (text, so every problem gets a Dutch message).</summary>
public sealed record InterventionInput(string? Type, string? Title, string? Phase, string? PartnerCode, string? Due, IReadOnlyList<string> Targets);

/// <summary>
/// Interventions of the chain process (issue 7 §4): the case meeting turns barriers into interventions assigned to a
/// partner; that partner accepts or declines for capacity with a reason, starts and completes it with its result; a
/// declined one is offered to another partner. Every change is audited with its author.
/// </summary>
public sealed class DossierInterventions(IGraphDbContext db, IAuditLog audit, TimeProvider clock, Network.ViewerScopes scopes)
{
    public const string Accept = "accepteren", Decline = "afwijzen", Start = "starten", Complete = "afronden";

    public async Task<IReadOnlyList<InterventionItem>> ListAsync(Actor actor, Dossier dossier, CancellationToken ct = default)
    {
        var interventions = await db.Interventions.AsNoTracking().Include(i => i.Targets).Include(i => i.History).Where(i => i.DossierId == dossier.Id).ToListAsync(ct);
        return await ItemsAsync(actor, interventions, [dossier], ct);
    }

    /// <summary>Overdue interventions and declined ones waiting for another partner, over the dossiers the actor reads.</summary>
    public async Task<IReadOnlyList<InterventionItem>> AttentionAsync(Actor actor, CancellationToken ct = default)
    {
        var today = Today();
        var open = await db.Interventions.AsNoTracking().Include(i => i.Targets)
            .Where(i => i.Status == InterventionStatus.Declined || i.Status == InterventionStatus.Proposed
                        || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress)
            .ToListAsync(ct);
        var dossierIds = open.Select(i => i.DossierId).Distinct().ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.Shares).Where(d => dossierIds.Contains(d.Id)).ToListAsync(ct);
        var readable = dossiers.Where(d => AccessPolicy.MayReadDossier(actor, DossierAccessInfo.Of(d))).ToList();
        var ids = readable.Select(d => d.Id).ToHashSet();
        var attention = open.Where(i => ids.Contains(i.DossierId) && (i.Status == InterventionStatus.Declined || i.IsOverdue(today))).ToList();
        var items = (await ItemsAsync(actor, attention, readable, ct)).OrderBy(i => i.Status != InterventionStatus.Declined).ThenBy(i => i.Due).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Interventies", null,
            $"{items.Count} interventies die aandacht vragen getoond (te laat of afgewezen)", null), ct);
        return items;
    }

    public async Task<ProcessResult> ProposeAsync(Actor actor, Dossier dossier, InterventionInput input, CancellationToken ct = default)
    {
        if (!DossierProcess.MayAct(actor, dossier)) return ProcessResult.Forbidden;
        var errors = new Dictionary<string, string>();
        if (dossier.Stage is not (DossierStage.Assignment or DossierStage.Execution))
            errors["Stap"] = "Interventies worden toegewezen in de stappen Toewijzing interventies en Uitvoering.";
        if (!TypedInput.TryName<InterventionType>(input.Type, out var type))
            errors["Soort"] = "Kies het soort interventie: strafrechtelijk, bestuurlijk, fiscaal of zorg.";
        if (string.IsNullOrWhiteSpace(input.Title)) errors["Titel"] = "Omschrijf de interventie.";
        else if (input.Title.Trim().Length > 300) errors["Titel"] = "Omschrijf de interventie in hoogstens 300 tekens.";
        if (BarrierPhase.Default.All(p => p.Code != input.Phase))
            errors["Fase"] = "Kies de fase van het barrièremodel waarin deze interventie een barrière opwerpt.";
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Code == (input.PartnerCode ?? ""), ct);
        if (partner is null) errors["Partner"] = "Kies de partner die de interventie uitvoert.";
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(input.Due))
        {
            if (!TypedInput.TryDate(input.Due, out var d))
                errors["Termijn"] = "De termijn is geen geldige datum. Typ de datum als dd-mm-jjjj.";
            else if (d < Today()) errors["Termijn"] = "De termijn ligt in het verleden.";
            else due = d;
        }
        var members = dossier.Members.Select(m => m.NodeId.ToString()).ToHashSet();
        var targets = input.Targets.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
        if (targets.Count == 0) errors["Doelen"] = "Kies op wie of wat de interventie zich richt.";
        else if (!targets.All(members.Contains)) errors["Doelen"] = "Een interventie richt zich alleen op betrokkenen in dit dossier.";
        if (partner is not null && await OverCapacityAsync(partner.Id, null, accepting: false, ct) is { } full) errors["Partner"] = full;
        if (errors.Count > 0) return ProcessResult.Refused(errors);

        var intervention = new Intervention(InterventionId.New(), dossier.Id, type, input.Title!, input.Phase!, partner!.Id, due);
        foreach (var t in targets) intervention.Target(new NodeId(Guid.Parse(t)));
        db.Interventions.Add(intervention);
        // The partner that must carry it out must be able to read the dossier: assigning is the case meeting's decision to share.
        if (partner.Id != dossier.OwnerPartnerId && dossier.Shares.All(s => s.PartnerId != partner.Id))
            dossier.ShareWith(partner.Id, $"{actor.UserName} (interventie toegewezen)", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "Intervention", intervention.Id.ToString(),
            $"interventie '{intervention.Title}' ({type.Dutch().ToLowerInvariant()}) toegewezen aan {partner.Name} in dossier {dossier.Number}; verzoek naar {partner.RoutingDescription ?? "(geen meldpunt vastgelegd)"}", null), ct);
        return ProcessResult.Done;
    }

    public async Task<ProcessResult> RespondAsync(Actor actor, Dossier dossier, InterventionId id, string? action, string? text, CancellationToken ct = default)
    {
        var intervention = await db.Interventions.SingleOrDefaultAsync(i => i.Id == id && i.DossierId == dossier.Id, ct);
        if (intervention is null) return ProcessResult.NotFound;
        if (!MayRespond(actor, intervention)) return ProcessResult.Forbidden;
        var before = intervention.Status;
        var now = clock.GetUtcNow();
        try
        {
            switch (action)
            {
                case Accept:
                    // What a partner takes on is limited by its capacity per quarter (issue 16): accepting beyond it is refused.
                    if (await OverCapacityAsync(intervention.AssignedPartnerId, intervention.Id, accepting: true, ct) is { } full)
                        return ProcessResult.Refused("Capaciteit", full);
                    intervention.Accept(actor.UserName, now);
                    break;
                case Decline: intervention.Decline(text ?? "", actor.UserName, now); break;
                case Start: intervention.Start(actor.UserName, now); break;
                case Complete: intervention.Complete(text ?? "", actor.UserName, now); break;
                default: return ProcessResult.Refused("Actie", "Kies accepteren, afwijzen, starten of afronden.");
            }
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field is "DeclineReason" or "Result" ? "Toelichting" : "Status", e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.StatusChange, "Intervention", id.ToString(),
            $"{before.Dutch()} → {intervention.Status.Dutch()} (dossier {dossier.Number})", string.IsNullOrWhiteSpace(text) ? null : text.Trim()), ct);
        return ProcessResult.Done;
    }

    public async Task<ProcessResult> ReassignAsync(Actor actor, Dossier dossier, InterventionId id, string? partnerCode, CancellationToken ct = default)
    {
        var intervention = await db.Interventions.SingleOrDefaultAsync(i => i.Id == id && i.DossierId == dossier.Id, ct);
        if (intervention is null) return ProcessResult.NotFound;
        if (!DossierProcess.MayAct(actor, dossier)) return ProcessResult.Forbidden;
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Code == (partnerCode ?? ""), ct);
        if (partner is null) return ProcessResult.Refused("Partner", "Kies de partner die de interventie nu uitvoert.");
        var declinedBy = await db.Partners.AsNoTracking().Where(p => p.Id == intervention.AssignedPartnerId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        try
        {
            intervention.Reassign(partner.Id, actor.UserName, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field == nameof(Intervention.AssignedPartnerId) ? "Partner" : "Status", e.Message);
        }
        if (partner.Id != dossier.OwnerPartnerId && dossier.Shares.All(s => s.PartnerId != partner.Id))
            dossier.ShareWith(partner.Id, $"{actor.UserName} (interventie toegewezen)", clock.GetUtcNow());
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.StatusChange, "Intervention", id.ToString(),
            $"opnieuw toegewezen aan {partner.Name} na afwijzing door {declinedBy ?? "onbekende partner"} (dossier {dossier.Number})", null), ct);
        return ProcessResult.Done;
    }

    /// <summary>The assigned partner answers for its own capacity: its analysts, coordinators and case-meeting members.</summary>
    /// <summary>
    /// Null when the partner can take on one more intervention; else why not, in Dutch. Proposing counts everything still
    /// open (proposed, accepted, in progress); accepting counts what the partner already took on (accepted, in
    /// progress). A partner without a capacity set is not limited.
    /// </summary>
    private async Task<string?> OverCapacityAsync(PartnerId partnerId, InterventionId? except, bool accepting, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId, ct);
        if (partner.InterventionCapacityPerQuarter is not { } capacity) return null;
        var open = db.Interventions.AsNoTracking().Where(i => i.AssignedPartnerId == partnerId
            && (i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress
                || (!accepting && i.Status == InterventionStatus.Proposed)));
        if (except is { } skip) open = open.Where(i => i.Id != skip);
        var load = await open.CountAsync(ct);
        if (load < capacity) return null;
        return accepting
            ? $"{partner.Name} heeft al {load} interventie(s) lopen; de capaciteit is {capacity} per kwartaal. Wijs af met een reden, of laat de beheerder de capaciteit op de partnerpagina verhogen."
            : $"{partner.Name} heeft al {load} openstaande interventie(s); de capaciteit is {capacity} per kwartaal. Kies een andere partner of wacht tot er een is afgerond.";
    }

    public static bool MayRespond(Actor actor, Intervention intervention) =>
        !actor.IsSystem && actor.PartnerId == intervention.AssignedPartnerId
        && actor.Role is Roles.RiecAnalyst or Roles.MunicipalCoordinator or Roles.CaseMeetingMember;

    private async Task<IReadOnlyList<InterventionItem>> ItemsAsync(Actor actor, IReadOnlyList<Intervention> interventions,
        IReadOnlyList<Dossier> dossiers, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var nodeIds = interventions.SelectMany(i => i.Targets).Select(t => t.NodeId).Distinct().ToList();
        var scope = await scopes.ForAsync(actor, nodeIds, ct);
        var today = Today();
        return interventions.Select(i =>
        {
            var dossier = dossiers.First(d => d.Id == i.DossierId);
            return new InterventionItem(i.Id, dossier.Number, i.Title, i.Type,
                BarrierPhase.Default.FirstOrDefault(p => p.Code == i.BarrierPhaseCode)?.DutchName ?? i.BarrierPhaseCode,
                partners.GetValueOrDefault(i.AssignedPartnerId)?.Name ?? "onbekende partner", i.DueDate, i.Status, i.DeclineReason, i.Result,
                i.Targets.Select(t => scope.LabelOf(t.NodeId) ?? DossierProcess.HiddenMember).ToList(), i.IsOverdue(today),
                MayRespond(actor, i), DossierProcess.MayAct(actor, dossier) && i.Status == InterventionStatus.Declined,
                partners.GetValueOrDefault(i.AssignedPartnerId)?.RoutingDescription,
                i.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new InterventionHistoryItem(h.At, h.By, h.From, h.To,
                    partners.GetValueOrDefault(h.PartnerId)?.Name ?? "onbekende partner", h.Note)).ToList());
        }).OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.CurrentCulture).ToList();
    }

    private Task<ProcessResult?> SaveAsync(CancellationToken ct) => DossierProcess.TrySaveAsync(db, ct);


    private DateOnly Today() => DateOnly.FromDateTime(DutchCalendar.ToLocal(clock.GetUtcNow()));

}
