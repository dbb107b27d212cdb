using Ketenaanpak.Graph.Analytics.Barriers;

namespace Ketenaanpak.Graph.Analytics.Tests.Barriers;

/// <summary>
/// The barrier model's definitions (docs/analytics.md, "Barrier plan") written out as literally as possible, for small
/// networks: walks per victim, every subset for the optimum, every simple path for "lies on a route". Independent of
/// the planner's block-cut tree, tables and knapsack.
/// </summary>
internal sealed class BruteBarrierModel(int n, IReadOnlyList<(int U, int V)> edges, BarrierRole[] roles, int[] phaseOf, int phases)
{
    private readonly HashSet<int>[] _adjacent = Build(n, edges);

    private static HashSet<int>[] Build(int n, IReadOnlyList<(int U, int V)> edges)
    {
        var adjacent = Enumerable.Range(0, n).Select(_ => new HashSet<int>()).ToArray();
        foreach (var (u, v) in edges)
            if (u != v) { adjacent[u].Add(v); adjacent[v].Add(u); }
        return adjacent;
    }

    private bool InPhase(int v, int phase) => roles[v] is BarrierRole.Perpetrator or BarrierRole.Victim
        || (roles[v] == BarrierRole.Facilitator && phaseOf[v] == phase);

    private bool EdgeInPhase(int u, int v, int phase) => InPhase(u, phase) && InPhase(v, phase)
        && !((roles[u], roles[v]) is (BarrierRole.Perpetrator, BarrierRole.Victim) or (BarrierRole.Victim, BarrierRole.Perpetrator));

    /// <summary>Does victim v reach a perpetrator in H_φ without the barred vertices?</summary>
    public bool Reaches(int victim, int phase, ISet<int> barred)
    {
        var seen = new HashSet<int> { victim };
        var queue = new Queue<int>([victim]);
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            if (roles[u] == BarrierRole.Perpetrator) return true;
            foreach (var w in _adjacent[u])
                if (!barred.Contains(w) && EdgeInPhase(u, w, phase) && seen.Add(w)) queue.Enqueue(w);
        }
        return false;
    }

    public List<(int Victim, int Phase)> Dependencies()
    {
        var result = new List<(int, int)>();
        for (int p = 0; p < phases; p++)
            for (int v = 0; v < n; v++)
                if (roles[v] == BarrierRole.Victim && Reaches(v, p, new HashSet<int>())) result.Add((v, p));
        return result;
    }

    public int Broken(IEnumerable<int> barred)
    {
        var set = barred.ToHashSet();
        return Dependencies().Count(d => !Reaches(d.Victim, d.Phase, set));
    }

    public List<int> Facilitators => [.. Enumerable.Range(0, n).Where(v => roles[v] == BarrierRole.Facilitator)];

    /// <summary>The most dependencies any set of at most k facilitators breaks, within the owners' capacities.</summary>
    public int Optimum(int k, int[]? ownerOf = null, int[]? capacity = null)
    {
        var f = Facilitators;
        int best = 0;
        for (int mask = 0; mask < 1 << f.Count; mask++)
        {
            var set = Enumerable.Range(0, f.Count).Where(i => (mask & (1 << i)) != 0).Select(i => f[i]).ToList();
            if (set.Count > k) continue;
            if (ownerOf is not null && capacity is not null
                && set.GroupBy(v => ownerOf[v]).Any(g => g.Key >= 0 && g.Count() > capacity[g.Key])) continue;
            best = Math.Max(best, Broken(set));
        }
        return best;
    }

    /// <summary>The fewest facilitators that break <paramref name="target"/> dependencies.</summary>
    public int FewestBreaking(int target)
    {
        var f = Facilitators;
        int fewest = int.MaxValue;
        for (int mask = 0; mask < 1 << f.Count; mask++)
        {
            int size = System.Numerics.BitOperations.PopCount((uint)mask);
            if (size >= fewest) continue;
            if (Broken(Enumerable.Range(0, f.Count).Where(i => (mask & (1 << i)) != 0).Select(i => f[i])) >= target) fewest = size;
        }
        return fewest;
    }

    /// <summary>Does facilitator f lie on some simple path, within its phase's H_φ, from a victim to a perpetrator?</summary>
    public bool OnSomeRoute(int f)
    {
        int phase = phaseOf[f];
        for (int v = 0; v < n; v++)
        {
            if (roles[v] != BarrierRole.Victim) continue;
            var onPath = new bool[n];
            onPath[v] = true;
            if (Walk(v, phase, f, onPath)) return true;
        }
        return false;
    }

    private bool Walk(int u, int phase, int f, bool[] onPath)
    {
        if (roles[u] == BarrierRole.Perpetrator && onPath[f]) return true;
        foreach (var w in _adjacent[u])
        {
            if (onPath[w] || !EdgeInPhase(u, w, phase)) continue;
            onPath[w] = true;
            if (Walk(w, phase, f, onPath)) return true;
            onPath[w] = false;
        }
        return false;
    }

    public List<(int, int)> DirectTies() =>
        [.. Enumerable.Range(0, n).Where(p => roles[p] == BarrierRole.Perpetrator)
            .SelectMany(p => _adjacent[p].Where(v => roles[v] == BarrierRole.Victim).Select(v => (p, v))).Order()];
}
