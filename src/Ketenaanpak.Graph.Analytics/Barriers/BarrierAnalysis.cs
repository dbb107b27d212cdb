using System.Collections.Immutable;

namespace Ketenaanpak.Graph.Analytics.Barriers;

/// <summary>
/// One facilitator's share in the dependencies: <see cref="BreaksAlone"/> dependencies run through it and through no
/// alternative (barring it alone breaks them); on others it is one of several alternatives and carries
/// <see cref="AlternativeShare"/> (1/a for each route where a facilitators are interchangeable).
/// <see cref="Score"/> = (BreaksAlone + AlternativeShare) / all dependencies of the network; it is positive exactly
/// when the facilitator lies on some simple route from a victim to a perpetrator within its phase.
/// </summary>
public sealed record FacilitatorShare(int Vertex, int Phase, double Score, int BreaksAlone, double AlternativeShare,
    ImmutableArray<int> VictimsBrokenAlone);

/// <summary>Per phase: the victims that depend on it, and the ones a set of barriers cuts loose.</summary>
public sealed record PhaseDependencies(int Phase, string Code, ImmutableArray<int> DependentVictims, ImmutableArray<int> BrokenVictims)
{
    public int Dependencies => DependentVictims.Length;
    public int Broken => BrokenVictims.Length;
}

/// <summary>
/// A barrier plan: <see cref="Plan"/> (at most the budget, within the owners' capacities) breaks <see cref="Broken"/>
/// of the <see cref="Dependencies"/>. <see cref="Optimal"/> says whether no other plan within the limits breaks more
/// (exact search) or the plan is greedy (<see cref="Method"/>).
/// </summary>
public sealed record BarrierPlan(
    int Dependencies,
    int Broken,
    ImmutableArray<int> Plan,
    bool Optimal,
    string Method,
    ImmutableArray<FacilitatorShare> Ranking,
    ImmutableArray<(int Perpetrator, int Victim)> DirectTies,
    ImmutableArray<PhaseDependencies> ByPhase);

/// <summary>The dependencies, the facilitators' shares and the direct ties of a network, and what a set of barriers breaks.</summary>
public static class BarrierAnalysis
{
    /// <summary>Every facilitator's share, ranked (score descending, then vertex id); with
    /// <paramref name="withVictims"/> also which victims barring each alone cuts loose (one walk per such facilitator,
    /// so meant for dossier-sized networks).</summary>
    public static ImmutableArray<FacilitatorShare> Ranking(BarrierNetwork network, bool withVictims = true, CancellationToken ct = default)
    {
        var phases = PhaseNetworks(network, ct);
        return Ranking(network, phases, phases.Sum(h => h.Dependencies), withVictims);
    }

    /// <summary>What barring <paramref name="barred"/> (network vertices) breaks, phase by phase.</summary>
    public static ImmutableArray<PhaseDependencies> Breaks(BarrierNetwork network, IEnumerable<int> barred, CancellationToken ct = default) =>
        Breaks(network, PhaseNetworks(network, ct), barred);

    internal static List<PhaseNetwork> PhaseNetworks(BarrierNetwork network, CancellationToken ct)
    {
        var list = new List<PhaseNetwork>(network.Phases.Length);
        for (int p = 0; p < network.Phases.Length; p++)
        {
            ct.ThrowIfCancellationRequested();
            list.Add(new PhaseNetwork(network, p));
        }
        return list;
    }

    internal static ImmutableArray<FacilitatorShare> Ranking(BarrierNetwork network, List<PhaseNetwork> phases, int dependencies,
        bool withVictims)
    {
        var shares = new List<FacilitatorShare>();
        foreach (var h in phases)
        {
            var (necessary, alternative) = DependencyShares.Compute(h, null);
            var alone = withVictims ? VictimsBrokenAlone(h, necessary) : [];
            for (int i = 1; i < h.Count; i++)
            {
                if (h.Role[i] != BarrierRole.Facilitator) continue;
                double weight = necessary[i] + alternative[i];
                shares.Add(new FacilitatorShare(h.Global[i], h.Phase, dependencies == 0 ? 0 : weight / dependencies,
                    necessary[i], Math.Round(alternative[i], 9), alone.TryGetValue(i, out var victims) ? victims : []));
            }
        }
        return [.. shares.OrderByDescending(s => s.Score).ThenBy(s => s.Vertex)];
    }

    /// <summary>For each facilitator that alone breaks something: which victims (network ids), by barring it and walking.</summary>
    private static Dictionary<int, ImmutableArray<int>> VictimsBrokenAlone(PhaseNetwork h, int[] necessary)
    {
        var result = new Dictionary<int, ImmutableArray<int>>();
        var barred = new bool[h.Count];
        for (int i = 1; i < h.Count; i++)
        {
            if (necessary[i] == 0) continue;
            barred[i] = true;
            var reached = h.Reached(barred);
            barred[i] = false;
            result[i] = [.. Enumerable.Range(1, h.Count - 1).Where(j => h.Dependent[j] && !reached[j]).Select(j => h.Global[j]).Order()];
        }
        return result;
    }

    internal static ImmutableArray<PhaseDependencies> Breaks(BarrierNetwork network, List<PhaseNetwork> phases, IEnumerable<int> barred)
    {
        var set = barred.ToHashSet();
        var result = new List<PhaseDependencies>(phases.Count);
        foreach (var h in phases)
        {
            var flags = new bool[h.Count];
            for (int i = 1; i < h.Count; i++) flags[i] = h.Role[i] == BarrierRole.Facilitator && set.Contains(h.Global[i]);
            var reached = h.Reached(flags);
            var dependent = Enumerable.Range(1, h.Count - 1).Where(i => h.Dependent[i]).ToList();
            result.Add(new PhaseDependencies(h.Phase, network.Phases[h.Phase],
                [.. dependent.Select(i => h.Global[i]).Order()],
                [.. dependent.Where(i => !reached[i]).Select(i => h.Global[i]).Order()]));
        }
        return [.. result];
    }
}
