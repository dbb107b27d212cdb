using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Flow;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>
/// Reads of the network for the JSON API and the pages: node details, neighbourhoods, search and the dossier's barrier
/// view. Everything runs on the user's visible part of the snapshot, so a node the user may not see answers exactly as
/// a node that does not exist (null → 404); every read of personal data is written to the audit log.
/// </summary>
public sealed class NetworkQueries(IGraphDbContext db, GraphSnapshotService snapshots, IAuditLog audit)
{
    public const int MaxHops = 3;
    public const int MaxNeighbourhood = 500;

    public async Task<NodeDetailsDto?> NodeAsync(Actor actor, NodeId id, string? purpose, CancellationToken ct = default)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        var root = scope.Graph.Snapshot;
        if (root.IndexOf(id.ToString()) is not { } v || !scope.Access.NodeVisible(v)) return null;
        var snapshotNode = root.Node(v);
        var node = await db.Nodes.AsNoTracking().Include(n => n.Statements).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (node is null) return null;
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var inTeam = scope.InTeam(snapshotNode);
        var pseudonymised = scope.IsPseudonymised(snapshotNode);
        var statements = node.Statements
            .Where(s => !(pseudonymised && AccessPolicy.PseudonymisedProperties.Contains(s.Property)))
            .Select(s => ToDto(node.Kind, s, AccessPolicy.ForFact(actor, s.Provenance, inTeam), partners))
            .Where(s => s is not null).Select(s => s!).ToList();
        var dossierIds = snapshotNode.DossierRoles?.Keys.Where(scope.ReadableDossiers.Contains).Select(Guid.Parse).Select(g => new DossierId(g)).ToList() ?? [];
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id)).Select(d => new { d.Id, d.Number, d.Title }).ToListAsync(ct);
        var roles = await db.DossierMembers.AsNoTracking().Where(m => m.NodeId == id && dossierIds.Contains(m.DossierId)).Select(m => new { m.DossierId, m.Role }).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Node", id.ToString(),
            $"{statements.Count(s => s.Value is not null)} gegevens getoond, {statements.Count(s => s.AskPartner is not null)} alleen als 'vraag na'", purpose), ct);
        return new NodeDetailsDto(id.ToString(), node.Kind.ToString(), scope.Label(snapshotNode), pseudonymised, statements,
            roles.Join(dossiers, r => r.DossierId, d => d.Id, (r, d) => new DossierRoleDto(d.Number, d.Title, r.Role.Dutch())).ToList());
    }

    private static StatementDto? ToDto(NodeKind kind, Statement s, FactAccess access, IReadOnlyDictionary<PartnerId, string> partners)
    {
        var label = NodeSchema.Property(kind, s.Property)?.DutchLabel ?? s.Property;
        var partner = partners.GetValueOrDefault(s.Provenance.SourcePartner, "onbekende partner");
        return access switch
        {
            FactAccess.Readable => new StatementDto(s.Property, label, s.Value, partner, s.Provenance.ObservedAt, s.Provenance.RecordedAt,
                s.Provenance.Grading.Code, s.Provenance.LegalBasis.Dutch(), s.Provenance.HandlingCode.Dutch(), s.Provenance.RetainUntil, null),
            FactAccess.AskPartner => new StatementDto(s.Property, label, null, partner, null, null, null, null, null, null,
                $"Er is een gegeven over {label.ToLowerInvariant()}; vraag het na bij {partner}."),
            _ => null,
        };
    }

    /// <summary>
    /// The neighbours of a node up to <paramref name="hops"/> steps, <paramref name="cap"/> at a time from
    /// <paramref name="offset"/> (see <see cref="NeighbourhoodExpander"/>); null when the node is not in the user's network.
    /// </summary>
    public async Task<GraphDto?> NeighbourhoodAsync(Actor actor, NodeId id, int hops, int cap, string? purpose, CancellationToken ct = default,
        int offset = 0)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        if (scope.Graph.Snapshot.IndexOf(id.ToString()) is not { } start || !scope.Access.NodeVisible(start)) return null;
        var graph = NeighbourhoodExpander.Expand(scope, start, hops, cap, offset);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Netwerk", id.ToString(),
            $"buurt van {hops} stap(pen) vanaf {offset}: {graph.Nodes.Count} entiteiten, {graph.Edges.Count} relaties", purpose), ct);
        return graph;
    }

    /// <summary>The Cytoscape DTO of a set of vertices of the user's visible snapshot and the edges among them.</summary>
    public static GraphDto ToGraph(ViewerScope scope, IReadOnlyCollection<int> vertices, bool truncated)
    {
        var snapshot = scope.Visible;
        var included = vertices.ToHashSet();
        var nodes = included.Order().Select(v => NeighbourhoodExpander.NodeElement(scope, snapshot.Node(v))).ToList();
        // Only the edges around the included vertices are looked at, not every edge of the snapshot.
        var edgeIds = new SortedSet<int>();
        foreach (var v in included)
            foreach (var e in snapshot.IncidentEdges(v))
            {
                var edge = snapshot.Edge(e);
                if (included.Contains(edge.Source) && included.Contains(edge.Target)) edgeIds.Add(e);
            }
        var edges = edgeIds.Select(e => NeighbourhoodExpander.EdgeElement(snapshot, snapshot.Edge(e), snapshot.RootEdgeIndex(e))).ToList();
        return new GraphDto(nodes, edges, truncated);
    }

    public async Task<BarrierDto?> BarriersAsync(Actor actor, string dossierNumber, string? purpose, CancellationToken ct = default)
    {
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Number == dossierNumber).Select(d => new { d.Id, d.Number }).SingleOrDefaultAsync(ct);
        if (dossier is null) return null;
        var key = dossier.Id.ToString();
        // As the barrier page's graph (ExplorerQueries): the dossier as it is now, not as the periodic snapshot last saw
        // it — a dossier opened a moment ago is otherwise "not found" until the next refresh.
        await snapshots.RefreshIfChangedAsync(ct);
        var graph = snapshots.Current;
        if (!graph.Dossiers.TryGetValue(key, out var info) || !AccessPolicy.MayReadDossier(actor, info)) return null;
        var scope = ViewerScope.For(actor, graph, new SnapshotFilter { Dossier = key });
        var view = scope.Visible;
        var scores = FacilitatorBetweenness.Compute(view, key, ct: ct);
        var cut = VertexCut.Minimum(view, key, ct);
        var inCut = cut.Cut.ToHashSet();
        var ranking = Enumerable.Range(0, view.NodeCount).Where(v => view.Node(v).Cuttable)
            .Select(v => new FacilitatorRankDto(view.Node(v).Key, scope.Label(view.Node(v)), view.Node(v).Kind?.ToString(), scores[v], inCut.Contains(v)))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Analysis, "Dossier", key,
            $"barrièreanalyse: {ranking.Count} faciliteerders, snede van {cut.Size}", purpose), ct);
        return new BarrierDto(dossier.Number, view.NodesWithRole(NodeRole.Perpetrator).Length, view.NodesWithRole(NodeRole.Victim).Length, ranking,
            cut.Separable, cut.Cut.Select(v => view.Node(v).Key).ToList(),
            cut.DirectTies.Select(t => $"{scope.Label(view.Node(t.Source))} – {scope.Label(view.Node(t.Target))}").ToList());
    }
}
