using Ketenaanpak.Graph.Analytics.Barriers;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Interventions;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Barriers;

/// <summary>What adopting a plan did: the interventions proposed, the barriers skipped (with why), and where the decision
/// was recorded; or, when nothing could be done, <see cref="Refusal"/> in Dutch.</summary>
public sealed record PlanAdoption(int Proposed, IReadOnlyList<string> Skipped, string? RecordedIn, string? Refusal = null, bool NotFound = false);

/// <summary>
/// The case meeting adopts a barrier plan in one step (issue 16 §4): each barrier becomes an intervention proposal to its
/// owner — the existing flow of accepting, declining with a reason and reassigning — aimed at the facilitator and
/// linked to its phase; the owner's capacity is checked again; the decision goes into the minutes of the open case
/// meeting that has the dossier on its agenda. A barrier already proposed and still open is not proposed twice.
/// </summary>
public sealed class BarrierPlanAdoption(IGraphDbContext db, DossierBarrierPlans plans, IAuditLog audit, TimeProvider clock)
{
    public async Task<PlanAdoption> AdoptAsync(Actor actor, string number, int budget, CancellationToken ct = default)
    {
        if (await plans.NetworkAsync(actor, number, ct) is not { } network)
            return new PlanAdoption(0, [], null, "Dit dossier bestaat niet, of u mag het niet inzien.", NotFound: true);
        var dossier = await db.Dossiers.Include(d => d.Members).Include(d => d.Shares).SingleAsync(d => d.Id == network.Dossier.Id, ct);
        if (!Chain.DossierProcess.MayAct(actor, dossier))
            return new PlanAdoption(0, [], null, "Alleen wie de casus bewerkt (analist, coördinator, casusoverleg) stelt het plan vast.");
        if (dossier.Stage is not (DossierStage.Assignment or DossierStage.Execution))
            return new PlanAdoption(0, [], null, "Een plan wordt vastgesteld in de stappen Toewijzing interventies en Uitvoering; zet het dossier eerst door.");
        var plan = BarrierPlanner.Plan(network.Network, network.Limits(budget), withVictims: false, ct: ct);
        if (plan.Plan.Length == 0) return new PlanAdoption(0, [], null, "Het plan heeft geen barrières om vast te stellen.");

        var open = await db.Interventions.Where(i => i.DossierId == dossier.Id
                && (i.Status == InterventionStatus.Proposed || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress))
            .Include(i => i.Targets).ToListAsync(ct);
        var skipped = new List<string>();
        var proposed = new List<(Intervention Intervention, string Label, string Owner)>();
        var now = clock.GetUtcNow();
        var due = EndOfQuarter(DateOnly.FromDateTime(now.UtcDateTime));
        foreach (var v in plan.Plan)
        {
            var phase = network.PhaseOf[v].Phase!;
            var label = network.Label(v);
            var node = new NodeId(Guid.Parse(network.Key(v)));
            if (open.Any(i => i.BarrierPhaseCode == phase.Code && i.Targets.Any(t => t.NodeId == node)))
            {
                skipped.Add($"{label}: er loopt al een interventie in de fase {phase.DutchName.ToLowerInvariant()}.");
                continue;
            }
            if (network.OwnerOf.GetValueOrDefault(v) is not { } owner)
            {
                skipped.Add($"{label}: geen partner in het register voor de fase {phase.DutchName.ToLowerInvariant()}.");
                continue;
            }
            if (owner.CapacityLeft is { } left && left - proposed.Count(p => p.Intervention.AssignedPartnerId == owner.Partner.Id) <= 0)
            {
                skipped.Add($"{label}: {owner.Partner.Name} heeft dit kwartaal geen capaciteit meer.");
                continue;
            }
            var type = phase.Code == "finance" ? InterventionType.Fiscal : InterventionType.Administrative;
            var title = $"Barrière {phase.DutchName.ToLowerInvariant()}: {label}";
            var intervention = new Intervention(InterventionId.New(), dossier.Id, type, title.Length > 300 ? title[..300] : title, phase.Code,
                owner.Partner.Id, due);
            intervention.Target(node);
            db.Interventions.Add(intervention);
            // The partner that raises the barrier must be able to read the dossier (as a proposal by hand does).
            if (owner.Partner.Id != dossier.OwnerPartnerId && dossier.Shares.All(s => s.PartnerId != owner.Partner.Id))
                dossier.ShareWith(owner.Partner.Id, $"{actor.UserName} (barrièreplan vastgesteld)", now);
            proposed.Add((intervention, label, owner.Partner.Name));
        }
        if (proposed.Count == 0) return new PlanAdoption(0, skipped, null, "Geen barrière uit het plan kon worden voorgesteld: " + string.Join(" ", skipped));

        // The decision in the minutes of the open meeting that has the dossier on its agenda, when there is one.
        var openMeetings = await db.CaseMeetings.Include(m => m.Agenda).ThenInclude(a => a.Decisions)
            .Where(m => !m.Held && m.Agenda.Any(a => a.DossierId == dossier.Id)).ToListAsync(ct);
        var meeting = openMeetings.OrderBy(m => m.ScheduledAt).FirstOrDefault(); // ordered here: SQLite cannot order by a DateTimeOffset
        string text = $"Barrièreplan vastgesteld: {string.Join("; ", proposed.Select(p => $"{p.Label} ({p.Owner})"))}. " +
                      $"Het plan doorbreekt {plan.Broken} van de {plan.Dependencies} afhankelijkheden.";
        if (meeting is not null)
        {
            var item = meeting.Agenda.First(a => a.DossierId == dossier.Id);
            meeting.Decide(item.Id, DecisionKind.Decision, text.Length > 2000 ? text[..2000] : text, null, null,
                [.. proposed.SelectMany(p => p.Intervention.Targets.Select(t => t.NodeId))], actor.UserName, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException e)
        {
            return new PlanAdoption(0, skipped, null, e.Message);
        }
        foreach (var (intervention, label, owner) in proposed)
            await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "Intervention", intervention.Id.ToString(),
                $"barrière uit het vastgestelde plan voorgesteld aan {owner} in dossier {dossier.Number} (fase {intervention.BarrierPhaseCode})", null), ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Judgement, "Dossier", dossier.Id.ToString(),
            $"barrièreplan vastgesteld (budget {budget}): {proposed.Count} interventie(s) voorgesteld, {skipped.Count} overgeslagen", null), ct);
        return new PlanAdoption(proposed.Count, skipped, meeting?.Title);
    }

    private static DateOnly EndOfQuarter(DateOnly day)
    {
        int quarterEndMonth = ((day.Month - 1) / 3 + 1) * 3;
        var end = new DateOnly(day.Year, quarterEndMonth, DateTime.DaysInMonth(day.Year, quarterEndMonth));
        // A plan adopted in the last fortnight of a quarter gets until the end of the next one.
        return end.DayNumber - day.DayNumber < 14 ? EndOfQuarter(end.AddDays(1)) : end;
    }
}
