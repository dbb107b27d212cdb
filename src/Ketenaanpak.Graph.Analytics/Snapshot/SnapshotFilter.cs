using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Analytics.Snapshot;

/// <summary>
/// Which part of a snapshot a request may see and wants to analyse. Every criterion is optional; all given criteria
/// must hold. A node passes when its kind is listed (nodes without kind pass a kind filter only if
/// <see cref="IncludeUntypedNodes"/>), it belongs to <see cref="Dossier"/>, and <see cref="NodeVisible"/> accepts it.
/// An edge passes when both endpoints pass, its type is listed, its validity interval overlaps
/// [<see cref="From"/>, <see cref="To"/>], and <see cref="EdgeVisible"/> accepts it.
/// </summary>
/// <remarks>The visibility predicates are where the access policy plugs in; they must be pure and thread-safe.</remarks>
public sealed record SnapshotFilter
{
    /// <summary>Node kinds to keep; null keeps all.</summary>
    public IReadOnlySet<NodeKind>? NodeKinds { get; init; }

    /// <summary>Whether nodes without a kind pass a <see cref="NodeKinds"/> filter.</summary>
    public bool IncludeUntypedNodes { get; init; } = true;

    /// <summary>Relation types to keep; null keeps all.</summary>
    public IReadOnlySet<RelationType>? RelationTypes { get; init; }

    /// <summary>Start of the date window (inclusive); null is open.</summary>
    public DateOnly? From { get; init; }

    /// <summary>End of the date window (inclusive); null is open.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Keep only the nodes of this dossier (roles then come from that dossier).</summary>
    public string? Dossier { get; init; }

    /// <summary>The caller's node visibility rule (security issue); null sees all.</summary>
    public Func<SnapshotNode, bool>? NodeVisible { get; init; }

    /// <summary>The caller's edge visibility rule, given the edge and both endpoint nodes; null sees all.</summary>
    public Func<SnapshotEdge, SnapshotNode, SnapshotNode, bool>? EdgeVisible { get; init; }

    /// <summary>A filter that keeps everything.</summary>
    public static SnapshotFilter All { get; } = new();
}
