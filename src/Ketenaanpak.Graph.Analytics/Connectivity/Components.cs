using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Connectivity;

/// <summary>Connected components: <see cref="ComponentOf"/>[v] is v's component, numbered 0..Count-1 in order of
/// their smallest vertex id; <see cref="Sizes"/>[c] the number of vertices of component c.</summary>
public sealed record ComponentsResult(int Count, ImmutableArray<int> ComponentOf, ImmutableArray<int> Sizes);

/// <summary>Articulation points (ascending ids) and bridges (edge ids of the graph, ascending).</summary>
public sealed record BiconnectivityResult(ImmutableArray<int> ArticulationPoints, ImmutableArray<int> Bridges);

/// <summary>Connected components, articulation points and bridges of an undirected graph.</summary>
/// <remarks>
/// <para><b>Definitions.</b> A component is a maximal set of mutually reachable vertices (isolates are components of
/// their own, as in networkx and igraph). An articulation point is a vertex whose removal increases the number of
/// components; a bridge is an edge whose removal does.</para>
/// <para><b>Direction.</b> Arcs are treated as undirected; on a directed CSR graph pass the snapshot's
/// <see cref="GraphSnapshot.Undirected"/> view (weak connectivity).</para>
/// <para><b>Complexity.</b> O(n + m) time and memory; the depth-first search is iterative, so depth is not limited by
/// the thread stack.</para>
/// <para><b>References.</b> J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph manipulation",
/// CACM 16(6), 1973; R. Tarjan, "A note on finding the bridges of a graph", IPL 2(6), 1974.</para>
/// </remarks>
public static class Components
{
    /// <summary>Connected components by breadth-first search.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ComponentsResult Connected(CsrGraph g, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        int n = g.NodeCount;
        var comp = new int[n];
        Array.Fill(comp, -1);
        var queue = new int[n];
        var sizes = new List<int>();
        var off = g.Offsets;
        var adj = g.Targets;
        for (int root = 0; root < n; root++)
        {
            if (comp[root] >= 0) continue;
            if ((root & 0xffff) == 0) ct.ThrowIfCancellationRequested();
            int c = sizes.Count;
            int head = 0, tail = 0;
            queue[tail++] = root;
            comp[root] = c;
            while (head < tail)
            {
                int v = queue[head++];
                for (int p = off[v]; p < off[v + 1]; p++)
                {
                    int w = adj[p];
                    if (comp[w] >= 0) continue;
                    comp[w] = c;
                    queue[tail++] = w;
                }
            }
            sizes.Add(tail);
        }
        return new ComponentsResult(sizes.Count, ImmutableCollectionsMarshal.AsImmutableArray(comp), [.. sizes]);
    }

    /// <summary>Articulation points and bridges in one iterative Hopcroft–Tarjan depth-first search.</summary>
    public static BiconnectivityResult Biconnectivity(CsrGraph g, CancellationToken ct = default) =>
        All(g, ct).Biconnectivity;

    /// <summary>
    /// Components, articulation points and bridges from a single depth-first search (each DFS tree is one
    /// component), for callers that need all three: one pass over the arcs instead of two.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static (ComponentsResult Components, BiconnectivityResult Biconnectivity) All(CsrGraph g, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        int n = g.NodeCount;
        var comp = new int[n];
        var sizes = new List<int>();
        var disc = new int[n];
        Array.Fill(disc, -1);
        var low = new int[n];
        var parentEdge = new int[n];
        var it = new int[n];
        var stack = new int[n];
        var isAp = new bool[n];
        var bridges = new List<int>();
        var off = g.Offsets;
        var adj = g.Targets;
        var arcEdge = g.ArcEdge;
        int time = 0;
        for (int root = 0; root < n; root++)
        {
            if (disc[root] >= 0) continue;
            if ((root & 0xffff) == 0) ct.ThrowIfCancellationRequested();
            int sp = 0, rootChildren = 0, firstTime = time;
            stack[sp++] = root;
            comp[root] = sizes.Count;
            disc[root] = low[root] = time++;
            parentEdge[root] = -1;
            it[root] = off[root];
            while (sp > 0)
            {
                int v = stack[sp - 1];
                int p = it[v];
                if (p < off[v + 1])
                {
                    it[v] = p + 1;
                    int w = adj[p];
                    int e = arcEdge[p];
                    if (e == parentEdge[v]) continue;
                    if (disc[w] < 0)
                    {
                        disc[w] = low[w] = time++;
                        comp[w] = sizes.Count;
                        parentEdge[w] = e;
                        it[w] = off[w];
                        stack[sp++] = w;
                        if (v == root) rootChildren++;
                    }
                    else if (disc[w] < low[v]) low[v] = disc[w];
                    continue;
                }
                sp--;
                if (sp == 0) break;
                int u = stack[sp - 1];
                if (low[v] < low[u]) low[u] = low[v];
                if (low[v] > disc[u]) bridges.Add(parentEdge[v]);
                if (u != root && low[v] >= disc[u]) isAp[u] = true;
            }
            if (rootChildren >= 2) isAp[root] = true;
            sizes.Add(time - firstTime);
        }
        var aps = new List<int>();
        for (int v = 0; v < n; v++) if (isAp[v]) aps.Add(v);
        bridges.Sort();
        return (new ComponentsResult(sizes.Count, ImmutableCollectionsMarshal.AsImmutableArray(comp), [.. sizes]),
            new BiconnectivityResult([.. aps], [.. bridges]));
    }
}
