using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Resolution;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>
/// Makes the store's MergedInto agree with the decision graph: every group judged "same" has one survivor (its oldest
/// node: version-7 ids sort by creation) and the others point at it; a node no longer in a group points nowhere. Nothing
/// else changes — statements and relations stay on the node that brought them, so an unmerge gives back exactly what
/// was there (the snapshot folds merged nodes into their survivor).
/// </summary>
public static class Merges
{
    public static async Task<int> ReconcileAsync(IGraphDbContext db, DecisionGraph graph, CancellationToken ct, IEnumerable<NodeId>? alsoCheck = null)
    {
        var want = new Dictionary<NodeId, NodeId?>();
        foreach (var group in graph.Groups())
        {
            var survivor = group[0];
            foreach (var n in group) want[n] = n == survivor ? null : survivor;
        }
        var ids = want.Keys.Concat(alsoCheck ?? []).Distinct().ToList();
        var idSet = ids.ToHashSet();
        var nodes = await db.Nodes.Where(n => ids.Contains(n.Id) || n.MergedInto != null).ToListAsync(ct);
        var changed = 0;
        foreach (var node in nodes)
        {
            // Merges outside these groups (made before judgements were kept) are left alone.
            if (!idSet.Contains(node.Id) && !(node.MergedInto is { } into && idSet.Contains(into))) continue;
            var target = want.GetValueOrDefault(node.Id);
            if (node.MergedInto == target) continue;
            if (target is { } t) node.MergeInto(t); else node.Unmerge();
            changed++;
        }
        return changed;
    }
}
