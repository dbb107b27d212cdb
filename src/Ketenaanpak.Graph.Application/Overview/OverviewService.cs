using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Overview;

public sealed record DossierSummary(string Number, string Title, string Municipality, DossierStage Stage, int Perpetrators, int Victims, int Facilitators);

/// <summary>The figures of the start page: aggregates only, no personal data.</summary>
public sealed record RegionOverview(
    bool IsDemo,
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
    public async Task<RegionOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var yearAgo = today.AddYears(-1);
        var partners = await db.Partners.AsNoTracking().GroupBy(p => p.IsCovenant).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byKind = await db.Nodes.AsNoTracking().Where(n => n.MergedInto == null).GroupBy(n => n.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var byStage = await db.Dossiers.AsNoTracking().GroupBy(d => d.Stage)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var open = await db.Interventions.AsNoTracking()
            .Where(i => i.Status == InterventionStatus.Proposed || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress)
            .Select(i => i.DueDate).ToListAsync(cancellationToken);
        var members = await db.DossierMembers.AsNoTracking().GroupBy(m => new { m.DossierId, m.Role })
            .Select(g => new { g.Key.DossierId, g.Key.Role, Count = g.Count() }).ToListAsync(cancellationToken);
        var dossiers = await db.Dossiers.AsNoTracking().OrderByDescending(d => d.Number)
            .Select(d => new { d.Id, d.Number, d.Title, d.LeadMunicipalityCode, d.Stage }).ToListAsync(cancellationToken);
        int Count(Domain.Common.DossierId id, DossierRole role) => members.Where(m => m.DossierId == id && m.Role == role).Sum(m => m.Count);

        return new RegionOverview(
            IsDemo: await db.Partners.AnyAsync(cancellationToken) && await db.Nodes.AnyAsync(n => n.Provenance.SourceReference == DemoRegionLoader.SourceReference, cancellationToken),
            CovenantPartners: partners.Where(p => p.Key).Sum(p => p.Count),
            OtherPartners: partners.Where(p => !p.Key).Sum(p => p.Count),
            Signals: await db.Signals.CountAsync(cancellationToken),
            SignalsLastYear: await db.Signals.CountAsync(s => s.ObservedOn >= yearAgo, cancellationToken),
            UrgentSignals: await db.Signals.CountAsync(s => s.Urgent, cancellationToken),
            NodesByKind: byKind,
            Relations: await db.Relations.CountAsync(cancellationToken),
            DossiersByStage: byStage,
            OpenInterventions: open.Count,
            OverdueInterventions: open.Count(d => d is { } due && due < today),
            Dossiers: dossiers.Select(d => new DossierSummary(d.Number, d.Title, Municipality.NameOf(d.LeadMunicipalityCode), d.Stage,
                Count(d.Id, DossierRole.Perpetrator), Count(d.Id, DossierRole.Victim), Count(d.Id, DossierRole.Facilitator))).ToList());
    }
}
