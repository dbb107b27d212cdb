using Ketenaanpak.Graph.Analytics.Paths;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>One pair (s, t) whose shortest paths run through the node: <see cref="Share"/> = σ_st(v) / σ_st, and one
/// such path s … v … t.</summary>
public sealed record ThroughPair(int Source, int Target, double Share, int[] Example);

/// <summary>The local betweenness of a node and the pairs that make it up.</summary>
public sealed record ThroughPathsResult(int NeighbourhoodSize, double Betweenness, IReadOnlyList<ThroughPair> Pairs);

/// <summary>
/// "Why is this node central?": within the node's neighbourhood of <c>radius</c> steps (capped), every unordered pair
/// (s, t) with s, t ≠ v contributes σ_st(v)/σ_st to v's betweenness, where σ_st counts shortest s–t paths and σ_st(v)
/// those through v; σ_st(v) = σ_sv·σ_vt when d(s,v) + d(v,t) = d(s,t) (Brandes 2001, Lemma 1). The sum is v's
/// unnormalised betweenness in the induced neighbourhood; the pairs are listed by share.
/// </summary>
/// <remarks>Undirected. One BFS per vertex of the neighbourhood: O(L·(L + M)) for L vertices and M edges in it.</remarks>
public static class ThroughPaths
{
    public static ThroughPathsResult Compute(CsrGraph g, int v, int radius, int maxVertices, int top, CancellationToken ct = default)
    {
        var around = PathFinder.KHop(g, v, radius, maxVertices);
        var local = around.Vertices.ToArray();
        var index = new Dictionary<int, int>(local.Length);
        for (var i = 0; i < local.Length; i++) index[local[i]] = i;
        var adj = local.Select(u => g.Neighbors(u).ToArray().Where(index.ContainsKey).Select(w => index[w]).Distinct().ToArray()).ToArray();
        var n = local.Length;
        var (dv, sv, parent) = Bfs(adj, 0); // v is the first vertex of its own neighbourhood
        var pairs = new List<ThroughPair>();
        double total = 0;
        for (var s = 1; s < n; s++)
        {
            ct.ThrowIfCancellationRequested();
            if (dv[s] < 0) continue;
            var (ds, ss, _) = Bfs(adj, s);
            for (var t = s + 1; t < n; t++)
            {
                if (ds[t] < 0 || dv[t] < 0 || dv[s] + dv[t] != ds[t]) continue;
                var share = sv[s] * sv[t] / ss[t];
                total += share;
                pairs.Add(new ThroughPair(local[s], local[t], share, [.. Trace(parent, s).Reverse().Select(i => local[i]), .. Trace(parent, t).Skip(1).Select(i => local[i])]));
            }
        }
        var ranked = pairs.OrderByDescending(p => p.Share).ThenByDescending(p => p.Example.Length).ThenBy(p => p.Source).ThenBy(p => p.Target).Take(top).ToList();
        return new ThroughPathsResult(n, total, ranked);
    }

    private static IEnumerable<int> Trace(int[] parent, int x)
    {
        var path = new List<int>();
        for (; x >= 0; x = parent[x]) path.Add(x);
        path.Reverse(); // v … x
        return path;
    }

    private static (int[] Dist, double[] Sigma, int[] Parent) Bfs(int[][] adj, int source)
    {
        var n = adj.Length;
        var dist = new int[n];
        var sigma = new double[n];
        var parent = new int[n];
        Array.Fill(dist, -1);
        Array.Fill(parent, -1);
        dist[source] = 0;
        sigma[source] = 1;
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            foreach (var w in adj[u])
            {
                if (dist[w] < 0)
                {
                    dist[w] = dist[u] + 1;
                    parent[w] = u;
                    queue.Enqueue(w);
                }
                if (dist[w] == dist[u] + 1) sigma[w] += sigma[u];
            }
        }
        return (dist, sigma, parent);
    }
}
