using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Communities;

/// <summary>Options for <see cref="Louvain"/>.</summary>
/// <param name="Seed">Seed of the vertex visiting order: the same seed on the same graph gives the same partition.</param>
/// <param name="Resolution">γ in Q; 1 is Newman–Girvan modularity, larger favours smaller communities.</param>
/// <param name="Weighted">Use edge weights; otherwise every edge weighs 1.</param>
/// <param name="MinGain">A vertex moves only when Q rises by more than this (guards against float-noise moves).</param>
/// <param name="Restarts">Independent runs (seeds derived from <paramref name="Seed"/>), best modularity kept; 0 =
/// automatic: 10 on graphs up to 20 000 vertices (where a run takes milliseconds and greedy luck matters), else 1.</param>
public sealed record LouvainOptions(int Seed = 1, double Resolution = 1.0, bool Weighted = false, double MinGain = 1e-12,
    int Restarts = 0);

/// <summary>A partition: <see cref="CommunityOf"/>[v] in 0..Count-1 (numbered by first vertex), and its modularity
/// on the input graph.</summary>
public sealed record CommunitiesResult(int Count, ImmutableArray<int> CommunityOf, double Modularity, int Levels);

/// <summary>Louvain community detection.</summary>
/// <remarks>
/// <para><b>Definition.</b> Greedy maximisation of modularity Q = Σ_c [ L_c/(2m) − γ (d_c/(2m))² ], where L_c is
/// twice the weight of edges inside community c and d_c the total degree of c: repeatedly move single vertices to
/// the neighbouring community with the largest gain until no move helps, then contract communities to vertices and
/// repeat on the smaller graph until nothing moves.</para>
/// <para><b>Reproducibility.</b> Vertices are visited in an order shuffled by <see cref="LouvainOptions.Seed"/>, and
/// ties keep the current community, so a seed fixes the result (single-threaded). Small graphs run several seeded
/// restarts and keep the best partition.</para>
/// <para><b>Direction.</b> Undirected. <b>Complexity.</b> About O(m) per sweep, a few sweeps per level, O(log n)
/// levels in practice.</para>
/// <para><b>Reference.</b> V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of communities in
/// large networks", J. Stat. Mech. P10008, 2008 (igraph <c>community_multilevel</c>, networkx
/// <c>louvain_communities</c>).</para>
/// </remarks>
public static class Louvain
{
    /// <summary>Finds communities of <paramref name="g"/>.</summary>
    public static CommunitiesResult Detect(CsrGraph g, LouvainOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        var o = options ?? new LouvainOptions();
        int runs = o.Restarts > 0 ? o.Restarts : g.NodeCount <= 20_000 ? 10 : 1;
        CommunitiesResult? best = null;
        for (int r = 0; r < runs; r++)
        {
            var result = DetectOnce(g, o, unchecked(o.Seed + r * 7919), ct);
            if (best is null || result.Modularity > best.Modularity) best = result;
        }
        return best!;
    }

