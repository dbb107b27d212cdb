using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Explorer;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Tests.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ketenaanpak.Graph.Application.Tests.Explorer;

/// <summary>
/// The background warm-up after a new snapshot: the degrees it counts around the largest hubs must be the visible
/// degrees of the user's whole visible cut-out (the reference the expand is held to), for each remembered profile.
/// </summary>
public sealed class HubWarmerTests
{
    [Theory]
    [InlineData(21, 300, 1200)]
    [InlineData(22, 150, 1500)]
    public void Warm_CountsForEachRememberedProfile_TheDegreesOfTheVisibleCutOut(int seed, int n, int m)
    {
        var store = ExpandEquivalenceTests.RandomStore(seed, n, m);
        var warmer = new HubWarmer(NullLogger<HubWarmer>.Instance);
        foreach (var actor in ExpandEquivalenceTests.Actors)
            warmer.Remember(actor, ViewerAccess.For(store, actor).Profile);

        Assert.True(warmer.Warm(store, () => false, CancellationToken.None) > 0);
        Assert.Same(store, warmer.LastWarmed);

        var hubs = HubWarmer.LargestHubs(store, HubWarmer.HubsPerProfile);
        var checkedDegrees = 0;
        foreach (var actor in ExpandEquivalenceTests.Actors)
        {
            var scope = ViewerScope.For(actor, store);
            var known = VisibleDegrees.For(store, scope.Access)!;
            var visible = scope.Visible;
            foreach (var hub in hubs.Where(scope.Access.NodeVisible))
            {
                var h = visible.IndexOf(store.Snapshot.Node(hub).Key)!.Value;
                foreach (var w in visible.Undirected.Neighbors(h).ToArray().Distinct())
                {
                    var root = store.Snapshot.IndexOf(visible.Node(w).Key)!.Value;
                    Assert.True(known.TryDegree(root, out var degree), $"neighbour {visible.Node(w).Key} of hub {hub} not counted for {actor.UserName}");
                    Assert.Equal(visible.Undirected.Degree(w), degree);
                    checkedDegrees++;
                }
            }
        }
        Assert.True(checkedDegrees > 100, $"only {checkedDegrees} degrees compared");
    }

    [Fact]
    public void Warm_WhenANewerGraphIsAlreadyInUse_CountsNothing()
    {
        var store = ExpandEquivalenceTests.RandomStore(23, 200, 800);
        var warmer = new HubWarmer(NullLogger<HubWarmer>.Instance);
        var actor = ExpandEquivalenceTests.Actors[0];
        warmer.Remember(actor, ViewerAccess.For(store, actor).Profile);
        Assert.Equal(0, warmer.Warm(store, () => true, CancellationToken.None));
    }

    [Fact]
    public void LargestHubs_AreTheNodesWithTheMostStoredEdges_LargestFirst()
    {
        var store = ExpandEquivalenceTests.RandomStore(24, 250, 1000);
        var snapshot = store.Snapshot;
        var expected = Enumerable.Range(0, snapshot.NodeCount).Select(v => snapshot.IncidentEdges(v).Length).OrderDescending().Take(10).ToArray();
        var hubs = HubWarmer.LargestHubs(store, 10);
        Assert.Equal(expected, hubs.Select(v => snapshot.IncidentEdges(v).Length));
        Assert.Equal(10, hubs.Distinct().Count());
    }

    [Fact]
    public void Remember_KeepsAtMostTheProfilesAGraphKeeps_DroppingTheLeastRecent()
    {
        var store = ExpandEquivalenceTests.RandomStore(25, 50, 100);
        var warmer = new HubWarmer(NullLogger<HubWarmer>.Instance);
        var analyst = ExpandEquivalenceTests.Actors[0];
        for (var i = 0; i < VisibleDegrees.MaxProfilesPerGraph + 5; i++)
            warmer.Remember(analyst, ViewerAccess.For(store, analyst).Profile with { Role = $"rol-{i}" });
        Assert.Equal(VisibleDegrees.MaxProfilesPerGraph, warmer.RememberedProfiles);
    }
}
