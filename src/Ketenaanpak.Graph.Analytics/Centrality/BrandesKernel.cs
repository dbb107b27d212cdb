using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Centrality;

/// <summary>
/// Single-source dependency accumulation of Brandes (2001) for the general cases — weighted distances, target subsets,
/// edge scores (unweighted exact vertex betweenness takes <see cref="BatchedBrandesKernel"/>): no predecessor lists (a
/// vertex's children are found again in the backward pass by the level test <c>dist[w] == dist[v] + w(v,w)</c>), no
/// per-source allocation (one workspace per thread, reset by visit order), and the backward pass "pulls" into v from
/// its children using the precomputed ratio coef[w] = (e[w] + δ[w]) / σ[w], so there is one division per vertex and no
/// write to a neighbour. Two passes over the arcs per source.
/// </summary>
internal sealed class BrandesKernel
{
    private readonly int[] _settled;   // Dijkstra: -1 unsettled, 0 settled
    private readonly double[] _dd;     // distance (general path), +inf = unseen
    private readonly double[] _sigma;
    private readonly double[] _coef;
    private readonly int[] _order;
    private readonly BinaryHeap _heap;

    public BrandesKernel(int n)
    {
        _settled = new int[n];
        Array.Fill(_settled, -1);
        _dd = new double[n];
        Array.Fill(_dd, double.PositiveInfinity);
        _sigma = new double[n];
        _coef = new double[n];
        _order = new int[n + 1];
        _heap = new BinaryHeap(16);
    }

    /// <summary>
    /// General accumulation: weighted (Dijkstra) or unweighted (BFS) distances, target weights e[w] (1 for targets,
    /// 0 otherwise; null = all targets), optional edge scores. Returns nothing; adds δ_s(v) to
    /// <paramref name="bc"/>[v] for v ≠ s and the edge dependencies to <paramref name="edgeBc"/> when given.
    /// </summary>
    // Full optimisation from the first call: the kernel runs once per source, so tier-0 code would cost
    // measurably on small graphs before tiering kicks in.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(CsrGraph g, int s, bool weighted, bool[]? isTarget, double[]? bc, double[]? edgeBc)
    {
        var off = g.Offsets;
        var adj = g.Targets;
        var wts = g.ArcWeights;
        var dist = _dd;
        var sigma = _sigma;
        var coef = _coef;
        var order = _order;
        int count = 0;
        dist[s] = 0;
        sigma[s] = 1.0;
        if (!weighted)
        {
            order[count++] = s;
            int head = 0;
            while (head < count)
            {
                int v = order[head++];
                double dn = dist[v] + 1;
                double sv = sigma[v];
                for (int p = off[v]; p < off[v + 1]; p++)
                {
                    int w = adj[p];
                    if (double.IsPositiveInfinity(dist[w])) { dist[w] = dn; sigma[w] = sv; order[count++] = w; }
                    else if (dist[w] == dn) sigma[w] += sv;
                }
            }
        }
        else
        {
            // Dijkstra with lazy deletion; equal-length paths are recognised by exact float equality of the same
            // sums networkx forms (dist[v] + w), so σ matches networkx's weighted Brandes bit for bit.
            var heap = _heap;
            var settled = _settled;
            heap.Clear();
            heap.Push(0, s);
            while (heap.Count > 0)
            {
                var (d, v) = heap.Pop();
                if (settled[v] >= 0) continue;
                settled[v] = 0;
                order[count++] = v;
                double sv = sigma[v];
                for (int p = off[v]; p < off[v + 1]; p++)
                {
                    int w = adj[p];
                    if (settled[w] >= 0) continue;
                    double vw = d + wts[p];
                    if (vw < dist[w]) { dist[w] = vw; sigma[w] = sv; heap.Push(vw, w); }
                    else if (vw == dist[w]) sigma[w] += sv;
                }
            }
            for (int i = 0; i < count; i++) settled[order[i]] = -1;
        }
        for (int i = count - 1; i >= 0; i--)
        {
            int v = order[i];
            double dv = dist[v];
            double sum = 0;
            double sv = sigma[v];
            for (int p = off[v]; p < off[v + 1]; p++)
            {
                int w = adj[p];
                if (dist[w] != dv + (weighted ? wts[p] : 1.0)) continue;
                sum += coef[w];
                if (edgeBc is not null) edgeBc[g.ArcEdge[p]] += sv * coef[w];
            }
            double delta = sv * sum;
            if (v != s && bc is not null) bc[v] += delta;
            double e = isTarget is null || isTarget[v] ? 1.0 : 0.0;
            coef[v] = (e + delta) / sv;
        }
        for (int i = 0; i < count; i++) dist[order[i]] = double.PositiveInfinity;
    }

    /// <summary>A binary min-heap of (key, vertex) pairs with duplicates allowed (lazy deletion).</summary>
    internal sealed class BinaryHeap(int capacity)
    {
        private double[] _keys = new double[capacity];
        private int[] _items = new int[capacity];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Push(double key, int item)
        {
            if (Count == _keys.Length)
            {
                Array.Resize(ref _keys, Count * 2);
                Array.Resize(ref _items, Count * 2);
            }
            int i = Count++;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (_keys[parent] <= key) break;
                _keys[i] = _keys[parent];
                _items[i] = _items[parent];
                i = parent;
            }
            _keys[i] = key;
            _items[i] = item;
        }

        public (double Key, int Item) Pop()
        {
            var top = (_keys[0], _items[0]);
            int last = --Count;
            double key = _keys[last];
            int item = _items[last];
            int i = 0;
            while (true)
            {
                int c = 2 * i + 1;
                if (c >= last) break;
                if (c + 1 < last && _keys[c + 1] < _keys[c]) c++;
                if (_keys[c] >= key) break;
                _keys[i] = _keys[c];
                _items[i] = _items[c];
                i = c;
            }
            if (last > 0)
            {
                _keys[i] = key;
                _items[i] = item;
            }
            return top;
        }
    }
}
