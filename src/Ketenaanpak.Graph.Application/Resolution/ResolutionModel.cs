using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Names;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>
/// What the resolver knows of one entity, already normalised: the same shape whether it was read from the store (the
/// job) or generated in memory (resolve-bench), so both run the very same resolver.
/// </summary>
/// <param name="Id">The node.</param>
/// <param name="Kind">Its kind; only persons are compared fuzzily.</param>
/// <param name="ExactKey">The <see cref="ExactKeys"/> key, for kinds that have one.</param>
/// <param name="Name">A person's name in parts.</param>
/// <param name="BirthDate">Possibly partial.</param>
/// <param name="Nationality">ISO alpha-2.</param>
/// <param name="Neighbours">Keys of the entities it is linked to (node ids or exact keys, prefixed with the kind), for
/// "shared neighbours" evidence.</param>
public sealed record ResolutionRecord(NodeId Id, NodeKind Kind, string? ExactKey, PersonName? Name = null,
    DateOfBirth? BirthDate = null, string? Nationality = null, IReadOnlyList<string>? Neighbours = null)
{
    public IReadOnlyList<string> NeighbourKeys => Neighbours ?? [];
}

/// <summary>An automatic link: the new entity has the exact key of a stored one.</summary>
public sealed record ExactLink(NodeId New, NodeId Stored, NodeKind Kind, string Reason);

/// <summary>A scored candidate pair of persons for an analyst, with the reason per property in Dutch.</summary>
public sealed record ResolutionCandidateScore(NodeId New, NodeId Stored, double Score, IReadOnlyList<string> Reasons);

/// <summary>What one run produced.</summary>
/// <param name="Comparisons">Person pairs scored (the blocking keeps this far below all pairs).</param>
public sealed record ResolutionResult(IReadOnlyList<ExactLink> Links, IReadOnlyList<ResolutionCandidateScore> Candidates, long Comparisons);

/// <summary>Tuning of the resolver.</summary>
/// <param name="SuggestFrom">Lowest score that is put before an analyst.</param>
/// <param name="TopK">At most this many candidates per new person, best first.</param>
/// <param name="MaxBlock">A blocking key shared by more stored persons than this is too common to compare on alone.</param>
public sealed record ResolverOptions(double SuggestFrom = 0.55, int TopK = 3, int MaxBlock = 20_000)
{
    public static ResolverOptions Default { get; } = new();
}
