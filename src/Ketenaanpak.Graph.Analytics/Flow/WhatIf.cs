using System.Collections.Immutable;
using Ketenaanpak.Graph.Analytics.Connectivity;
using Ketenaanpak.Graph.Analytics.Internal;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Flow;

/// <summary>Options for <see cref="WhatIf"/>.</summary>
/// <param name="ExactDistanceUpTo">Average distance is exact (all sources) up to this many vertices; above it, it
/// is estimated from <paramref name="DistanceSamples"/> random sources (seeded), and the result says so.</param>
/// <param name="DistanceSamples">Number of sampled sources for large graphs.</param>
/// <param name="Seed">Seed for the sample.</param>
public sealed record WhatIfOptions(int ExactDistanceUpTo = 50_000, int DistanceSamples = 256, int Seed = 1);

/// <summary>Connectivity of a network in one state (vertices removed from the count).</summary>
/// <param name="Vertices">Vertices present.</param>
/// <param name="Components">Connected components among present vertices.</param>
/// <param name="LargestComponent">Size of the largest component.</param>
/// <param name="ConnectedPairs">Ordered (source, target) pairs, source ≠ target, both present and connected.</param>
/// <param name="AverageDistance">Mean hop distance over ordered pairs of present, connected, distinct vertices
/// (NaN when there are none).</param>
/// <param name="AverageDistanceSampled">True when <see cref="AverageDistance"/> is a sample estimate.</param>
public sealed record NetworkState(int Vertices, int Components, int LargestComponent, long ConnectedPairs,
    double AverageDistance, bool AverageDistanceSampled);

/// <summary>What changes when a set of vertices is removed.</summary>
/// <param name="DisconnectedPairs">(source, target) pairs connected before and not after; a pair counts when either
/// end was itself removed.</param>
public sealed record WhatIfResult(NetworkState Before, NetworkState After, ImmutableArray<(int Source, int Target)> DisconnectedPairs);

/// <summary>
/// What-if removal: remove vertices (barriers raised at facilitators, arrests) and report what changes: the
/// perpetrator–victim pairs disconnected, the number of components, the average distance.
/// </summary>
/// <remarks>
/// <b>Direction.</b> Undirected (pass <see cref="GraphSnapshot.Undirected"/>). <b>Complexity.</b> Components and pairs
/// O(n + m + |S|·|T|); average distance O(n·m/64·levels) exact by multi-source BFS, or O(k·m) sampled.
/// </remarks>
public static class WhatIf
{
    /// <summary>Compares the graph before and after removing <paramref name="removed"/>.</summary>
    public static WhatIfResult Remove(CsrGraph g, IReadOnlyCollection<int> removed, IReadOnlyCollection<int> sources,
        IReadOnlyCollection<int> targets, WhatIfOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        var o = options ?? new WhatIfOptions();
        var gone = new bool[g.NodeCount];
        foreach (var v in removed) gone[v] = true;
        var after = g.WithoutNodes(gone);
        var (beforeState, beforeComp) = State(g, new bool[g.NodeCount], sources, targets, o, ct);
        var (afterState, afterComp) = State(after, gone, sources, targets, o, ct);
        var lost = new List<(int, int)>();
        foreach (var s in sources.Distinct())
        foreach (var t in targets.Distinct())
        {
            if (s == t || beforeComp[s] != beforeComp[t]) continue;
            if (gone[s] || gone[t] || afterComp[s] != afterComp[t]) lost.Add((s, t));
        }
        return new WhatIfResult(beforeState, afterState, [.. lost]);
    }

    private static (NetworkState, ImmutableArray<int>) State(CsrGraph g, bool[] gone, IReadOnlyCollection<int> sources,
        IReadOnlyCollection<int> targets, WhatIfOptions o, CancellationToken ct)
    {
        var comps = Components.Connected(g, ct);
        int present = gone.Count(x => !x);
        var sizes = comps.Sizes.ToArray();
        int removedComponents = 0;
        for (int v = 0; v < gone.Length; v++)
            if (gone[v]) { removedComponents++; sizes[comps.ComponentOf[v]] = 0; }
        long pairs = 0;
        var tset = targets.Distinct().ToArray();
        foreach (var s in sources.Distinct())
        {
            if (gone[s]) continue;
            foreach (var t in tset)
                if (t != s && !gone[t] && comps.ComponentOf[s] == comps.ComponentOf[t]) pairs++;
        }
        var live = Enumerable.Range(0, g.NodeCount).Where(v => !gone[v]).ToArray();
        bool sampled = live.Length > o.ExactDistanceUpTo;
        int[] src = live;
        if (sampled)
        {
            var rng = new Random(o.Seed);
            src = live.ToArray();
            rng.Shuffle(src);
            src = src[..Math.Min(o.DistanceSamples, src.Length)];
        }
        var batches = Enumerable.Range(0, (src.Length + 63) / 64).ToArray();
        var acc = SourceLoop.Run(batches, 3 * g.NodeCount, 0, () => new MultiSourceBfs(g.NodeCount), (b, bfs, a) =>
            bfs.Run(g, src.AsSpan(b * 64, Math.Min(64, src.Length - b * 64)), a), ct, null);
        double reach = 0, dist = 0;
        foreach (var s in src) { reach += acc[3 * s]; dist += acc[3 * s + 1]; }
        var state = new NetworkState(present, comps.Count - removedComponents, sizes.DefaultIfEmpty(0).Max(), pairs,
            reach > 0 ? dist / reach : double.NaN, sampled);
        return (state, comps.ComponentOf);
    }
}
