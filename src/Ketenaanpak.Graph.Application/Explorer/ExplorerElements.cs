using System.Globalization;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// Turns a set of vertices of the user's visible snapshot into explorer elements: labels as the user may see them
/// (pseudonyms for victims outside their team), source partner and grading from the store, and the edges among them.
/// </summary>
public sealed class ExplorerElements(IGraphDbContext db)
{
    /// <summary>Nodes <paramref name="vertices"/> and the edges among them — or among <paramref name="edgeUniverse"/> with
    /// at least one end in <paramref name="edgeTouches"/>: an expansion adds the new nodes' edges to what is already
    /// drawn, not the whole view's edges again.</summary>
    public async Task<ExplorerGraphDto> BuildAsync(ViewerScope scope, IReadOnlyCollection<int> vertices, int more,
        IReadOnlySet<int>? edgeUniverse = null, IReadOnlySet<int>? edgeTouches = null, CancellationToken ct = default)
    {
        var view = scope.Visible;
        var included = vertices as IReadOnlySet<int> ?? vertices.ToHashSet();
        var facts = await FactsAsync(included.Select(v => view.Node(v).Key), ct);
        var types = IncidentTypes(view, included);
        var edges = Edges(view, edgeUniverse ?? included, edgeTouches);
        var nodes = included.Order().Select(v => new ElementDto<ExplorerNodeData>(Node(scope, view.Node(v), facts, types.GetValueOrDefault(v)))).ToList();
        return new ExplorerGraphDto(nodes, edges, more);
    }

    /// <summary>The elements of an expansion computed on the root snapshot (<see cref="ExplorerExpansion"/>): no cut-out
    /// of the user's visible snapshot, no scan of all edges.</summary>
    public async Task<ExplorerGraphDto> BuildAsync(ViewerScope scope, ExpansionPage expansion, CancellationToken ct = default)
    {
        var root = scope.Graph.Snapshot;
        var fresh = expansion.Fresh.Order().ToList();
        var facts = await FactsAsync(fresh.Select(v => root.Node(v).Key), ct);
        var nodes = fresh.Select(v => new ElementDto<ExplorerNodeData>(Node(scope, root.Node(v), facts,
            root.Node(v).Cuttable ? ExplorerExpansion.VisibleIncidentTypes(root, scope.Access, v) : null))).ToList();
        var edges = expansion.Edges.Select(e => new ElementDto<ExplorerEdgeData>(Edge(root, root.Edge(e.Edge), e.Ordinal))).ToList();
        return new ExplorerGraphDto(nodes, edges, expansion.More);
    }

    /// <summary>The relation types at each cuttable vertex of the set: what its barrier phase is guessed from.</summary>
    public static Dictionary<int, HashSet<RelationType>> IncidentTypes(GraphSnapshot view, IReadOnlySet<int> vertices)
    {
        var types = new Dictionary<int, HashSet<RelationType>>();
        void Add(int v, RelationType t)
        {
            if (!vertices.Contains(v) || !view.Node(v).Cuttable) return;
            if (!types.TryGetValue(v, out var set)) types[v] = set = [];
            set.Add(t);
        }
        for (var e = 0; e < view.EdgeCount; e++)
        {
            var edge = view.Edge(e);
            Add(edge.Source, edge.Type);
            Add(edge.Target, edge.Type);
        }
        return types;
    }

    private static ExplorerNodeData Node(ViewerScope scope, SnapshotNode n, IReadOnlyDictionary<string, (string? Partner, string? Grading)> facts,
        IReadOnlySet<RelationType>? incident)
    {
        var (partner, grading) = facts.GetValueOrDefault(n.Key);
        var kindLabel = n.Kind is { } k ? NodeKindInfo.Of(k).DutchLabel : "Onbekend soort";
        return new ExplorerNodeData(n.Key, scope.Label(n), n.Kind?.ToString(), kindLabel, ViewerScope.RoleName(scope.RoleFor(n)), n.Cuttable,
            scope.IsPseudonymised(n), partner, grading, n.Cuttable ? BarrierPhases.Guess(n.Kind, incident ?? new HashSet<RelationType>())?.Code : null);
    }

    /// <summary>Edges with both ends in <paramref name="included"/> (and one end in <paramref name="touches"/> when
    /// given). One pass over the view's edges, O(m): the undirected CSR merges parallel edges, so it cannot name them.</summary>
    public static List<ElementDto<ExplorerEdgeData>> Edges(GraphSnapshot view, IReadOnlySet<int> included, IReadOnlySet<int>? touches = null)
    {
        var result = new List<ElementDto<ExplorerEdgeData>>();
        var ordinals = new Dictionary<(int, int, RelationType), int>();
        for (var e = 0; e < view.EdgeCount; e++)
        {
            var edge = view.Edge(e);
            if (!included.Contains(edge.Source) || !included.Contains(edge.Target)) continue;
            var key = (edge.Source, edge.Target, edge.Type);
            var ordinal = ordinals.GetValueOrDefault(key);
            ordinals[key] = ordinal + 1;
            if (touches is not null && !touches.Contains(edge.Source) && !touches.Contains(edge.Target)) continue;
            result.Add(new ElementDto<ExplorerEdgeData>(Edge(view, edge, ordinal)));
        }
        return result;
    }

    /// <summary>Id source|target|type|n with n the ordinal among the parallel edges of that type: the same in every
    /// request on the same store, unlike the snapshot's edge index, which depends on what the user may see.</summary>
    private static ExplorerEdgeData Edge(GraphSnapshot view, SnapshotEdge edge, int ordinal)
    {
        var source = view.Node(edge.Source).Key;
        var target = view.Node(edge.Target).Key;
        return new ExplorerEdgeData($"{source}|{target}|{edge.Type}|{ordinal}", source, target, edge.Type.ToString(),
            RelationTypeInfo.Of(edge.Type).DutchLabel, edge.Weight,
            edge.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), edge.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private async Task<IReadOnlyDictionary<string, (string? Partner, string? Grading)>> FactsAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var g) ? new NodeId(g) : (NodeId?)null)
            .Where(g => g is not null).Select(g => g!.Value).ToList();
        if (ids.Count == 0) return new Dictionary<string, (string?, string?)>();
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var result = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Nodes.AsNoTracking().Where(n => chunk.Contains(n.Id))
                .Select(n => new { n.Id, n.Provenance.SourcePartner, n.Provenance.Grading }).ToListAsync(ct);
            foreach (var r in rows) result[r.Id.ToString()] = (partners.GetValueOrDefault(r.SourcePartner), r.Grading.Code);
        }
        return result;
    }
}
