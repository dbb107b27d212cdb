using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Explorer;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Tests.Search;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Tests.Explorer;

/// <summary>
/// The explorer's expand on the incidence lists (<see cref="ExplorerExpansion"/>) must answer what the previous way
/// answered — cut the user's whole visible snapshot out, rank all neighbours not drawn by degree, label, key — page by
/// page, with the same edges and edge ids, for users with different rights, on random graphs with parallel edges,
/// self-loops, tied labels and a random provenance mix.
/// </summary>
public sealed class ExplorerExpansionEquivalenceTests
{
    /// <summary>The previous algorithm, on the visible cut-out (kept here as the reference).</summary>
    private static (List<string> Page, int More, List<string> Edges) Reference(ViewerScope scope, string startKey, int skip, int take, IReadOnlySet<string> drawnKeys)
    {
        var view = scope.Visible;
        var start = view.IndexOf(startKey)!.Value;
        var drawn = drawnKeys.Select(view.IndexOf).Where(v => v is not null).Select(v => v!.Value).ToHashSet();
        var g = view.Undirected;
        var candidates = g.Neighbors(start).ToArray().Distinct().Where(w => !drawn.Contains(w))
            .OrderByDescending(g.Degree).ThenBy(w => scope.Label(view.Node(w)), StringComparer.Ordinal).ThenBy(w => view.Node(w).Key, StringComparer.Ordinal).ToList();
        var page = candidates.Skip(skip).Take(take).ToList();
        var fresh = new HashSet<int>(page);
        if (!drawn.Contains(start)) fresh.Add(start);
        var universe = new HashSet<int>(drawn);
        universe.UnionWith(fresh);
        var edges = ExplorerElements.Edges(view, universe, new HashSet<int>(page) { start }).Select(e => e.Data.Id).ToList();
        return (page.Select(v => view.Node(v).Key).ToList(), Math.Max(0, candidates.Count - skip - page.Count), edges);
    }

    private static string EdgeId(GraphSnapshot root, (int Edge, int Ordinal) e)
    {
        var edge = root.Edge(e.Edge);
        return $"{root.Node(edge.Source).Key}|{root.Node(edge.Target).Key}|{edge.Type}|{e.Ordinal}";
    }

    [Theory]
    [InlineData(11, 300, 900)]
    [InlineData(12, 120, 1500)]
    [InlineData(13, 400, 600)]
    public void Expand_RandomGraphs_SamePagesAndEdgesAsTheVisibleCutOut(int seed, int n, int m)
    {
        var store = ExpandEquivalenceTests.RandomStore(seed, n, m);
        var root = store.Snapshot;
        var random = new Random(seed);
        var compared = 0;
        // The second pass is another user with the same rights: the visible degrees counted in the first pass are
        // shared (VisibleDegrees caches them per store graph and access profile) and must give the same answers.
        var users = ExpandEquivalenceTests.Actors.Concat(ExpandEquivalenceTests.Actors.Select(a => a with { UserId = a.UserId + "-2", UserName = a.UserName + " 2" }));
        foreach (var actor in users)
        {
            var scope = ViewerScope.For(actor, store);
            for (var v = 0; v < root.NodeCount; v += 5)
            {
                var key = root.Node(v).Key;
                // Something already drawn: a few random nodes (some invisible to this user), sometimes the start itself.
                var drawnKeys = Enumerable.Range(0, random.Next(6)).Select(_ => root.Node(random.Next(root.NodeCount)).Key).ToHashSet();
                if (random.Next(3) == 0) drawnKeys.Add(key);
                var drawn = drawnKeys.Select(root.IndexOf).Where(w => scope.Access.NodeVisible(w!.Value)).Select(w => w!.Value).ToHashSet();
                var (skip, take) = (random.Next(3) * 2, 1 + random.Next(4));
                var actual = ExplorerExpansion.Expand(scope, v, skip, take, drawn);
                if (!scope.Access.NodeVisible(v)) { Assert.Null(actual); continue; }
                var expected = Reference(scope, key, skip, take, drawnKeys);
                Assert.NotNull(actual);
                Assert.Equal(expected.Page, actual.Page.Select(w => root.Node(w).Key).ToList());
                Assert.Equal(expected.More, actual.More);
                Assert.Equal(expected.Edges.Order(StringComparer.Ordinal), actual.Edges.Select(e => EdgeId(root, e)).Order(StringComparer.Ordinal));
                Assert.Equal(drawn.Contains(v) ? expected.Page.Count : expected.Page.Count + 1, actual.Fresh.Count);
                compared++;
            }
        }
        Assert.True(compared > 60, $"only {compared} expansions compared");
    }

    /// <summary>The neighbourhood API's pages (which sort only what a page shows) concatenate to the fully sorted order.</summary>
    [Theory]
    [InlineData(31, 1)]
    [InlineData(32, 2)]
    public void NeighbourhoodPages_ConcatenateToTheFullySortedOrder(int seed, int hops)
    {
        var store = ExpandEquivalenceTests.RandomStore(seed, 150, 900);
        foreach (var actor in ExpandEquivalenceTests.Actors)
        {
            var scope = ViewerScope.For(actor, store);
            for (var v = 0; v < store.Snapshot.NodeCount; v += 9)
            {
                if (!scope.Access.NodeVisible(v)) continue;
                var full = NeighbourhoodExpander.Expand(scope, v, hops, cap: 10_000, offset: 0).Nodes.Skip(1).Select(n => n.Data.Id).ToList();
                var paged = new List<string>();
                for (var offset = 0; offset < full.Count + 3; offset += 3)
                {
                    var page = NeighbourhoodExpander.Expand(scope, v, hops, cap: 3, offset);
                    paged.AddRange(page.Nodes.Skip(1).Select(n => n.Data.Id));
                    Assert.Equal(Math.Max(0, full.Count - offset - 3), page.Remaining);
                }
                Assert.Equal(full, paged);
            }
        }
    }

    [Fact]
    public void VisibleIncidentTypes_MatchTheCutOut()
    {
        var store = ExpandEquivalenceTests.RandomStore(21, 200, 700);
        foreach (var actor in ExpandEquivalenceTests.Actors)
        {
            var scope = ViewerScope.For(actor, store);
            var view = scope.Visible;
            var all = Enumerable.Range(0, view.NodeCount).ToHashSet();
            var types = new Dictionary<int, HashSet<RelationType>>();
            for (var e = 0; e < view.EdgeCount; e++)
                foreach (var end in new[] { view.Edge(e).Source, view.Edge(e).Target })
                    (types.TryGetValue(end, out var set) ? set : types[end] = []).Add(view.Edge(e).Type);
            foreach (var v in all)
            {
                var rootId = store.Snapshot.IndexOf(view.Node(v).Key)!.Value;
                Assert.Equal(types.GetValueOrDefault(v) ?? [], ExplorerExpansion.VisibleIncidentTypes(store.Snapshot, scope.Access, rootId));
            }
        }
    }
}
