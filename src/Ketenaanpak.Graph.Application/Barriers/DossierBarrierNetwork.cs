using Ketenaanpak.Graph.Analytics.Barriers;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Explorer;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Barriers;

/// <summary>Where a facilitator's phase comes from: recorded by an analyst for this dossier, or suggested by the app.</summary>
public sealed record FacilitatorPhase(BarrierPhase? Phase, bool Recorded, string Reason);

/// <summary>A barrier owner: the partner that raises the barrier, and how many more it can take on this quarter (null: no limit set).</summary>
public sealed record BarrierOwner(Partner Partner, int? CapacityLeft);

/// <summary>
/// A dossier read for the barrier model through one reader's scope (the same access decision as /api/nodes/{id}): the
/// network of what the reader may see, each vertex's role in the dossier, each facilitator's phase (recorded or
/// suggested, with why) and barrier owner.
/// </summary>
public sealed class DossierBarrierNetwork
{
    private DossierBarrierNetwork(Dossier dossier, ViewerScope scope, GraphSnapshot view, BarrierNetwork network,
        IReadOnlyList<BarrierPhase> phases, IReadOnlyDictionary<int, FacilitatorPhase> phaseOf, IReadOnlyDictionary<int, BarrierOwner?> ownerOf)
    {
        Dossier = dossier;
        Scope = scope;
        View = view;
        Network = network;
        Phases = phases;
        PhaseOf = phaseOf;
        OwnerOf = ownerOf;
    }

    public Dossier Dossier { get; }
    public ViewerScope Scope { get; }
    public GraphSnapshot View { get; }
    public BarrierNetwork Network { get; }
    public IReadOnlyList<BarrierPhase> Phases { get; }
    /// <summary>Per facilitator vertex (of <see cref="View"/>): its phase and where that comes from.</summary>
    public IReadOnlyDictionary<int, FacilitatorPhase> PhaseOf { get; }
    public IReadOnlyDictionary<int, BarrierOwner?> OwnerOf { get; }

    public string Label(int v) => Scope.Label(View.Node(v));
    public string Key(int v) => View.Node(v).Key;

