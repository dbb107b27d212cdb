using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>The size and seed of a synthetic graph; the same values give byte-identical output.</summary>
public sealed record SyntheticGraphOptions(long Nodes, long Edges, long Seed)
{
    public const long MinNodes = 2;

    /// <summary>Node ids and ranks are kept in 32-bit-friendly ranges and per-source degrees in <see cref="int"/>.</summary>
    public const long MaxNodes = 100_000_000;

    /// <summary>The most edges a simple undirected graph on <paramref name="nodes"/> nodes has: N(N-1)/2.</summary>
    public static long MaxSimpleEdges(long nodes) => nodes * (nodes - 1) / 2;

    /// <summary>
    /// The most edges that fit the relation types on <paramref name="nodes"/> nodes: fewer than
    /// <see cref="MaxSimpleEdges"/>, because e.g. a document only links to a person and an online ad only to a phone.
    /// </summary>
    public static long MaxTypedEdges(long nodes) => EdgeBlocks.MaxEdges(nodes);

    /// <summary>Why these options cannot produce a graph, or null when they can.</summary>
    public string? Problem()
    {
        if (Nodes < MinNodes || Nodes > MaxNodes) return $"the number of nodes must be between {MinNodes} and {MaxNodes}, got {Nodes}.";
        if (Edges < 1) return $"the number of edges must be at least 1, got {Edges}.";
        if (Edges > MaxSimpleEdges(Nodes))
            return $"{Edges} edges do not fit a simple graph on {Nodes} nodes (at most N(N-1)/2 = {MaxSimpleEdges(Nodes)}).";
        if (Edges > MaxTypedEdges(Nodes))
            return $"{Edges} edges do not fit the relation types on {Nodes} nodes (at most {MaxTypedEdges(Nodes)}: "
                + "documents, vehicles, ads and addresses only link to some kinds).";
        return null;
    }
}

/// <summary>What was written: counts per kind and per relation type, and the degree exponent drawn from the seed.</summary>
public sealed record SyntheticGraphSummary(
    long Nodes,
    long Edges,
    double Gamma,
    IReadOnlyDictionary<NodeKind, long> NodesPerKind,
    IReadOnlyDictionary<RelationType, long> EdgesPerType);
