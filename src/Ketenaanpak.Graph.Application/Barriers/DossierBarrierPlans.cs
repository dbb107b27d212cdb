using System.Globalization;
using Ketenaanpak.Graph.Analytics.Barriers;
using Ketenaanpak.Graph.Analytics.Flow;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Application.Barriers;

/// <summary>The outcome of recording a facilitator's phase: null when done, else what is wrong in Dutch (and whether it is "not found").</summary>
public sealed record PhaseChangeRefusal(string Message, bool NotFound = false);

/// <summary>
/// The barrier model of a dossier (issue 16, domain.md §3): per phase which victims depend on which facilitators, every
/// facilitator's share explained, the plan within the budget and the owners' capacity, the direct ties for the
/// criminal-law lane, and what-if. Read through the reader's scope; every read audited.
/// </summary>
public sealed class DossierBarrierPlans(IGraphDbContext db, GraphSnapshotService snapshots, IAuditLog audit, IOptions<BarrierModelOptions> options)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public int DefaultBudget => options.Value.DefaultBudget;

    public Task<DossierBarrierNetwork?> NetworkAsync(Actor actor, string number, CancellationToken ct = default) =>
        DossierBarrierNetwork.LoadAsync(db, snapshots, options.Value, actor, number, ct);

    /// <summary>The plan for at most <paramref name="budget"/> barriers; null when the dossier does not exist or may not be read.</summary>
    public async Task<BarrierPlanDto?> PlanAsync(Actor actor, string number, int budget, string? purpose, CancellationToken ct = default)
    {
        if (await NetworkAsync(actor, number, ct) is not { } d) return null;
        var plan = BarrierPlanner.Plan(d.Network, d.Limits(budget), ct: ct);
        var dto = ToDto(d, plan, budget);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Analysis, "Dossier", d.Dossier.Id.ToString(),
            $"barrièreplan (budget {budget}): {plan.Broken} van {plan.Dependencies} afhankelijkheden doorbroken met {plan.Plan.Length} barrière(s)", purpose), ct);
        return dto;
    }

    /// <summary>What barring <paramref name="barred"/> (entity ids) breaks; null when the dossier is not readable or an id is
    /// not one of its facilitators the reader sees (the same answer for both, so nothing hidden is confirmed).</summary>
    public async Task<BarrierWhatIfDto?> WhatIfAsync(Actor actor, string number, IReadOnlyCollection<string> barred, CancellationToken ct = default)
    {
        if (await NetworkAsync(actor, number, ct) is not { } d) return null;
        var vertices = new List<int>();
        foreach (var id in barred.Distinct())
        {
            if (d.View.IndexOf(id) is not { } v || d.Network.Roles[v] != BarrierRole.Facilitator) return null;
            vertices.Add(v);
        }
        var phases = BarrierAnalysis.Breaks(d.Network, vertices, ct);
        int dependencies = phases.Sum(p => p.Dependencies), broken = phases.Sum(p => p.Broken);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Analysis, "Dossier", d.Dossier.Id.ToString(),
            $"wat-als barrières: {vertices.Count} faciliteerder(s) weg, {broken} van {dependencies} afhankelijkheden doorbroken", null), ct);
        var sentence = vertices.Count == 0 ? "Vink een of meer faciliteerders aan."
            : broken == 0 ? $"Zonder {Names(d, vertices)} blijft elke afhankelijkheid bestaan: er is steeds een andere route."
            : $"Zonder {Names(d, vertices)} worden {broken} van de {dependencies} afhankelijkheden doorbroken.";
        return new BarrierWhatIfDto([.. vertices.Select(d.Key)], dependencies, broken,
            [.. phases.Select(p => new PhaseBrokenDto(p.Code, d.Phases[p.Phase].DutchName, p.Dependencies, p.Broken, [.. p.BrokenVictims.Select(d.Label)]))],
            sentence);
    }

    /// <summary>Records (or, with null, clears) the phase a facilitator serves in this dossier; audited.</summary>
    public async Task<PhaseChangeRefusal?> RecordPhaseAsync(Actor actor, string number, NodeId node, string? phase, CancellationToken ct = default)
    {
        if (await NetworkAsync(actor, number, ct) is not { } d || !d.Scope.Sees(node, out _))
            return new PhaseChangeRefusal("Dit dossier of deze faciliteerder bestaat niet, of u mag hem niet inzien.", NotFound: true);
        var dossier = await db.Dossiers.Include(x => x.Members).SingleAsync(x => x.Id == d.Dossier.Id, ct);
        if (!Chain.DossierProcess.MayAct(actor, dossier))
            return new PhaseChangeRefusal("Alleen wie de casus bewerkt (analist, coördinator, casusoverleg) legt de fase van een faciliteerder vast.");
        var before = dossier.Members.FirstOrDefault(m => m.NodeId == node && m.Role == Domain.Dossiers.DossierRole.Facilitator)?.BarrierPhase;
        try
        {
            dossier.RecordBarrierPhase(node, string.IsNullOrWhiteSpace(phase) ? null : phase.Trim(), [.. d.Phases.Select(p => p.Code)]);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e) { return new PhaseChangeRefusal(e.Message); }
        catch (ConcurrencyConflictException e) { return new PhaseChangeRefusal(e.Message); }
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Dossier", dossier.Id.ToString(),
            $"barrièrefase van faciliteerder {node}: {before ?? "voorstel"} → {(string.IsNullOrWhiteSpace(phase) ? "voorstel" : phase.Trim())}", null), ct);
        return null;
    }

    private static string Names(DossierBarrierNetwork d, IReadOnlyCollection<int> vertices) => string.Join(", ", vertices.Select(d.Label));

    internal static BarrierPlanDto ToDto(DossierBarrierNetwork d, BarrierPlan plan, int budget)
    {
        var network = d.Network;
        int perpetrators = network.VerticesWith(BarrierRole.Perpetrator).Count();
        int victims = network.VerticesWith(BarrierRole.Victim).Count();
        var inPlan = plan.Plan.ToHashSet();
        var byVertex = plan.Ranking.ToDictionary(s => s.Vertex);

        var phases = plan.ByPhase.Select(p =>
        {
            var phase = d.Phases[p.Phase];
            var carriers = plan.Ranking.Where(s => s.Phase == p.Phase && s.Score > 0).Take(3).Select(s => d.Label(s.Vertex)).ToList();
            var sentence = perpetrators == 0 ? $"{phase.DutchName} — nog geen daders bekend."
                : p.Dependencies == 0 ? $"{phase.DutchName} — geen slachtoffer is via een faciliteerder van deze fase bereikbaar voor de daders."
                : $"{phase.DutchName} — {p.Dependencies} van de {victims} slachtoffers zijn via {Join(carriers)} bereikbaar voor de daders" +
                  (p.Broken > 0 ? $"; het plan doorbreekt er {p.Broken}." : ".");
            return new BarrierPhaseDto(phase.Code, phase.Order, phase.DutchName, phase.BarrierOwners, p.Dependencies, p.Broken,
                [.. p.DependentVictims.Select(d.Label)], [.. p.BrokenVictims.Select(d.Label)], sentence);
        }).ToList();

        var ranking = d.PhaseOf.Keys.Select(v =>
        {
            var phase = d.PhaseOf[v];
            var owner = d.OwnerOf.GetValueOrDefault(v);
            byVertex.TryGetValue(v, out var share);
            var alone = share?.VictimsBrokenAlone.Select(d.Label).ToList() ?? [];
            return new FacilitatorShareDto(d.Key(v), d.Label(v), d.View.Node(v).Kind?.ToString(), phase.Phase?.Code,
                phase.Phase?.DutchName ?? "Onbekend", phase.Recorded, phase.Reason, share?.Score ?? 0, share?.BreaksAlone ?? 0, alone,
                share?.AlternativeShare ?? 0, inPlan.Contains(v), owner?.Partner.Name, Explain(d, v, share, phase));
        }).OrderByDescending(r => r.Score).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();

        var planned = plan.Plan.Select(v =>
        {
            var owner = d.OwnerOf.GetValueOrDefault(v);
            var phase = d.PhaseOf[v].Phase!;
            // What it breaks alone was read off the block-cut tree with the ranking; no second walk of every phase.
            var alone = byVertex[v].VictimsBrokenAlone.Select(d.Label).ToList();
            return new PlannedBarrierDto(d.Key(v), d.Label(v), phase.Code, phase.DutchName, owner?.Partner.Name, owner?.Partner.Code,
                owner?.CapacityLeft, alone);
        }).ToList();

        var ties = plan.DirectTies.Select(t => new DirectTieDto(d.Key(t.Perpetrator), d.Label(t.Perpetrator), d.Key(t.Victim), d.Label(t.Victim))).ToList();
        var notes = new List<string>();
        foreach (var (v, phase) in d.PhaseOf)
            if (phase.Phase is null) notes.Add($"{d.Label(v)} heeft nog geen fase en telt daarom niet mee: leg de fase vast.");
        if (!plan.Optimal)
            notes.Add("Dit plan is met een snelle benadering gevonden (meer dan 60 faciliteerders op een route); een beter plan is mogelijk.");
        foreach (var owner in d.OwnerOf.Values.Where(o => o?.CapacityLeft == 0).Select(o => o!).DistinctBy(o => o.Partner.Id))
            notes.Add($"{owner.Partner.Name} heeft dit kwartaal geen capaciteit meer; barrières bij die partner zijn niet in het plan opgenomen.");

        string summary = perpetrators == 0 ? "Nog geen daders bekend in dit dossier: er valt nog geen afhankelijkheid te bepalen."
            : victims == 0 ? "Nog geen slachtoffers bekend in dit dossier: er valt nog geen afhankelijkheid te bepalen."
            : plan.Dependencies == 0 ? "De daders bereiken geen slachtoffer via een legale faciliteerder; alleen directe banden (strafrechtelijk spoor)."
            : plan.Plan.Length == 0 ? $"Geen enkele barrière binnen het budget van {budget} doorbreekt een afhankelijkheid: elke route heeft een alternatief. Verhoog het budget."
            : $"Met {plan.Plan.Length} barrière(s) worden {plan.Broken} van de {plan.Dependencies} afhankelijkheden doorbroken.";
        // The old question, kept as a second answer: can barriers alone separate every victim from every perpetrator?
        var cuttable = Enumerable.Range(0, network.NodeCount).Select(v => network.Roles[v] == BarrierRole.Facilitator).ToArray();
        var separation = perpetrators == 0 || victims == 0 ? null
            : VertexCut.Minimum(network.Graph, [.. network.VerticesWith(BarrierRole.Perpetrator)],
                [.. network.VerticesWith(BarrierRole.Victim)], cuttable);
        IReadOnlyList<string>? complete = separation is { Separable: true, Size: > 0 } ? [.. separation.Cut.Select(d.Label)] : null;
        return new BarrierPlanDto(d.Dossier.Number, budget, perpetrators, victims, d.PhaseOf.Count, plan.Dependencies, plan.Broken, plan.Optimal,
            plan.Method, summary, phases, ranking, planned, ties, notes, complete);
    }

    private static string Explain(DossierBarrierNetwork d, int v, FacilitatorShare? share, FacilitatorPhase phase)
    {
        if (phase.Phase is null) return "Zonder fase telt deze faciliteerder niet mee.";
        if (share is null || share.Score <= 0)
            return $"Ligt in de fase {phase.Phase.DutchName.ToLowerInvariant()} op geen route van een slachtoffer naar een dader.";
        var parts = new List<string>();
        if (share.BreaksAlone > 0)
            parts.Add($"alle routes van {Join([.. share.VictimsBrokenAlone.Select(d.Label)])} naar de daders lopen via deze faciliteerder: een barrière hier alleen doorbreekt er {share.BreaksAlone}");
        if (share.AlternativeShare > 1e-9)
            parts.Add($"daarnaast is hij één van meerdere alternatieven op andere routes (samen {share.AlternativeShare.ToString("0.##", Dutch)} afhankelijkheid)");
        return $"{phase.Phase.DutchName}: " + string.Join("; ", parts) + ".";
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1],
    };
}
