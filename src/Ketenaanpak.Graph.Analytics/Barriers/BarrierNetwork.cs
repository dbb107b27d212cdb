using System.Collections.Immutable;
using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Barriers;

/// <summary>The part a vertex plays in the barrier model (domain.md §3).</summary>
public enum BarrierRole
{
    /// <summary>Anyone else: left out of every phase network.</summary>
    Other = 0,
    Perpetrator = 1,
    Victim = 2,
    /// <summary>A legal facilitator of one phase, where a barrier can be raised.</summary>
    Facilitator = 3,
}

/// <summary>
/// A network read for the barrier model: an undirected graph, each vertex's role, and each facilitator's phase (an
/// index into <see cref="Phases"/>; -1 for every other vertex).
/// </summary>
public sealed class BarrierNetwork
{
    public BarrierNetwork(CsrGraph graph, IReadOnlyList<BarrierRole> roles, IReadOnlyList<int> phaseOf, IReadOnlyList<string> phases)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(phaseOf);
        ArgumentNullException.ThrowIfNull(phases);
        if (graph.IsDirected) throw new ArgumentException("The barrier model reads the undirected network.", nameof(graph));
        if (roles.Count != graph.NodeCount || phaseOf.Count != graph.NodeCount)
            throw new ArgumentException("One role and one phase per vertex are needed.");
        if (phases.Count == 0) throw new ArgumentException("At least one phase is needed.", nameof(phases));
        for (int v = 0; v < graph.NodeCount; v++)
        {
            bool facilitator = roles[v] == BarrierRole.Facilitator;
            if (facilitator && (uint)phaseOf[v] >= (uint)phases.Count)
                throw new ArgumentException($"Facilitator {v} has no phase out of the {phases.Count} phases.");
        }
        Graph = graph;
        Roles = [.. roles];
        PhaseOf = [.. Enumerable.Range(0, graph.NodeCount).Select(v => roles[v] == BarrierRole.Facilitator ? phaseOf[v] : -1)];
        Phases = [.. phases];
    }

    public CsrGraph Graph { get; }
    public ImmutableArray<BarrierRole> Roles { get; }
    public ImmutableArray<int> PhaseOf { get; }
    public ImmutableArray<string> Phases { get; }
    public int NodeCount => Graph.NodeCount;

    public IEnumerable<int> VerticesWith(BarrierRole role) => Enumerable.Range(0, NodeCount).Where(v => Roles[v] == role);

    /// <summary>Every perpetrator–victim edge, as (perpetrator, victim), in ascending order: the criminal-law lane.</summary>
    public ImmutableArray<(int Perpetrator, int Victim)> DirectTies()
    {
        var ties = new SortedSet<(int, int)>();
        for (int v = 0; v < NodeCount; v++)
        {
            if (Roles[v] != BarrierRole.Perpetrator) continue;
            foreach (var w in Graph.Neighbors(v))
                if (Roles[w] == BarrierRole.Victim) ties.Add((v, w));
        }
        return [.. ties];
    }
}

/// <summary>
/// What limits a plan: at most <see cref="Budget"/> barriers, and — when owners are given — at most
/// <c>Capacity[o]</c> barriers for owner o, where <c>OwnerOf[v]</c> is the owner of facilitator v (-1: no owner, only
/// the budget limits it).
/// </summary>
public sealed record BarrierLimits(int Budget, IReadOnlyList<int>? OwnerOf = null, IReadOnlyList<int>? Capacity = null)
{
    public bool HasCapacities => OwnerOf is not null && Capacity is not null;

    internal int Owner(int v) => OwnerOf is { } owners && v < owners.Count ? owners[v] : -1;

    internal int CapacityOf(int owner) => owner >= 0 && Capacity is { } c && owner < c.Count ? c[owner] : int.MaxValue;
}
