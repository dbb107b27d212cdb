using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Connectivity;

/// <summary>k-core decomposition.</summary>
/// <remarks>
/// <b>Definition.</b> The k-core is the maximal subgraph in which every vertex has degree ≥ k; a vertex's core number
/// is the largest k whose k-core contains it (networkx <c>core_number</c>, igraph <c>coreness</c>).
/// <b>Direction.</b> Undirected degree. <b>Complexity.</b> O(n + m) by bucket sort.
/// <b>Reference.</b> V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores decomposition of networks", 2003.
/// </remarks>
public static class KCore
{
    /// <summary>Core number of every vertex.</summary>
    public static ImmutableArray<int> CoreNumbers(CsrGraph g)
    {
        ArgumentNullException.ThrowIfNull(g);
        int n = g.NodeCount;
        var deg = new int[n];
        int maxDeg = 0;
        for (int v = 0; v < n; v++) { deg[v] = g.Degree(v); maxDeg = Math.Max(maxDeg, deg[v]); }
        var bin = new int[maxDeg + 1];
        foreach (var d in deg) bin[d]++;
        for (int d = 0, start = 0; d <= maxDeg; d++) { int c = bin[d]; bin[d] = start; start += c; }
        var pos = new int[n];
        var vert = new int[n];
        for (int v = 0; v < n; v++) { pos[v] = bin[deg[v]]++; vert[pos[v]] = v; }
        for (int d = maxDeg; d > 0; d--) bin[d] = bin[d - 1];
        if (maxDeg >= 0 && bin.Length > 0) bin[0] = 0;
        for (int i = 0; i < n; i++)
        {
            int v = vert[i];
            foreach (var u in g.Neighbors(v))
            {
                if (deg[u] <= deg[v]) continue;
                int du = deg[u], pu = pos[u], pw = bin[du], w = vert[pw];
                if (u != w) { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u; }
                bin[du]++;
                deg[u]--;
            }
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(deg);
    }

    /// <summary>Vertex ids of the k-core (core number ≥ <paramref name="k"/>).</summary>
    public static int[] Core(CsrGraph g, int k)
    {
        var core = CoreNumbers(g);
        return Enumerable.Range(0, core.Length).Where(v => core[v] >= k).ToArray();
    }
}
