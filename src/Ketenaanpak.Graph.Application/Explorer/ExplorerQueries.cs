using Ketenaanpak.Graph.Analytics.Connectivity;
using Ketenaanpak.Graph.Analytics.Flow;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// The explorer's reads: expand a node page by page, reopen a set of nodes, a dossier's graph for the barrier view and
/// the what-if of barring facilitators. All on the user's visible snapshot, so a node the user may not see answers
/// as one that does not exist (null → 404); every read is written to the audit log.
/// </summary>
public sealed class ExplorerQueries(IGraphDbContext db, GraphSnapshotService snapshots, ExplorerElements elements, IAuditLog audit, HubWarmer warmer)
{
    public const int MaxPage = 200;
    public const int MaxViewNodes = 5000;

    /// <summary>The node (when not yet in view) and the next <paramref name="take"/> of its neighbours not in view,
    /// busiest first, with the edges that connect them to what is drawn (<see cref="ExplorerExpansion"/>).</summary>
    public async Task<ExplorerGraphDto?> ExpandAsync(Actor actor, NodeId id, int skip, int take, IReadOnlyCollection<string> inView,
        CancellationToken ct = default)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        var root = scope.Graph.Snapshot;
        if (root.IndexOf(id.ToString()) is not { } start) return null;
        var drawn = inView.Select(root.IndexOf).Where(v => v is not null && scope.Access.NodeVisible(v.Value)).Select(v => v!.Value).ToHashSet();
        warmer.Remember(actor, scope.Access.Profile);
        if (ExplorerExpansion.Expand(scope, start, skip, take, drawn) is not { } expansion) return null;
        var page = expansion.Page;
        var graph = await elements.BuildAsync(scope, expansion, ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Netwerk", id.ToString(),
            $"verkenner: {page.Count} buren getoond, {graph.More} nog niet", null), ct);
        return graph;
    }

    /// <summary>The nodes of <paramref name="ids"/> the user may (still) see and the edges among them: a reopened view.</summary>
    public async Task<ExplorerGraphDto> ElementsAsync(Actor actor, IReadOnlyCollection<string> ids, string reason, CancellationToken ct = default)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        var vertices = ids.Select(scope.Visible.IndexOf).Where(v => v is not null).Select(v => v!.Value).ToHashSet();
        var graph = await elements.BuildAsync(scope, vertices, 0, ct: ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Netwerk", null,
            $"{reason}: {graph.Nodes.Count} entiteiten, {graph.Edges.Count} relaties", null), ct);
        return graph;
    }

    /// <summary>Every node of an imported dataset the user may see and the edges among them; null when the user sees none of
    /// it (or it does not exist), <see cref="MaxViewNodes"/>+1 nodes at most are looked up (the caller refuses more).</summary>
    public async Task<(ExplorerGraphDto? Graph, bool TooBig)> DatasetGraphAsync(Actor actor, string dataset, CancellationToken ct = default)
    {
        var prefix = Bulk.ImportKeys.DatasetPrefix(dataset);
        var ids = await db.Nodes.AsNoTracking().Where(n => n.MergedInto == null && n.Provenance.SourceReference!.StartsWith(prefix))
            .Select(n => n.Id).Take(MaxViewNodes + 1).ToListAsync(ct);
        // Opened straight from the import report: the periodic refresh may not have taken the new rows in yet.
        if (ids.Count > 0 && snapshots.Current.Snapshot.IndexOf(ids[0].ToString()) is null)
            await snapshots.RefreshIfChangedAsync(ct);
        var scope = ViewerScope.For(actor, snapshots.Current);
        var root = scope.Graph.Snapshot;
        var visible = ids.Select(i => root.IndexOf(i.ToString())).Where(v => v is not null && scope.Access.NodeVisible(v.Value)).Select(v => v!.Value).ToList();
        if (visible.Count == 0) return (null, false);
        if (visible.Count > MaxViewNodes) return (null, true);
        var graph = await elements.BuildAsync(scope, new ExpansionPage(visible, [], 0,
            ExplorerExpansion.EdgesTouching(root, scope.Access, visible.ToHashSet(), visible.ToHashSet())), ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Netwerk", null,
            $"verkenner: dataset {dataset} geopend, {graph.Nodes.Count} entiteiten, {graph.Edges.Count} relaties", null), ct);
        return (graph, false);
    }

    /// <summary>The dossier's graph with its facilitators' phase, awareness and barrier owner; null when the user may not read it.</summary>
    public async Task<DossierGraphDto?> DossierGraphAsync(Actor actor, string number, CancellationToken ct = default)
    {
        if (await DossierScopeAsync(actor, number, ct, refresh: true) is not var (dossier, scope)) return null;
        var view = scope.Visible;
        var all = Enumerable.Range(0, view.NodeCount).ToHashSet();
        var graph = await elements.BuildAsync(scope, all, 0, ct: ct);
        var awareness = await db.DossierMembers.AsNoTracking().Where(m => m.DossierId == dossier.Id && m.Role == DossierRole.Facilitator)
            .Select(m => new { m.NodeId, m.Awareness }).ToListAsync(ct);
        var awareOf = awareness.ToDictionary(a => a.NodeId.ToString(), a => a.Awareness);
        var types = ExplorerElements.IncidentTypes(view, all);
        var facilitators = all.Where(v => view.Node(v).Cuttable).Select(v =>
        {
            var node = view.Node(v);
            var phase = BarrierPhases.Guess(node.Kind, types.GetValueOrDefault(v) ?? []);
            return new FacilitatorDetailDto(node.Key, phase?.Code, phase?.DutchName ?? "Onbekend", phase?.BarrierOwners ?? "Nog te bepalen",
                awareOf.TryGetValue(node.Key, out var a) ? a.Dutch() : FacilitatorAwareness.Unknown.Dutch());
        }).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Dossier", dossier.Id.ToString(),
            $"barrièreweergave: {graph.Nodes.Count} entiteiten, {facilitators.Count} faciliteerders", null), ct);
        return new DossierGraphDto(dossier.Number, dossier.Title, graph, facilitators,
            BarrierPhase.Default.Select(p => new PhaseDto(p.Code, p.Order, p.DutchName, p.BarrierOwners)).ToList());
    }

    /// <summary>Which victims lose every connection to a perpetrator of the dossier when <paramref name="remove"/> are barred.</summary>
    public async Task<WhatIfDto?> WhatIfAsync(Actor actor, string number, IReadOnlyCollection<string> remove, CancellationToken ct = default)
    {
        if (await DossierScopeAsync(actor, number, ct) is not var (dossier, scope)) return null;
        var view = scope.Visible;
        var removed = remove.Select(view.IndexOf).Where(v => v is not null).Select(v => v!.Value).Distinct().ToList();
        if (removed.Count != remove.Distinct().Count()) return null;
        var perpetrators = view.NodesWithRole(NodeRole.Perpetrator);
        var victims = view.NodesWithRole(NodeRole.Victim);
        var result = WhatIf.Remove(view.Undirected, removed, perpetrators, victims, new WhatIfOptions(ExactDistanceUpTo: 2000), ct);
        var before = Components.Connected(view.Undirected, ct).ComponentOf;
        var reachedBefore = victims.Where(t => perpetrators.Any(s => s != t && before[s] == before[t])).ToList();
        var lostPairs = result.DisconnectedPairs.GroupBy(p => p.Target).ToDictionary(g => g.Key, g => g.Count());
        var cutOff = reachedBefore.Where(t => lostPairs.GetValueOrDefault(t) == perpetrators.Count(s => s != t && before[s] == before[t])).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Analysis, "Dossier", dossier.Id.ToString(),
            $"wat-als: {removed.Count} faciliteerder(s) weg, {cutOff.Count} slachtoffer(s) afgesneden", null), ct);
        return new WhatIfDto(removed.Select(v => view.Node(v).Key).ToList(), (int)result.Before.ConnectedPairs, result.DisconnectedPairs.Length,
            cutOff.Select(v => view.Node(v).Key).ToList(), cutOff.Select(v => scope.Label(view.Node(v))).ToList());
    }

    /// <param name="refresh">Opening the barrier view shows the dossier as it is now: a dossier opened or a member added
    /// a moment ago may not be in the periodic snapshot yet, so the snapshot is brought up to date first when the store
    /// changed (a fingerprint query when it did not).</param>
    private async Task<(Dossier Dossier, ViewerScope Scope)?> DossierScopeAsync(Actor actor, string number, CancellationToken ct, bool refresh = false)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Number == number, ct);
        if (dossier is null) return null;
        if (refresh) await snapshots.RefreshIfChangedAsync(ct);
        var key = dossier.Id.ToString();
        var graph = snapshots.Current;
        if (!graph.Dossiers.TryGetValue(key, out var info) || !AccessPolicy.MayReadDossier(actor, info)) return null;
        return (dossier, ViewerScope.For(actor, graph, new SnapshotFilter { Dossier = key }));
    }
}
