using System.Collections.Concurrent;
using System.Diagnostics;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Security;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// After each new snapshot version, counts in the background what the first expand of a large hub would otherwise
/// count while an analyst waits: the visible degrees of the hubs' neighbours (<see cref="VisibleDegrees"/>), for every
/// access profile that expanded recently. A cold hub expand at 10^6 nodes cost ~0.5 s CPU against ~0.1 s warm
/// (docs/benchmarks.md, "Explorer expand"); the store graph is replaced on every change, so without this the first
/// expand after each new signal was cold again. Only the profiles themselves are remembered (what the access policy
/// reads of a user, plus one actor of that profile to rebuild it on the new graph); nothing about what they looked at.
/// </summary>
public sealed class HubWarmer(ILogger<HubWarmer> log)
{
    /// <summary>The largest hubs by stored degree whose neighbours are counted per profile.</summary>
    public const int HubsPerProfile = 32;

    private readonly ConcurrentDictionary<AccessProfile, (Actor Actor, long Seen)> _recent = new();
    private StoreGraph? _lastWarmed;

    /// <summary>The store graph of the last completed warm-up (or the one it gave up on).</summary>
    public StoreGraph? LastWarmed => Volatile.Read(ref _lastWarmed);

    /// <summary>How many access profiles are remembered (at most <see cref="VisibleDegrees.MaxProfilesPerGraph"/>).</summary>
    public int RememberedProfiles => _recent.Count;

    /// <summary>Notes that a user of this profile expanded; the least recently seen profile gives way beyond the cap.</summary>
    public void Remember(Actor actor, AccessProfile profile)
    {
        _recent[profile] = (actor, Stopwatch.GetTimestamp());
        while (_recent.Count > VisibleDegrees.MaxProfilesPerGraph)
        {
            var oldest = _recent.MinBy(p => p.Value.Seen).Key;
            _recent.TryRemove(oldest, out _);
        }
    }

    /// <summary>
    /// Warms <paramref name="graph"/> for the remembered profiles; stops early (and leaves the rest to the requests)
    /// when <paramref name="superseded"/> says a newer graph is already in use. Returns the degrees counted.
    /// </summary>
    public int Warm(StoreGraph graph, Func<bool> superseded, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var hubs = LargestHubs(graph, HubsPerProfile);
        var counted = 0;
        var profiles = 0;
        foreach (var (actor, _) in _recent.Values.OrderByDescending(v => v.Seen).ToList())
        {
            if (superseded()) break;
            var access = ViewerAccess.For(graph, actor);
            if (VisibleDegrees.For(graph, access) is not { } known) break; // the graph keeps as many profiles as it may
            counted += ExplorerExpansion.WarmNeighbours(graph.Snapshot, access, known, hubs, ct);
            profiles++;
        }
        Volatile.Write(ref _lastWarmed, graph);
        if (profiles > 0)
            log.LogInformation("Explorer: visible degrees around the {Hubs} largest hubs counted for {Profiles} access profile(s) on snapshot {Version}: {Counted} degrees in {Ms} ms",
                hubs.Length, profiles, graph.Snapshot.Version, counted, clock.ElapsedMilliseconds);
        return counted;
    }

    /// <summary>The <paramref name="k"/> nodes with the most stored incident edges, largest first.</summary>
    public static int[] LargestHubs(StoreGraph graph, int k)
    {
        var snapshot = graph.Snapshot;
        var top = new PriorityQueue<int, int>(k + 1); // min-heap of the k largest degrees so far
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            top.Enqueue(v, snapshot.IncidentEdges(v).Length);
            if (top.Count > k) top.Dequeue();
        }
        var result = new int[top.Count];
        for (var i = result.Length - 1; i >= 0; i--) result[i] = top.Dequeue();
        return result;
    }
}
