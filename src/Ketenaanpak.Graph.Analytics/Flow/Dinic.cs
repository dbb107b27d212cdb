namespace Ketenaanpak.Graph.Analytics.Flow;

/// <summary>
/// A flow network in arc arrays (arc 2k and its residual twin 2k+1) with Dinic's blocking-flow max flow: BFS level
/// graph, then iterative depth-first augmentation with per-vertex arc pointers (no recursion, so long paths in sparse
/// graphs cannot overflow the stack). O(V²E) in general, O(E·sqrt(V)) on unit-capacity networks such as split-vertex
/// cut networks. Reference: E. A. Dinic, "Algorithm for solution of a problem of maximum flow in a network with power
/// estimation", Soviet Math. Doklady 11, 1970.
/// </summary>
internal sealed class Dinic
{
    public const long Infinite = long.MaxValue / 4;

    private readonly int _n;
    private int[] _from;
    private int[] _to;
    private long[] _capInit;
    private int _arcCount;
    private int[] _off = [];
    private int[] _arcs = [];
    private int[] _head = [];
    private long[] _cap = [];
    private int[] _level = [];
    private int[] _it = [];
    private int[] _queue = [];

    /// <summary>A network of <paramref name="n"/> vertices; <paramref name="arcHint"/> pre-sizes the arc arrays.</summary>
    public Dinic(int n, int arcHint = 16)
    {
        _n = n;
        _from = new int[Math.Max(2, arcHint)];
        _to = new int[_from.Length];
        _capInit = new long[_from.Length];
    }

    public int NodeCount => _n;

    /// <summary>Adds arc u→v with capacity <paramref name="cap"/> and its twin v→u with <paramref name="reverseCap"/>
    /// (0 for a directed arc, = cap for an undirected edge).</summary>
    public void AddArc(int u, int v, long cap, long reverseCap = 0)
    {
        if (_arcCount + 2 > _from.Length)
        {
            int size = _from.Length * 2;
            Array.Resize(ref _from, size);
            Array.Resize(ref _to, size);
            Array.Resize(ref _capInit, size);
        }
        _from[_arcCount] = u; _to[_arcCount] = v; _capInit[_arcCount] = cap;
        _from[_arcCount + 1] = v; _to[_arcCount + 1] = u; _capInit[_arcCount + 1] = reverseCap;
        _arcCount += 2;
    }

    /// <summary>Maximum s–t flow value; saturating at <see cref="Infinite"/> means "no finite cut".</summary>
    public long MaxFlow(int s, int t, CancellationToken ct = default)
    {
        Freeze();
        long total = 0;
        var stack = new int[_n];
        while (Bfs(s, t))
        {
            ct.ThrowIfCancellationRequested();
            Array.Copy(_off, _it, _n);
            while (true)
            {
                long pushed = Augment(s, t, stack);
                if (pushed == 0) break;
                total += pushed;
                if (total >= Infinite) return Infinite;
            }
        }
        return total;
    }

    /// <summary>After <see cref="MaxFlow"/>: vertices reachable from s in the residual network (the source side of
    /// a minimum cut).</summary>
    public bool[] ResidualReachable(int s)
    {
        var seen = new bool[_n];
        var queue = new int[_n];
        int head = 0, tail = 0;
        queue[tail++] = s;
        seen[s] = true;
        while (head < tail)
        {
            int v = queue[head++];
            for (int i = _off[v]; i < _off[v + 1]; i++)
            {
                int a = _arcs[i];
                int w = _head[a];
                if (_cap[a] > 0 && !seen[w]) { seen[w] = true; queue[tail++] = w; }
            }
        }
        return seen;
    }

    private void Freeze()
    {
        int m = _arcCount;
        _head = _to[..m];
        _cap = _capInit[..m];
        _off = new int[_n + 1];
        for (int a = 0; a < m; a++) _off[_from[a] + 1]++;
        for (int i = 0; i < _n; i++) _off[i + 1] += _off[i];
        var fill = _off[.._n];
        _arcs = new int[m];
        for (int a = 0; a < m; a++) _arcs[fill[_from[a]]++] = a;
        _level = new int[_n];
        _it = new int[_n];
        _queue = new int[_n];
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool Bfs(int s, int t)
    {
        Array.Fill(_level, -1);
        var queue = _queue;
        int head = 0, tail = 0;
        queue[tail++] = s;
        _level[s] = 0;
        while (head < tail)
        {
            int v = queue[head++];
            // Vertices at t's level or beyond cannot lie on a shortest augmenting path: stop expanding there.
            if (_level[t] >= 0 && _level[v] >= _level[t]) break;
            for (int i = _off[v]; i < _off[v + 1]; i++)
            {
                int a = _arcs[i];
                int w = _head[a];
                if (_cap[a] > 0 && _level[w] < 0) { _level[w] = _level[v] + 1; queue[tail++] = w; }
            }
        }
        return _level[t] >= 0;
    }

    /// <summary>Finds one s–t path in the level graph and pushes its bottleneck; 0 when none is left.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private long Augment(int s, int t, int[] stack)
    {
        int depth = 0; // stack holds arc ids of the current path
        int v = s;
        while (true)
        {
            if (v == t)
            {
                long bottleneck = Infinite;
                for (int i = 0; i < depth; i++) bottleneck = Math.Min(bottleneck, _cap[stack[i]]);
                for (int i = 0; i < depth; i++) { _cap[stack[i]] -= bottleneck; _cap[stack[i] ^ 1] += bottleneck; }
                return bottleneck;
            }
            bool advanced = false;
            for (; _it[v] < _off[v + 1]; _it[v]++)
            {
                int a = _arcs[_it[v]];
                int w = _head[a];
                if (_cap[a] > 0 && _level[w] == _level[v] + 1)
                {
                    stack[depth++] = a;
                    v = w;
                    advanced = true;
                    break;
                }
            }
            if (advanced) continue;
            // Dead end: drop v from the level graph and step back.
            _level[v] = -1;
            if (depth == 0) return 0;
            int back = stack[--depth];
            v = _head[back ^ 1];
            _it[v]++;
        }
    }
}
