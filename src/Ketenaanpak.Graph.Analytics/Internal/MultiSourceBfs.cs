using System.Numerics;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Internal;

/// <summary>
/// Bit-parallel breadth-first search from up to 64 sources at once (Then et al., "The More the Merrier: Efficient
/// Multi-Source Graph Traversal", PVLDB 8(4), 2014): bit i of a vertex's word says "source i has reached it". One
/// scan of a frontier vertex's arcs advances all 64 searches, so an all-pairs sweep costs about (levels · m) word
/// operations per 64 sources instead of 64 · m. Per source it yields the number of reached vertices, the sum of
/// distances and the sum of reciprocal distances.
/// </summary>
internal sealed unsafe class MultiSourceBfs(int n)
{
    private readonly ulong[] _seen = new ulong[n];
    private readonly ulong[] _frontier = new ulong[n];
    private readonly ulong[] _next = new ulong[n];

    /// <summary>
    /// Runs BFS from <paramref name="sources"/> (≤ 64). Adds, for source i, its reach (vertices at distance ≥ 1) to
    /// acc[3·s], the distance sum to acc[3·s+1] and Σ 1/d to acc[3·s+2], where s is the source's vertex id.
    /// </summary>
    // Full optimisation from the first call: the kernel runs once per source, so tier-0 code would cost
    // measurably on small graphs before tiering kicks in.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Run(CsrGraph g, ReadOnlySpan<int> sources, double[] acc)
    {
        int nn = g.NodeCount;
        Array.Clear(_seen);
        Array.Clear(_frontier);
        Span<long> reach = stackalloc long[64];
        Span<long> dsum = stackalloc long[64];
        Span<double> inv = stackalloc double[64];
        reach.Clear(); dsum.Clear(); inv.Clear();
        for (int i = 0; i < sources.Length; i++)
        {
            _seen[sources[i]] |= 1UL << i;
            _frontier[sources[i]] |= 1UL << i;
        }
        fixed (int* off = g.Offsets, adj = g.Targets)
        fixed (ulong* seen = _seen, frontier = _frontier, next = _next)
        {
            for (int level = 1; ; level++)
            {
                for (int v = 0; v < nn; v++)
                {
                    ulong f = frontier[v];
                    if (f == 0) continue;
                    int end = off[v + 1];
                    for (int p = off[v]; p < end; p++) next[adj[p]] |= f;
                }
                bool any = false;
                double r = 1.0 / level;
                for (int v = 0; v < nn; v++)
                {
                    ulong nw = next[v] & ~seen[v];
                    next[v] = 0;
                    frontier[v] = nw;
                    if (nw == 0) continue;
                    any = true;
                    seen[v] |= nw;
                    while (nw != 0)
                    {
                        int i = BitOperations.TrailingZeroCount(nw);
                        reach[i]++;
                        dsum[i] += level;
                        inv[i] += r;
                        nw &= nw - 1;
                    }
                }
                if (!any) break;
            }
        }
        for (int i = 0; i < sources.Length; i++)
        {
            int s = sources[i];
            acc[3 * s] += reach[i];
            acc[3 * s + 1] += dsum[i];
            acc[3 * s + 2] += inv[i];
        }
    }

    /// <summary>Reach, distance sum and reciprocal-distance sum for every vertex as source (3 values per vertex).</summary>
    public static double[] AllSources(CsrGraph g, int maxThreads, CancellationToken ct, IProgress<double>? progress)
    {
        int n = g.NodeCount;
        int batches = (n + 63) / 64;
        var ids = Enumerable.Range(0, batches).ToArray();
        return SourceLoop.Run(ids, 3 * n, maxThreads, () => new MultiSourceBfs(n), (b, bfs, acc) =>
        {
            int start = b * 64;
            int count = Math.Min(64, n - start);
            Span<int> src = stackalloc int[count];
            for (int i = 0; i < count; i++) src[i] = start + i;
            bfs.Run(g, src, acc);
        }, ct, progress);
    }
}
