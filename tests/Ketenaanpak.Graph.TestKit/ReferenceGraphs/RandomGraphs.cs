using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.TestKit.ReferenceGraphs;

/// <summary>Seeded random graphs for benchmarks and sweeps.</summary>
public static class RandomGraphs
{
    /// <summary>A simple undirected G(n, m): m distinct edges drawn uniformly (no self-loops).</summary>
    public static CsrGraph Gnm(int n, int m, int seed)
    {
        var rng = new Random(seed);
        var seen = new HashSet<long>(m);
        var u = new int[m];
        var v = new int[m];
        int count = 0;
        while (count < m)
        {
            int a = rng.Next(n), b = rng.Next(n);
            if (a == b) continue;
            if (a > b) (a, b) = (b, a);
            if (!seen.Add(((long)a << 32) | (uint)b)) continue;
            u[count] = a;
            v[count] = b;
            count++;
        }
        return CsrGraph.FromEdges(n, u, v, [], directed: false);
    }
}
