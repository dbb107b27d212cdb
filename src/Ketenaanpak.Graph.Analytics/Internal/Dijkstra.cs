using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Internal;

/// <summary>Single-source Dijkstra with a reusable workspace (lazy-deletion binary heap). Weights must be positive.</summary>
internal sealed class Dijkstra(int n)
{
    public readonly double[] Dist = CreateDist(n);
    public readonly int[] Parent = new int[n];
    public readonly int[] Order = new int[n];
    public int Count;
    private readonly BrandesKernel.BinaryHeap _heap = new(16);
    private readonly bool[] _done = new bool[n];

    private static double[] CreateDist(int n)
    {
        var d = new double[n];
        Array.Fill(d, double.PositiveInfinity);
        return d;
    }

    /// <summary>Settles vertices from <paramref name="s"/> in distance order (stops early at <paramref name="stopAt"/>).</summary>
    public void Run(CsrGraph g, int s, int stopAt = -1)
    {
        Reset();
        Dist[s] = 0;
        Parent[s] = -1;
        _heap.Clear();
        _heap.Push(0, s);
        while (_heap.Count > 0)
        {
            var (d, v) = _heap.Pop();
            if (_done[v]) continue;
            _done[v] = true;
            Order[Count++] = v;
            if (v == stopAt) return;
            var nb = g.Neighbors(v);
            var wt = g.NeighborWeights(v);
            for (int i = 0; i < nb.Length; i++)
            {
                int w = nb[i];
                double nd = d + wt[i];
                if (nd < Dist[w]) { Dist[w] = nd; Parent[w] = v; _heap.Push(nd, w); }
            }
        }
    }

    private void Reset()
    {
        // Vertices touched last time are exactly those with a finite distance: settled ones are in Order, and the
        // others were pushed; a full clear is O(n) but simple and only taken when the last run touched much.
        Array.Fill(Dist, double.PositiveInfinity);
        Array.Clear(_done);
        Count = 0;
    }
}
