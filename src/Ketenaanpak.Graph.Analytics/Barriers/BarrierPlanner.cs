using System.Collections.Immutable;

namespace Ketenaanpak.Graph.Analytics.Barriers;

/// <summary>
/// The barrier plan: at most K facilitators, within each barrier owner's capacity, that break the most dependencies
/// (docs/analytics.md, "Barrier plan").
/// </summary>
/// <remarks>
/// <para><b>Exact</b> when at most <see cref="ExactFacilitatorLimit"/> facilitators lie on a route (the others can
/// never break anything and are left out). The phases do not share facilitators, so the number broken is the sum of
/// the phases' numbers. Per phase, a depth-first search over the phase's candidates (most necessary first) finds the
/// best set of each size up to K, pruned by the bound "what barring the chosen set and every remaining candidate
/// would break" (the count can only grow as barriers are added). Without capacities the phases are combined by a
/// knapsack over the budget; with capacities a second search over all candidates, bounded per phase by those
/// tables, keeps each owner within its capacity. The work is limited to <see cref="WorkLimit"/> vertex visits, shared
/// between the phases; a part that runs out keeps the best sets it found, and the answer is then the better of that and
/// the greedy plan, with <c>optimal: false</c>.</para>
/// <para><b>Greedy</b> beyond that: repeatedly bar the facilitator that alone breaks the most still-standing
/// dependencies (ties: the larger alternative share, then the lower id), read from the block-cut tree of each phase
/// in O(n + m), so a plan costs O(K·(n + m)). When no single barrier breaks anything, the one with the largest share
/// is barred, so that alternatives are closed together. Guarantee: when every victim has one route per phase (one
/// landlord, one agency, one bank — the common dossier), a set of barriers breaks exactly the dependencies whose route
/// holds one of them; the count is then a coverage function and the greedy plan breaks at least (1 − 1/e) ≈ 63 % of
/// the optimum (Nemhauser, Wolsey and Fisher, Math. Programming 14, 1978). Where routes have alternatives (two
/// landlords for the same victims) the count is not submodular and the greedy plan has no constant-factor
/// guarantee; it says so with <c>optimal: false</c>.</para>
/// <para>Both plans are pruned afterwards: a barrier whose removal breaks no fewer dependencies is dropped.</para>
/// </remarks>
public static class BarrierPlanner
{
    public const int ExactFacilitatorLimit = 60;

    /// <summary>Vertex visits the exact search may spend before it falls back to the greedy plan.</summary>
    public const long WorkLimit = 400_000_000;

    public static BarrierPlan Plan(BarrierNetwork network, BarrierLimits limits, bool withVictims = true, CancellationToken ct = default) =>
        Plan(network, limits, withVictims, ExactFacilitatorLimit, ct);