    private static CommunitiesResult DetectOnce(CsrGraph g, LouvainOptions o, int seed, CancellationToken ct)
    {
        int n0 = g.NodeCount;
        var rng = new Random(seed);
        // Level graph in CSR with explicit self-loop weights (contracted internal edges).
        var off = g.Offsets;
        var adj = g.Targets;
        var w = o.Weighted ? g.ArcWeights : Ones(g.ArcCount);
        var self = new double[n0];
        var membership = Enumerable.Range(0, n0).ToArray();
        double m2 = 0;
        foreach (var x in w) m2 += x;
        int levels = 0;
        if (m2 == 0) return Result(g, membership, o, 0);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            int n = self.Length;
            var comm = LocalMoving(n, off, adj, w, self, m2, o, rng, ct, out bool moved);
            if (!moved) break;
            levels++;
            int count = Renumber(comm);
            for (int v = 0; v < n0; v++) membership[v] = comm[membership[v]];
            (off, adj, w, self) = Contract(n, off, adj, w, self, comm, count);
            if (count == n) break;
        }
        return Result(g, membership, o, levels);
    }

    /// <summary>Modularity of a partition (networkx <c>modularity</c> with resolution γ).</summary>
    public static double Modularity(CsrGraph g, IReadOnlyList<int> communityOf, double resolution = 1.0, bool weighted = false)
    {
        ArgumentNullException.ThrowIfNull(g);
        int k = communityOf.Count == 0 ? 0 : communityOf.Max() + 1;
        var inside = new double[k];
        var degree = new double[k];
        double m2 = 0;
        for (int v = 0; v < g.NodeCount; v++)
        {
            var nb = g.Neighbors(v);
            var wt = g.NeighborWeights(v);
            for (int i = 0; i < nb.Length; i++)
            {
                double x = weighted ? wt[i] : 1.0;
                m2 += x;
                degree[communityOf[v]] += x;
                if (communityOf[nb[i]] == communityOf[v]) inside[communityOf[v]] += x;
            }
        }
        if (m2 == 0) return 0;
        double q = 0;
        for (int c = 0; c < k; c++) q += inside[c] / m2 - resolution * (degree[c] / m2) * (degree[c] / m2);
        return q;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] LocalMoving(int n, int[] off, int[] adj, double[] w, double[] self, double m2, LouvainOptions o,
        Random rng, CancellationToken ct, out bool movedAny)
    {
        var comm = Enumerable.Range(0, n).ToArray();
        var k = new double[n];
        for (int v = 0; v < n; v++)
        {
            k[v] = self[v];
            for (int p = off[v]; p < off[v + 1]; p++) k[v] += w[p];
        }
        var tot = (double[])k.Clone();
        var neighW = new double[n];
        Array.Fill(neighW, -1);
        var touched = new int[n];
        // Queue-based local moving (as in Leiden's fast local move, Traag et al. 2019): start with every vertex in a
        // seeded random order, and after a move re-queue only the neighbours outside the new community. Sweeping
        // all vertices again and again spends most of its time on vertices that cannot move.
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var queue = new int[n];
        var queued = new bool[n];
        int qHead = 0, qCount = n;
        Array.Copy(order, queue, n);
        Array.Fill(queued, true);
        movedAny = false;
        double gamma = o.Resolution;
        long steps = 0;
        while (qCount > 0)
        {
            if ((++steps & 0xffff) == 0) ct.ThrowIfCancellationRequested();
            int v = queue[qHead];
            qHead = qHead + 1 == n ? 0 : qHead + 1;
            qCount--;
            queued[v] = false;
            int cv = comm[v];
            int nt = 0;
            neighW[cv] = 0;
            touched[nt++] = cv;
            for (int p = off[v]; p < off[v + 1]; p++)
            {
                int u = adj[p];
                if (u == v) continue;
                int cu = comm[u];
                if (neighW[cu] < 0) { neighW[cu] = 0; touched[nt++] = cu; }
                neighW[cu] += w[p];
            }
            double kv = k[v];
            tot[cv] -= kv;
            // Gain of joining c (up to a constant): k_v,in(c) − γ·tot(c)·k_v / 2m; ties keep the current community.
            int best = cv;
            double stay = neighW[cv] - gamma * tot[cv] * kv / m2;
            double bestGain = stay;
            for (int i = 0; i < nt; i++)
            {
                int c = touched[i];
                double gain = neighW[c] - gamma * tot[c] * kv / m2;
                if (gain > bestGain) { bestGain = gain; best = c; }
            }
            if (best != cv && bestGain - stay <= o.MinGain * m2) best = cv; // ignore float-noise moves
            tot[best] += kv;
            for (int i = 0; i < nt; i++) neighW[touched[i]] = -1;
            if (best == cv) continue;
            comm[v] = best;
            movedAny = true;
            for (int p = off[v]; p < off[v + 1]; p++)
            {
                int u = adj[p];
                if (queued[u] || comm[u] == best) continue;
                queued[u] = true;
                int tail = qHead + qCount;
                if (tail >= n) tail -= n;
                queue[tail] = u;
                qCount++;
            }
        }
        return comm;
    }

    private static int Renumber(int[] comm)
    {
        var map = new Dictionary<int, int>();
        for (int i = 0; i < comm.Length; i++)
        {
            if (!map.TryGetValue(comm[i], out int c)) map[comm[i]] = c = map.Count;
            comm[i] = c;
        }
        return map.Count;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (int[], int[], double[], double[]) Contract(int n, int[] off, int[] adj, double[] w, double[] self,
        int[] comm, int count)
    {
        var members = new List<int>[count];
        for (int c = 0; c < count; c++) members[c] = [];
        for (int v = 0; v < n; v++) members[comm[v]].Add(v);
        var newSelf = new double[count];
        var acc = new double[count];
        Array.Fill(acc, -1);
        var touched = new int[count];
        var newOff = new int[count + 1];
        var newAdj = new List<int>();
        var newW = new List<double>();
        for (int c = 0; c < count; c++)
        {
            int nt = 0;
            foreach (var v in members[c])
            {
                newSelf[c] += self[v];
                for (int p = off[v]; p < off[v + 1]; p++)
                {
                    int d = comm[adj[p]];
                    if (d == c) { newSelf[c] += w[p]; continue; }
                    if (acc[d] < 0) { acc[d] = 0; touched[nt++] = d; }
                    acc[d] += w[p];
                }
            }
            Array.Sort(touched, 0, nt);
            for (int i = 0; i < nt; i++)
            {
                newAdj.Add(touched[i]);
                newW.Add(acc[touched[i]]);
                acc[touched[i]] = -1;
            }
            newOff[c + 1] = newAdj.Count;
        }
        return (newOff, newAdj.ToArray(), newW.ToArray(), newSelf);
    }

    private static CommunitiesResult Result(CsrGraph g, int[] membership, LouvainOptions o, int levels)
    {
        int count = Renumber(membership);
        double q = Modularity(g, membership, o.Resolution, o.Weighted);
        return new CommunitiesResult(count, ImmutableCollectionsMarshal.AsImmutableArray(membership), q, levels);
    }

    private static double[] Ones(int length)
    {
        var a = new double[length];
        Array.Fill(a, 1.0);
        return a;
    }
}
