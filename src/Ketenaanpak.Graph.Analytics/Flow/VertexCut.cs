using System.Collections.Immutable;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Flow;

/// <summary>
/// A source and a target that no barrier can separate: tied directly (<see cref="Path"/> has two vertices), the same
/// vertex (one vertex), or joined by a path whose intermediate vertices are all non-cuttable.
/// </summary>
public sealed record UncuttableConnection(int Source, int Target, ImmutableArray<int> Path)
{
    /// <summary>True when source and target share an edge (or are the same vertex).</summary>
    public bool IsDirectTie => Path.Length <= 2;
}

/// <summary>Answer of <see cref="VertexCut.Minimum(CsrGraph, IReadOnlyCollection{int}, IReadOnlyCollection{int}, IReadOnlyList{bool}, CancellationToken)"/>.</summary>
/// <param name="Separable">True when removing cuttable vertices can separate every source from every target.</param>
/// <param name="Cut">A minimum set of cuttable vertices whose removal separates all sources from all targets
/// (ascending ids); empty when the sets are already separated or when not separable.</param>
/// <param name="Blockers">Why it is not separable: every direct tie, and per other unreachable-by-barrier target one
/// uncuttable path. Empty when separable.</param>
/// <param name="CutBesidesDirectTies">When only direct ties prevent separation: the minimum cut that severs every
/// other route once the direct ties are dealt with by other means (arrest, victim care); null when not applicable
/// or when an uncuttable indirect route remains even then.</param>
public sealed record VertexCutResult(
    bool Separable,
    ImmutableArray<int> Cut,
    ImmutableArray<UncuttableConnection> Blockers,
    ImmutableArray<int>? CutBesidesDirectTies)
{
    /// <summary>Size of <see cref="Cut"/>.</summary>
    public int Size => Cut.Length;

    /// <summary>The direct ties among the blockers.</summary>
    public IEnumerable<UncuttableConnection> DirectTies => Blockers.Where(b => b.IsDirectTie);
}

/// <summary>
/// Minimum vertex cut between a source set (perpetrators) and a target set (victims) where only "cuttable" vertices
/// (legal facilitators at which a barrier can be raised) may be removed; the barrier model's question "which smallest
/// set of facilitators, if each raised a barrier, cuts the victims loose?".
/// </summary>
/// <remarks>
/// <para><b>Method.</b> Vertex splitting: every vertex v becomes v_in → v_out with capacity 1 if v is cuttable (and
/// neither source nor target) and ∞ otherwise; every edge u–v becomes u_out → v_in and v_out → u_in with capacity
/// ∞; a super-source feeds every source and every target drains to a super-sink. By Menger's theorem the maximum
/// flow equals the minimum number of cuttable vertices meeting every source–target path, and the vertices whose
/// v_in is residual-reachable from the super-source but v_out is not form such a cut. Max flow by Dinic over arc
/// arrays.</para>
/// <para><b>Not separable.</b> When a source and a target are tied directly, or joined through non-cuttable
/// vertices only, no barrier can separate them: the answer says so and names those ties (one path per such target)
/// rather than returning an empty or infinite cut.</para>
/// <para><b>Direction.</b> An undirected graph is crossed both ways; a directed graph only along arcs (routes from
/// perpetrator to victim).</para>
/// <para><b>Complexity.</b> O(n + m) to check separability; Dinic on unit vertex capacities O(m·sqrt(n)).</para>
/// <para><b>References.</b> K. Menger, Fund. Math. 10, 1927; L. R. Ford and D. R. Fulkerson, Flows in Networks, 1962,
/// ch. I.11 (vertex splitting); E. A. Dinic, Soviet Math. Doklady 11, 1970.</para>
/// </remarks>
public static class VertexCut
{
    /// <summary>Minimum cut of cuttable vertices between <paramref name="sources"/> and <paramref name="targets"/>.</summary>
    public static VertexCutResult Minimum(CsrGraph g, IReadOnlyCollection<int> sources, IReadOnlyCollection<int> targets,
        IReadOnlyList<bool> cuttable, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(cuttable);
        if (cuttable.Count != g.NodeCount) throw new ArgumentException("One cuttable flag per vertex is needed.", nameof(cuttable));
        int n = g.NodeCount;
        var isSource = new bool[n];
        var isTarget = new bool[n];
        foreach (var s in sources) isSource[Check(g, s)] = true;
        foreach (var t in targets) isTarget[Check(g, t)] = true;
        var blockers = FindBlockers(g, isSource, isTarget, cuttable);
        if (blockers.Count == 0)
            return new VertexCutResult(true, Solve(g, isSource, isTarget, cuttable, null, ct)
                ?? throw new InvalidOperationException("An uncuttable route was missed; please report."), [], null);
        ImmutableArray<int>? besides = null;
        if (blockers.All(b => b.IsDirectTie && b.Source != b.Target))
        {
            var skip = new HashSet<long>(blockers.Select(b => PairKey(b.Source, b.Target)), Internal.PairKeyComparer.Instance);
            besides = Solve(g, isSource, isTarget, cuttable, skip, ct);
        }
        return new VertexCutResult(false, [], [.. blockers], besides);
    }