    /// <summary>As <see cref="Plan(BarrierNetwork, BarrierLimits, bool, CancellationToken)"/>, with the size up to which
    /// the search is exact (tests force the greedy plan with 0).</summary>
    internal static BarrierPlan Plan(BarrierNetwork network, BarrierLimits limits, bool withVictims, int exactLimit, CancellationToken ct,
        long workLimit = WorkLimit)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Budget < 0) throw new ArgumentOutOfRangeException(nameof(limits), "The budget cannot be negative.");
        var phases = BarrierAnalysis.PhaseNetworks(network, ct);
        int dependencies = phases.Sum(h => h.Dependencies);
        var ranking = BarrierAnalysis.Ranking(network, phases, dependencies, withVictims);
        var candidates = ranking.Where(s => s.Score > 0 && limits.CapacityOf(limits.Owner(s.Vertex)) > 0).ToList();

        List<int> plan;
        string method;
        bool optimal = false;
        if (candidates.Count <= exactLimit)
        {
            var search = new ExactSearch(phases, candidates, limits, workLimit, ct);
            plan = search.Run();
            optimal = !search.Incomplete;
            method = "exact";
            if (!optimal)
            {
                // The search ran out of work somewhere: keep whichever is better, its best find or the greedy plan.
                var greedy = Greedy(phases, candidates, limits, ct);
                bool greedyBetter = Total(network, phases, greedy) > Total(network, phases, plan);
                plan = greedyBetter ? greedy : plan;
                method = greedyBetter ? "greedy (the exact search stopped at its work limit)" : "best found before the exact search's work limit";
            }
        }
        else
        {
            plan = Greedy(phases, candidates, limits, ct);
            method = $"greedy (more than {exactLimit} facilitators on a route)";
        }
        plan = Prune(network, phases, plan);
        var byPhase = BarrierAnalysis.Breaks(network, phases, plan);
        return new BarrierPlan(dependencies, byPhase.Sum(p => p.Broken), [.. plan.Order()], optimal, method, ranking,
            network.DirectTies(), byPhase);
    }

    private static int Total(BarrierNetwork network, List<PhaseNetwork> phases, IEnumerable<int> set) =>
        BarrierAnalysis.Breaks(network, phases, set).Sum(p => p.Broken);

    private static List<int> Prune(BarrierNetwork network, List<PhaseNetwork> phases, List<int> plan)
    {
        int Total(IEnumerable<int> set) => BarrierPlanner.Total(network, phases, set);
        var kept = plan.ToList();
        int full = Total(kept);
        // Least useful first: try dropping the later picks before the earlier ones.
        for (int i = kept.Count - 1; i >= 0; i--)
        {
            var without = kept.Where((_, j) => j != i).ToList();
            if (Total(without) >= full) kept = without;
        }
        return kept;
    }

    private static List<int> Greedy(List<PhaseNetwork> phases, List<FacilitatorShare> candidates, BarrierLimits limits, CancellationToken ct)
    {
        var allowed = candidates.Select(c => c.Vertex).ToHashSet();
        var barred = phases.Select(h => new bool[h.Count]).ToArray();
        var shares = phases.Select(h => DependencyShares.Compute(h, null)).ToArray();
        var used = new Dictionary<int, int>();
        var plan = new List<int>();
        for (int step = 0; step < limits.Budget; step++)
        {
            ct.ThrowIfCancellationRequested();
            (int Phase, int Local, int Necessary, double Alternative, int Vertex)? best = null;
            for (int p = 0; p < phases.Count; p++)
            {
                var h = phases[p];
                var (necessary, alternative) = shares[p];
                for (int i = 1; i < h.Count; i++)
                {
                    if (h.Role[i] != BarrierRole.Facilitator || barred[p][i] || !allowed.Contains(h.Global[i])) continue;
                    if (necessary[i] == 0 && alternative[i] <= 1e-12) continue;
                    int owner = limits.Owner(h.Global[i]);
                    if (used.GetValueOrDefault(owner) >= limits.CapacityOf(owner)) continue;
                    var candidate = (p, i, necessary[i], alternative[i], h.Global[i]);
                    if (best is not { } b || Better(candidate, b)) best = candidate;
                }
            }
            if (best is not { } pick) break;
            barred[pick.Phase][pick.Local] = true;
            plan.Add(pick.Vertex);
            int pickOwner = limits.Owner(pick.Vertex);
            used[pickOwner] = used.GetValueOrDefault(pickOwner) + 1;
            shares[pick.Phase] = DependencyShares.Compute(phases[pick.Phase], barred[pick.Phase]);
        }
        return plan;

        static bool Better((int, int, int Necessary, double Alternative, int Vertex) a, (int, int, int Necessary, double Alternative, int Vertex) b) =>
            a.Necessary != b.Necessary ? a.Necessary > b.Necessary
            : Math.Abs(a.Alternative - b.Alternative) > 1e-9 ? a.Alternative > b.Alternative
            : a.Vertex < b.Vertex;
    }

    /// <summary>The exact search: per-phase tables, then a knapsack or, with capacities, a bounded search.</summary>
    private sealed class ExactSearch(List<PhaseNetwork> phases, List<FacilitatorShare> candidates, BarrierLimits limits, long workLimit, CancellationToken ct)
    {
        private long _work, _limit;
        private bool _gaveUp;

        /// <summary>True when some part of the search stopped at its share of the work limit: the plan is then the best
        /// one found, not proven optimal.</summary>
        public bool Incomplete { get; private set; }

        /// <summary>The best plan found (network vertices); optimal unless <see cref="Incomplete"/>.</summary>
        public List<int> Run()
        {
            int budget = Math.Min(limits.Budget, candidates.Count);
            var tables = new PhaseTable[phases.Count];
            for (int p = 0; p < phases.Count; p++)
            {
                var local = candidates.Where(c => c.Phase == p)
                    .OrderByDescending(c => c.BreaksAlone).ThenByDescending(c => c.AlternativeShare).ThenBy(c => c.Vertex)
                    .Select(c => Array.IndexOf(phases[p].Global, c.Vertex)).ToList();
                // Each phase gets its share of the work, so that one hard phase does not leave the others unsearched;
                // a phase that runs out keeps the best sets it found (still real plans, only not proven best).
                Restart(workLimit / (phases.Count + 1));
                tables[p] = BestPerSize(phases[p], local, Math.Min(budget, local.Count));
            }
            Restart(workLimit / (phases.Count + 1));
            return limits.HasCapacities ? WithinCapacities(tables, budget) : Knapsack(tables, budget);
        }

        private void Restart(long limit)
        {
            Incomplete |= _gaveUp;
            _gaveUp = false;
            _work = 0;
            _limit = limit;
        }

        private int Broken(PhaseNetwork h, bool[] barred)
        {
            ct.ThrowIfCancellationRequested();
            _work += h.Count;
            if (_work > _limit) _gaveUp = true;
            return h.Broken(barred);
        }

        /// <summary>Per size k ≤ max: the most dependencies of this phase that k of its candidates break, and a set that does.</summary>
        private PhaseTable BestPerSize(PhaseNetwork h, List<int> local, int max)
        {
            var value = new int[max + 1];
            var sets = new List<int>[max + 1];
            for (int k = 0; k <= max; k++) sets[k] = [];
            var barred = new bool[h.Count];
            var chosen = new List<int>();
            Search(0);
            // "At most k": carry the better smaller set forward.
            for (int k = 1; k <= max; k++)
                if (value[k - 1] >= value[k]) { value[k] = value[k - 1]; sets[k] = sets[k - 1]; }
            return new PhaseTable(value, [.. sets.Select(s => s.Select(i => h.Global[i]).ToList())]);

            int PrefixBest(int size) { int b = 0; for (int k = 0; k <= Math.Min(size, max); k++) b = Math.Max(b, value[k]); return b; }

            void Search(int from)
            {
                if (_gaveUp) return;
                int current = chosen.Count == 0 ? 0 : Broken(h, barred);
                if (current > value[chosen.Count]) { value[chosen.Count] = current; sets[chosen.Count] = [.. chosen]; }
                if (chosen.Count == max || from == local.Count) return;
                for (int i = from; i < local.Count; i++) barred[local[i]] = true;
                int bound = Broken(h, barred);
                for (int i = from; i < local.Count; i++) barred[local[i]] = chosen.Contains(local[i]);
                if (bound <= PrefixBest(chosen.Count + 1)) return;
                for (int i = from; i < local.Count && !_gaveUp; i++)
                {
                    barred[local[i]] = true;
                    chosen.Add(local[i]);
                    Search(i + 1);
                    chosen.RemoveAt(chosen.Count - 1);
                    barred[local[i]] = false;
                }
            }
        }

        private static List<int> Knapsack(PhaseTable[] tables, int budget)
        {
            // best[p, b]: most broken in phases 0..p-1 with at most b barriers, and among those the fewest barriers
            // (used[p, b]); pick[p, b]: the table size given to phase p-1.
            var best = new int[tables.Length + 1, budget + 1];
            var used = new int[tables.Length + 1, budget + 1];
            var pick = new int[tables.Length + 1, budget + 1];
            for (int p = 1; p <= tables.Length; p++)
            {
                var t = tables[p - 1];
                for (int b = 0; b <= budget; b++)
                {
                    best[p, b] = -1;
                    for (int k = 0; k <= Math.Min(b, t.MaxSize); k++)
                    {
                        int v = best[p - 1, b - k] + t.Value[k];
                        int u = used[p - 1, b - k] + t.Sets[k].Count;
                        if (v > best[p, b] || (v == best[p, b] && u < used[p, b])) { best[p, b] = v; used[p, b] = u; pick[p, b] = k; }
                    }
                }
            }
            var plan = new List<int>();
            for (int p = tables.Length, b = budget; p >= 1; p--)
            {
                int k = pick[p, b];
                plan.AddRange(tables[p - 1].Sets[k]);
                b -= k;
            }
            return plan;
        }

        /// <summary>With owners' capacities: a search over every candidate (by phase), bounded by the phase tables.</summary>
        private List<int> WithinCapacities(PhaseTable[] tables, int budget)
        {
            var order = candidates.OrderBy(c => c.Phase).ThenByDescending(c => c.BreaksAlone).ThenBy(c => c.Vertex).ToList();
            var barred = phases.Select(h => new bool[h.Count]).ToArray();
            var local = order.Select(c => Array.IndexOf(phases[c.Phase].Global, c.Vertex)).ToArray();
            var phaseValue = new int[phases.Count];
            var phaseCount = new int[phases.Count];
            var used = new Dictionary<int, int>();
            var chosen = new List<int>();
            int best = -1;
            List<int> bestPlan = [];
            Search(0, budget);
            return bestPlan;

            void Search(int from, int remaining)
            {
                if (_gaveUp) return;
                int current = phaseValue.Sum();
                if (current > best || (current == best && chosen.Count < bestPlan.Count)) { best = current; bestPlan = [.. chosen]; }
                if (from == order.Count || remaining == 0) return;
                int firstOpen = order[from].Phase;
                int bound = 0;
                for (int p = 0; p < phases.Count; p++)
                    bound += p < firstOpen ? phaseValue[p] : tables[p].Value[Math.Min(tables[p].MaxSize, phaseCount[p] + remaining)];
                if (bound <= best) return;
                for (int i = from; i < order.Count && !_gaveUp; i++)
                {
                    var c = order[i];
                    int owner = limits.Owner(c.Vertex);
                    if (used.GetValueOrDefault(owner) >= limits.CapacityOf(owner)) continue;
                    int before = phaseValue[c.Phase];
                    barred[c.Phase][local[i]] = true;
                    phaseCount[c.Phase]++;
                    used[owner] = used.GetValueOrDefault(owner) + 1;
                    chosen.Add(c.Vertex);
                    phaseValue[c.Phase] = Broken(phases[c.Phase], barred[c.Phase]);
                    Search(i + 1, remaining - 1);
                    chosen.RemoveAt(chosen.Count - 1);
                    used[owner]--;
                    phaseCount[c.Phase]--;
                    barred[c.Phase][local[i]] = false;
                    phaseValue[c.Phase] = before;
                }
            }
        }

        private sealed record PhaseTable(int[] Value, List<int>[] Sets)
        {
            public int MaxSize => Value.Length - 1;
        }
    }
}
