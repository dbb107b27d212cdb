using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Overview;

public sealed record DossierSummary(string Number, string Title, string Municipality, DossierStage Stage, int Perpetrators, int Victims, int Facilitators);

public sealed record OwnSignal(string Number, DateOnly ObservedOn, SignalStatus Status, string? Feedback);

/// <summary>
/// The figures of the start page: aggregates only, no personal data, and only over what the user may see. A partner
/// contributor (no network access) gets only the list of their own organisation's signals with status and feedback.
/// </summary>
public sealed record RegionOverview(
    bool IsDemo,
    bool NetworkAccess,
    bool WholeRegion,
    IReadOnlyList<OwnSignal> OwnSignals,
    int CovenantPartners,
    int OtherPartners,
    int Signals,
    int SignalsLastYear,
    int UrgentSignals,
    IReadOnlyDictionary<NodeKind, int> NodesByKind,
    int Relations,
    IReadOnlyDictionary<DossierStage, int> DossiersByStage,
    int OpenInterventions,
    int OverdueInterventions,
    IReadOnlyList<DossierSummary> Dossiers);

public sealed class OverviewService(IGraphDbContext db, TimeProvider clock)
{
    public async Task<RegionOverview> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var isDemo = await db.Nodes.AnyAsync(n => n.Provenance.SourceReference == DemoRegionLoader.SourceReference, cancellationToken);
        var own = await db.Signals.AsNoTracking().Where(s => s.Provenance.SourcePartner == actor.PartnerId)
            .OrderByDescending(s => s.ObservedOn).Take(50)
            .Select(s => new OwnSignal(s.Number, s.ObservedOn, s.Status, s.Feedback)).ToListAsync(cancellationToken);
        if (!AccessPolicy.MayReadNetwork(actor))
            return new RegionOverview(isDemo, false, false, own, 0, 0, 0, 0, 0, new Dictionary<NodeKind, int>(), 0,
                new Dictionary<DossierStage, int>(), 0, 0, []);

        var visible = (await db.Dossiers.AsNoTracking().Include(d => d.Shares).ToListAsync(cancellationToken))
            .Where(d => AccessPolicy.MayReadDossier(actor, DossierAccessInfo.Of(d)))
            .ToList();
        var visibleIds = visible.Select(d => d.Id).ToHashSet();
        var wholeRegion = AccessPolicy.SeesAllDossiers(actor);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var yearAgo = today.AddYears(-1);
        var partners = await db.Partners.AsNoTracking().GroupBy(p => p.IsCovenant).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var members = (await db.DossierMembers.AsNoTracking().Select(m => new { m.DossierId, m.NodeId, m.Role }).ToListAsync(cancellationToken))
            .Where(m => visibleIds.Contains(m.DossierId)).ToList();
        var memberIds = members.Select(m => m.NodeId).ToHashSet();
        // Outside the RIEC, entity figures cover only the entities of the dossiers the user may read.
        var nodes = wholeRegion
            ? await db.Nodes.AsNoTracking().Where(n => n.MergedInto == null).Select(n => new { n.Id, n.Kind }).ToListAsync(cancellationToken)
            : (await db.Nodes.AsNoTracking().Select(n => new { n.Id, n.Kind }).ToListAsync(cancellationToken)).Where(n => memberIds.Contains(n.Id)).ToList();
        var byKind = nodes.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Count());
        var nodeIds = nodes.Select(n => n.Id).ToHashSet();
        var relations = wholeRegion
            ? await db.Relations.CountAsync(cancellationToken)
            : (await db.Relations.AsNoTracking().Select(r => new { r.SourceId, r.TargetId }).ToListAsync(cancellationToken)).Count(r => nodeIds.Contains(r.SourceId) && nodeIds.Contains(r.TargetId));
        var byStage = visible.GroupBy(d => d.Stage).ToDictionary(g => g.Key, g => g.Count());
        var open = (await db.Interventions.AsNoTracking()
            .Where(i => i.Status == InterventionStatus.Proposed || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress)
            .Select(i => new { i.DossierId, i.DueDate }).ToListAsync(cancellationToken)).Where(i => visibleIds.Contains(i.DossierId)).Select(i => i.DueDate).ToList();
        var dossiers = visible.OrderByDescending(d => d.Number).ToList();
        int Count(DossierId id, DossierRole role) => members.Count(m => m.DossierId == id && m.Role == role);

        return new RegionOverview(
            IsDemo: isDemo,
            NetworkAccess: true,
            WholeRegion: wholeRegion,
            OwnSignals: own,
            CovenantPartners: partners.Where(p => p.Key).Sum(p => p.Count),
            OtherPartners: partners.Where(p => !p.Key).Sum(p => p.Count),
            Signals: await db.Signals.CountAsync(cancellationToken),
            SignalsLastYear: await db.Signals.CountAsync(s => s.ObservedOn >= yearAgo, cancellationToken),
            UrgentSignals: await db.Signals.CountAsync(s => s.Urgent, cancellationToken),
            NodesByKind: byKind,
            Relations: relations,
            DossiersByStage: byStage,
            OpenInterventions: open.Count,
            OverdueInterventions: open.Count(d => d is { } due && due < today),
            Dossiers: dossiers.Select(d => new DossierSummary(d.Number, d.Title, Municipality.NameOf(d.LeadMunicipalityCode), d.Stage,
                Count(d.Id, DossierRole.Perpetrator), Count(d.Id, DossierRole.Victim), Count(d.Id, DossierRole.Facilitator))).ToList());
    }
}
