using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Analytics;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// What an expand asks per node and per edge — visible degree (distinct visible neighbours), node visible, edge
/// readable — kept per store graph and <see cref="AccessProfile"/>, filled on first need. Expanding a hub ranks its
/// 10^4–10^5 neighbours by visible degree and checks the access rules on every edge of the hub; doing that again for
/// every request was most of a hub expand's time. Sound because each answer depends only on the store graph (immutable,
/// replaced as a whole on every new snapshot version — the cache is attached to it and goes with it) and on the access
/// profile (what the policy reads of the user). Entries are written once with the same value by whichever request gets
/// there first, so concurrent requests need no lock.
/// </summary>
public static class VisibleDegrees
{
    /// <summary>Profiles kept per store graph; beyond this (unusual: many partners × dossier sets) everything is counted
    /// per request as before, so memory stays at most this many × (5 bytes per node + 1 per edge).</summary>
    public const int MaxProfilesPerGraph = 16;

    private static readonly ConditionalWeakTable<StoreGraph, ConcurrentDictionary<AccessProfile, ProfileAnswers>> Cache = new();

    /// <summary>The answers kept for this graph and user, or null when the graph already keeps <see cref="MaxProfilesPerGraph"/> others.</summary>
    public static ProfileAnswers? For(StoreGraph graph, ViewerAccess access)
    {
        var byProfile = Cache.GetValue(graph, _ => new ConcurrentDictionary<AccessProfile, ProfileAnswers>());
        if (byProfile.TryGetValue(access.Profile, out var known)) return known;
        if (byProfile.Count >= MaxProfilesPerGraph) return null;
        return byProfile.GetOrAdd(access.Profile, _ => new ProfileAnswers(graph.Snapshot.NodeCount, graph.Snapshot.EdgeCount));
    }

    /// <summary>Forgets everything kept for <paramref name="graph"/> (the benchmark measures a first expand with it).</summary>
    public static void Forget(StoreGraph graph) => Cache.Remove(graph);
}

/// <summary>One profile's answers over one store graph; -1 / 0 = not asked yet.</summary>
public sealed class ProfileAnswers(int nodes, int edges)
{
    private const byte No = 1, Yes = 2;
    private readonly int[] _degree = Enumerable.Repeat(-1, nodes).ToArray();
    private readonly byte[] _nodeVisible = new byte[nodes];
    private readonly byte[] _edgeReadable = new byte[edges];

    /// <summary>The visible degree of <paramref name="v"/> when already counted.</summary>
    public bool TryDegree(int v, out int degree) => (degree = Volatile.Read(ref _degree[v])) >= 0;

    public void SetDegree(int v, int degree) => Volatile.Write(ref _degree[v], degree);

    public bool NodeVisible(ViewerAccess access, int v)
    {
        var known = Volatile.Read(ref _nodeVisible[v]);
        if (known != 0) return known == Yes;
        var visible = access.NodeVisible(v);
        Volatile.Write(ref _nodeVisible[v], visible ? Yes : No);
        return visible;
    }

    /// <summary>Edge <paramref name="e"/> readable, its ends apart (the rule is symmetric in the two ends).</summary>
    public bool EdgeReadable(ViewerAccess access, int e, SnapshotNode end1, SnapshotNode end2)
    {
        var known = Volatile.Read(ref _edgeReadable[e]);
        if (known != 0) return known == Yes;
        var readable = access.EdgeReadable(e, end1, end2);
        Volatile.Write(ref _edgeReadable[e], readable ? Yes : No);
        return readable;
    }
}
