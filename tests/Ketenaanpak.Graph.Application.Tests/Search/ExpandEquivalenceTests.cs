using Ketenaanpak.Graph.Analytics.Paths;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Tests.Search;

/// <summary>
/// The local expand must see exactly what a BFS over the user's whole visible snapshot sees (the previous, O(store)
/// way): same nodes, for users with different rights, on random graphs with a random provenance mix.
/// </summary>
public sealed class ExpandEquivalenceTests
{
    private static readonly PartnerId Riec = new(Guid.Parse("00000000-0000-0000-0000-000000000001")),
        Police = new(Guid.Parse("00000000-0000-0000-0000-000000000002")),
        Town = new(Guid.Parse("00000000-0000-0000-0000-000000000003"));

    internal static readonly Actor[] Actors =
    [
        new("a", "analist", Roles.RiecAnalyst, Riec, PartnerKind.Riec, true, null),
        new("c", "coordinator", Roles.MunicipalCoordinator, Town, PartnerKind.Municipality, true, "0153"),
        new("p", "politie", Roles.CaseMeetingMember, Police, PartnerKind.Police, true, null),
    ];

    internal static StoreGraph RandomStore(int seed, int n, int m)
    {
        var random = new Random(seed);
        PartnerId[] partners = [Riec, Police, Town];
        FactTag Tag() => new(partners[random.Next(3)], (HandlingCode)random.Next(1, 5), random.Next(4) == 0 ? LegalBasis.PoliceDataAct : LegalBasis.Covenant);
        var dossiers = new Dictionary<string, DossierAccessInfo>();
        for (var d = 0; d < 4; d++)
        {
            var id = new DossierId(Guid.NewGuid());
            dossiers[id.ToString()] = new DossierAccessInfo(id, partners[random.Next(3)], d == 0 ? "0153" : "0164", d == 1 ? [Town] : []);
        }
        var keys = dossiers.Keys.ToArray();
        var builder = new SnapshotBuilder();
        var nodeFacts = new List<FactTag>();
        for (var v = 0; v < n; v++)
        {
            var roles = random.Next(3) == 0 ? new Dictionary<string, NodeRole> { [keys[random.Next(keys.Length)]] = (NodeRole)(1 << random.Next(3)) } : null;
            builder.AddNode(new SnapshotNode(Guid.NewGuid().ToString(), $"n{random.Next(1000)}", NodeKind.Person, roles?.Values.First() ?? NodeRole.None, false, roles));
            nodeFacts.Add(Tag());
        }
        var edgeFacts = new List<FactTag>();
        for (var e = 0; e < m; e++)
        {
            builder.AddEdge(random.Next(n), random.Next(n), RelationType.Associate);
            edgeFacts.Add(Tag());
        }
        return new StoreGraph(builder.Build(1), [.. nodeFacts], [.. edgeFacts], dossiers, "test");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void Expand_RandomGraphs_SameNodesAsBfsOverTheVisibleSnapshot(int seed, int hops)
    {
        var store = RandomStore(seed, 300, 900);
        foreach (var actor in Actors)
        {
            var scope = ViewerScope.For(actor, store);
            var visible = scope.Visible;
            for (var v = 0; v < store.Snapshot.NodeCount; v += 7)
            {
                var key = store.Snapshot.Node(v).Key;
                var expected = visible.IndexOf(key) is { } start
                    ? PathFinder.KHop(visible.Undirected, start, hops).Vertices.Select(w => visible.Node(w).Key).ToHashSet()
                    : null;
                if (!scope.Access.NodeVisible(v))
                {
                    Assert.Null(expected);
                    continue;
                }
                var answer = NeighbourhoodExpander.Expand(scope, v, hops, cap: 10_000, offset: 0);
                Assert.Equal(expected, answer.Nodes.Select(x => x.Data.Id).ToHashSet());
                Assert.False(answer.Truncated);
                // Edges only between answered nodes, each readable and once.
                var ids = answer.Nodes.Select(x => x.Data.Id).ToHashSet();
                Assert.All(answer.Edges, e => Assert.True(ids.Contains(e.Data.Source) && ids.Contains(e.Data.Target)));
                Assert.Equal(answer.Edges.Count, answer.Edges.Select(e => e.Data.Id).Distinct().Count());
                // ... and exactly the visible snapshot's edges among them, self-loops included (ids carry the root edge index).
                var expectedEdges = Enumerable.Range(0, visible.EdgeCount).Where(e => ids.Contains(visible.Node(visible.Edge(e).Source).Key) && ids.Contains(visible.Node(visible.Edge(e).Target).Key))
                    .Select(visible.RootEdgeIndex).ToHashSet();
                var actualEdges = answer.Edges.Select(e => int.Parse(e.Data.Id[(e.Data.Id.LastIndexOf('|') + 1)..])).ToHashSet();
                Assert.True(expectedEdges.SetEquals(actualEdges), $"missing {string.Join(",", expectedEdges.Except(actualEdges).Select(e => store.Snapshot.Edge(e)))} extra {string.Join(",", actualEdges.Except(expectedEdges).Select(e => store.Snapshot.Edge(e)))}");
            }
        }
    }
}