    /// <summary>The limits of a plan: the budget, and each owner's capacity left this quarter.</summary>
    public BarrierLimits Limits(int budget)
    {
        var owners = OwnerOf.Values.Where(o => o is not null).Select(o => o!).DistinctBy(o => o.Partner.Id).ToList();
        var index = owners.Select((o, i) => (o.Partner.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var ownerOf = new int[View.NodeCount];
        Array.Fill(ownerOf, -1);
        foreach (var (v, owner) in OwnerOf)
            if (owner is not null) ownerOf[v] = index[owner.Partner.Id];
        var capacity = owners.Select(o => o.CapacityLeft ?? int.MaxValue).ToArray();
        return new BarrierLimits(budget, ownerOf, capacity);
    }

    /// <summary>Null when the dossier does not exist or the reader may not read it (the caller answers 404 for both).</summary>
    public static async Task<DossierBarrierNetwork?> LoadAsync(IGraphDbContext db, GraphSnapshotService snapshots, BarrierModelOptions options,
        Actor actor, string number, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Members).SingleOrDefaultAsync(d => d.Number == number, ct);
        if (dossier is null) return null;
        // The dossier as it is now: a member added or a phase recorded a moment ago counts at once.
        await snapshots.RefreshIfChangedAsync(ct);
        var key = dossier.Id.ToString();
        var graph = snapshots.Current;
        if (!graph.Dossiers.TryGetValue(key, out var info) || !AccessPolicy.MayReadDossier(actor, info)) return null;
        var scope = ViewerScope.For(actor, graph, new SnapshotFilter { Dossier = key });
        var view = scope.Visible;
        var phases = options.EffectivePhases();
        var phaseIndex = phases.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

        int n = view.NodeCount;
        var roles = new BarrierRole[n];
        var facilitators = new List<int>();
        for (int v = 0; v < n; v++)
        {
            var role = view.Node(v).RoleIn(key);
            roles[v] = (role & NodeRole.Perpetrator) != 0 ? BarrierRole.Perpetrator
                : (role & NodeRole.Victim) != 0 ? BarrierRole.Victim
                : (role & NodeRole.Facilitator) != 0 ? BarrierRole.Facilitator
                : BarrierRole.Other;
            if (roles[v] == BarrierRole.Facilitator) facilitators.Add(v);
        }

        var recorded = dossier.Members.Where(m => m.Role == DossierRole.Facilitator && m.BarrierPhase is not null)
            .ToDictionary(m => m.NodeId.ToString(), m => m.BarrierPhase!);
        var companyFacts = await CompanyFactsAsync(db, scope, view, facilitators, ct);
        var incident = ExplorerElements.IncidentTypes(view, facilitators.ToHashSet());
        var phaseOf = new Dictionary<int, FacilitatorPhase>();
        var phaseIds = new int[n];
        Array.Fill(phaseIds, -1);
        foreach (var v in facilitators)
        {
            var node = view.Node(v);
            FacilitatorPhase phase;
            if (recorded.TryGetValue(node.Key, out var code) && phases.FirstOrDefault(p => p.Code == code) is { } chosen)
                phase = new(chosen, true, "vastgelegd door de analist");
            else
            {
                companyFacts.TryGetValue(v, out var facts);
                var suggestion = BarrierPhases.Suggest(node.Kind, incident.GetValueOrDefault(v) ?? [], facts.Sector, facts.Agency);
                var inConfig = suggestion is null ? null : phases.FirstOrDefault(p => p.Code == suggestion.Phase.Code);
                phase = inConfig is null
                    ? new(null, false, "geen fase af te leiden: leg de fase vast")
                    : new(inConfig, false, $"voorgesteld: {suggestion!.Reason}");
            }
            phaseOf[v] = phase;
            if (phase.Phase is { } p) phaseIds[v] = phaseIndex[p.Code];
            else roles[v] = BarrierRole.Other; // without a phase it belongs to no phase network; the page asks for one
        }
        var network = new BarrierNetwork(view.Undirected, roles, phaseIds, [.. phases.Select(p => p.Code)]);
        var owners = await OwnersAsync(db, options, dossier, view, phaseOf, ct);
        return new DossierBarrierNetwork(dossier, scope, view, network, phases, phaseOf, owners);
    }

    /// <summary>The sector and "is an employment agency" statements of facilitator companies, as far as the reader may read them.</summary>
    private static async Task<Dictionary<int, (string? Sector, bool Agency)>> CompanyFactsAsync(IGraphDbContext db, ViewerScope scope,
        GraphSnapshot view, List<int> facilitators, CancellationToken ct)
    {
        var companies = facilitators.Where(v => view.Node(v).Kind == NodeKind.Company)
            .Select(v => (v, Id: Guid.TryParse(view.Node(v).Key, out var g) ? new NodeId(g) : (NodeId?)null))
            .Where(x => x.Id is not null).ToDictionary(x => x.Id!.Value, x => x.v);
        if (companies.Count == 0) return [];
        var ids = companies.Keys.ToList();
        var statements = await db.Statements.AsNoTracking()
            .Where(s => ids.Contains(s.NodeId) && (s.Property == "sector" || s.Property == "isEmploymentAgency")).ToListAsync(ct);
        var result = new Dictionary<int, (string? Sector, bool Agency)>();
        foreach (var s in statements)
        {
            int v = companies[s.NodeId];
            if (!scope.Access.FactReadable(s.Provenance, scope.InTeam(view.Node(v)))) continue;
            var current = result.GetValueOrDefault(v);
            result[v] = s.Property == "sector" ? (s.Value, current.Agency) : (current.Sector, current.Agency || s.Value is "ja" or "true");
        }
        return result;
    }

    private static async Task<Dictionary<int, BarrierOwner?>> OwnersAsync(IGraphDbContext db, BarrierModelOptions options, Dossier dossier,
        GraphSnapshot view, Dictionary<int, FacilitatorPhase> phaseOf, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        // What is already asked of a partner and not finished counts against its capacity for the quarter.
        var open = await db.Interventions.AsNoTracking()
            .Where(i => i.Status == InterventionStatus.Proposed || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress)
            .GroupBy(i => i.AssignedPartnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var owners = new Dictionary<int, BarrierOwner?>();
        foreach (var (v, phase) in phaseOf)
        {
            if (phase.Phase is null) { owners[v] = null; continue; }
            Partner? owner = null;
            foreach (var kind in options.OwnerKinds(phase.Phase.Code, view.Node(v).Kind))
            {
                owner = kind == PartnerKind.Municipality
                    ? partners.FirstOrDefault(p => p.Kind == kind && p.MunicipalityCode == dossier.LeadMunicipalityCode)
                    : partners.Where(p => p.Kind == kind).OrderBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault();
                if (owner is not null) break;
            }
            owners[v] = owner is null ? null
                : new BarrierOwner(owner, owner.InterventionCapacityPerQuarter is { } cap ? Math.Max(0, cap - open.GetValueOrDefault(owner.Id)) : null);
        }
        return owners;
    }
}