    /// <summary>Cut on a snapshot's undirected view: perpetrators vs victims (in a dossier, or in any dossier), with
    /// the snapshot's <see cref="SnapshotNode.Cuttable"/> flags.</summary>
    public static VertexCutResult Minimum(GraphSnapshot snapshot, string? dossier = null, CancellationToken ct = default) =>
        Minimum(snapshot.Undirected, snapshot.NodesWithRole(NodeRole.Perpetrator, dossier),
            snapshot.NodesWithRole(NodeRole.Victim, dossier), snapshot.CuttableMask(), ct);

    /// <summary>
    /// Every direct tie, and per target one shortest indirect path (≥ 2 edges, direct source–target edges ignored)
    /// whose inner vertices are all non-cuttable.
    /// </summary>
    private static List<UncuttableConnection> FindBlockers(CsrGraph g, bool[] isSource, bool[] isTarget,
        IReadOnlyList<bool> cuttable)
    {
        int n = g.NodeCount;
        var found = new List<UncuttableConnection>();
        for (int s = 0; s < n; s++)
        {
            if (!isSource[s]) continue;
            if (isTarget[s]) found.Add(new(s, s, [s]));
            foreach (var t in g.Neighbors(s))
                if (isTarget[t] && t != s) found.Add(new(s, t, [s, t]));
        }
        // Multi-source BFS from all sources through vertices that cannot be cut; targets end a path. Direct
        // source–target edges are skipped so that routes behind a direct tie are still found and named.
        var parent = new int[n];
        Array.Fill(parent, -2);
        var queue = new Queue<int>();
        for (int s = 0; s < n; s++)
            if (isSource[s] && !isTarget[s]) { parent[s] = -1; queue.Enqueue(s); }
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            foreach (var w in g.Neighbors(v))
            {
                if (parent[w] != -2 || (isSource[v] && isTarget[w])) continue;
                parent[w] = v;
                if (isTarget[w])
                {
                    var path = new List<int> { w };
                    for (int x = v; x != -1; x = parent[x]) path.Add(x);
                    path.Reverse();
                    found.Add(new(path[0], w, [.. path]));
                    continue;
                }
                if (!cuttable[w]) queue.Enqueue(w);
            }
        }
        return found;
    }

    /// <summary>The minimum cut, or null when the flow is unbounded (an uncuttable route remains).</summary>
    private static ImmutableArray<int>? Solve(CsrGraph g, bool[] isSource, bool[] isTarget, IReadOnlyList<bool> cuttable,
        HashSet<long>? skipPairs, CancellationToken ct)
    {
        int n = g.NodeCount;
        int superS = 2 * n, superT = 2 * n + 1;
        var net = new Dinic(2 * n + 2, 2 * (n + g.ArcCount + 2 * n));
        for (int v = 0; v < n; v++)
        {
            bool cut = cuttable[v] && !isSource[v] && !isTarget[v];
            net.AddArc(2 * v, 2 * v + 1, cut ? 1 : Dinic.Infinite);
            if (isSource[v]) net.AddArc(superS, 2 * v, Dinic.Infinite);
            if (isTarget[v]) net.AddArc(2 * v + 1, superT, Dinic.Infinite);
        }
        for (int v = 0; v < n; v++)
        {
            foreach (var w in g.Neighbors(v))
            {
                if (skipPairs is not null && skipPairs.Contains(PairKey(v, w))) continue;
                net.AddArc(2 * v + 1, 2 * w, Dinic.Infinite);
            }
        }
        long flow = net.MaxFlow(superS, superT, ct);
        if (flow >= Dinic.Infinite) return null;
        var reach = net.ResidualReachable(superS);
        var cutSet = new List<int>();
        for (int v = 0; v < n; v++)
            if (reach[2 * v] && !reach[2 * v + 1]) cutSet.Add(v);
        return ImmutableArray.CreateRange(cutSet);
    }

    private static long PairKey(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static int Check(CsrGraph g, int v) =>
        (uint)v < (uint)g.NodeCount ? v : throw new ArgumentOutOfRangeException(nameof(v), $"Vertex {v} is not in the graph.");
}
