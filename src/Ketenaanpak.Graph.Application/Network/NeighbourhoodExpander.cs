using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>
/// The explorer's expand: the neighbours of one node up to a number of hops, one page at a time. It walks the root
/// snapshot's incidence lists (<see cref="GraphSnapshot.IncidentEdges"/>) and asks the user's <see cref="ViewerScope.Access"/>
/// only about the nodes and edges it touches, so an expand costs O(edges around the answer), not O(store) — the
/// whole-store cut-out of <see cref="ViewerScope.Visible"/> is never built. Reachability is the same as a BFS over the
/// visible snapshot: an edge is followed when it and both its ends are readable.
/// </summary>
/// <remarks>
/// Order of the candidates: by hop, then by the label the user sees (a pseudonym for pseudonymised victims, so the
/// order reveals nothing the labels do not), then by key — deterministic, so <c>offset</c> pages through them. The
/// answer holds the start node and one page of candidates; its edges are those between a page node and the start or any
/// candidate of this or an earlier page (what the client already has), so a later page may hold edges that end at nodes
/// of earlier pages. Enumeration stops after <see cref="MaxCandidates"/> candidates; <c>Remaining</c> is then a lower bound.
/// </remarks>
public static class NeighbourhoodExpander
{
    /// <summary>How many candidates one expand enumerates at most (a 3-hop expand from a hub could reach the whole store).</summary>
    public const int MaxCandidates = 100_000;

    public static GraphDto Expand(ViewerScope scope, int start, int hops, int cap, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hops, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var g = scope.Graph.Snapshot;
        var access = scope.Access;
        var hop = new Dictionary<int, int> { [start] = 0 };
        var hidden = new HashSet<int>();
        var order = new List<int>();
        var frontier = new List<int> { start };
        var budgetHit = false;
        for (var d = 1; d <= hops && frontier.Count > 0 && !budgetHit; d++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
            {
                var node = g.Node(v);
                foreach (var e in g.IncidentEdges(v))
                {
                    var edge = g.Edge(e);
                    var w = edge.Source == v ? edge.Target : edge.Source;
                    if (hop.ContainsKey(w) || hidden.Contains(w)) continue;
                    if (!access.NodeVisible(w)) { hidden.Add(w); continue; }
                    if (!access.EdgeReadable(e, node, g.Node(w))) continue;
                    hop[w] = d;
                    next.Add(w);
                    if (order.Count + next.Count >= MaxCandidates) { budgetHit = true; break; }
                }
                if (budgetHit) break;
            }
            order.AddRange(InOrder(scope, g, next, offset + cap - order.Count));
            frontier = next;
        }

        var pageCount = Math.Max(0, Math.Min(cap, order.Count - offset));
        var page = order.GetRange(Math.Min(offset, order.Count), pageCount);
        var known = new HashSet<int>(order.Take(offset + pageCount)) { start };
        var nodes = new List<ElementDto<NodeData>>(page.Count + 1) { NodeElement(scope, g.Node(start)) };
        nodes.AddRange(page.Select(v => NodeElement(scope, g.Node(v))));
        var emitted = new HashSet<int>();
        var edges = new List<ElementDto<EdgeData>>();
        foreach (var v in page)
            foreach (var e in g.IncidentEdges(v))
            {
                var edge = g.Edge(e);
                var w = edge.Source == v ? edge.Target : edge.Source;
                if (!known.Contains(w) || !emitted.Add(e)) continue;
                if (!access.EdgeReadable(e, g.Node(edge.Source), g.Node(edge.Target))) continue;
                edges.Add(EdgeElement(g, edge, e));
            }
        var remaining = order.Count - offset - pageCount;
        return new GraphDto(nodes, edges, remaining > 0 || budgetHit) { Remaining = Math.Max(0, remaining) };
    }

    /// <summary>One hop's nodes by label, then key — but only the first <paramref name="shown"/> need their place: a hub's
    /// 10^4–10^5 neighbours are not all sorted to page through the first 200 (a bounded heap picks those, O(d log shown));
    /// the rest follow in any order, since only their number is reported.</summary>
    private static List<int> InOrder(ViewerScope scope, GraphSnapshot g, List<int> hop, int shown)
    {
        if (shown <= 0) return hop;
        var labels = new Dictionary<int, string>(hop.Count);
        foreach (var w in hop) labels[w] = scope.Label(g.Node(w));
        Comparison<int> byLabel = (a, b) => string.CompareOrdinal(labels[a], labels[b]) is var c && c != 0 ? c : string.CompareOrdinal(g.Node(a).Key, g.Node(b).Key);
        if (shown >= hop.Count)
        {
            var all = new List<int>(hop);
            all.Sort(byLabel);
            return all;
        }
        var heap = new PriorityQueue<int, int>(shown + 1, Comparer<int>.Create((a, b) => byLabel(b, a))); // largest on top
        foreach (var w in hop)
        {
            heap.Enqueue(w, w);
            if (heap.Count > shown) heap.Dequeue();
        }
        var first = new List<int>(shown);
        while (heap.Count > 0) first.Add(heap.Dequeue());
        first.Sort(byLabel);
        var chosen = first.ToHashSet();
        first.AddRange(hop.Where(w => !chosen.Contains(w)));
        return first;
    }

    internal static ElementDto<NodeData> NodeElement(ViewerScope scope, SnapshotNode n) => new(new NodeData(n.Key, scope.Label(n),
        n.Kind?.ToString(), ViewerScope.RoleName(scope.RoleFor(n)), n.Cuttable, scope.IsPseudonymised(n)));

    /// <param name="rootEdge">The edge's index in the root snapshot: edge ids stay the same whichever view an answer came from.</param>
    internal static ElementDto<EdgeData> EdgeElement(GraphSnapshot g, SnapshotEdge edge, int rootEdge)
    {
        var source = g.Node(edge.Source).Key;
        var target = g.Node(edge.Target).Key;
        return new(new EdgeData($"{source}|{target}|{edge.Type}|{rootEdge}", source, target, edge.Type.ToString(),
            RelationTypeInfo.Of(edge.Type).DutchLabel, edge.Weight));
    }
}
