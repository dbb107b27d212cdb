using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Analytics;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// Each node's visible degree (distinct visible neighbours), per store graph and <see cref="AccessProfile"/>, counted on
/// first need and then kept: expanding a hub ranks its 10^4–10^5 neighbours by this degree, and counting them again
/// for every request was most of a hub expand's time. Sound because the degree depends only on the store graph (which is
/// immutable and replaced as a whole on every new snapshot version — the cache goes with it) and on the access
/// profile (what the policy reads of the user). Entries are written once with the same value by whichever request
/// gets there first, so concurrent requests need no lock.
/// </summary>
public static class VisibleDegrees
{
    /// <summary>Profiles kept per store graph; beyond this (unusual: many partners × dossier sets) degrees are counted
    /// per request as before, so memory stays at most this many int arrays of the node count.</summary>
    public const int MaxProfilesPerGraph = 32;

    private const int Unknown = -1;
    private static readonly ConditionalWeakTable<StoreGraph, ConcurrentDictionary<AccessProfile, int[]>> Cache = new();

    /// <summary>The cache for this graph and user, or null when the graph already keeps <see cref="MaxProfilesPerGraph"/> others.</summary>
    public static int[]? For(StoreGraph graph, ViewerAccess access)
    {
        var byProfile = Cache.GetValue(graph, _ => new ConcurrentDictionary<AccessProfile, int[]>());
        if (byProfile.TryGetValue(access.Profile, out var known)) return known;
        if (byProfile.Count >= MaxProfilesPerGraph) return null;
        return byProfile.GetOrAdd(access.Profile, _ => Enumerable.Repeat(Unknown, graph.Snapshot.NodeCount).ToArray());
    }

    /// <summary>Forgets every cached degree of <paramref name="graph"/> (the benchmark measures a first expand with it).</summary>
    public static void Forget(StoreGraph graph) => Cache.Remove(graph);

    /// <summary>The visible degree of <paramref name="v"/>, from <paramref name="cache"/> when known; <paramref name="scratch"/> is
    /// a set the caller reuses between calls.</summary>
    public static int Of(GraphSnapshot root, ViewerAccess access, int v, int[]? cache, HashSet<int> scratch)
    {
        if (cache is not null && Volatile.Read(ref cache[v]) is var known && known != Unknown) return known;
        scratch.Clear();
        var node = root.Node(v);
        foreach (var e in root.IncidentEdges(v))
        {
            var edge = root.Edge(e);
            var w = edge.Source == v ? edge.Target : edge.Source;
            if (w == v || scratch.Contains(w) || !access.NodeVisible(w)) continue;
            if (access.EdgeReadable(e, node, root.Node(w))) scratch.Add(w);
        }
        if (cache is not null) Volatile.Write(ref cache[v], scratch.Count);
        return scratch.Count;
    }
}
