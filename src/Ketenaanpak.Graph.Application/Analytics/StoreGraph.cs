using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Analytics;

/// <summary>The parts of a fact's provenance the access policy needs, kept beside the snapshot per node and per edge.</summary>
public readonly record struct FactTag(PartnerId Partner, HandlingCode Handling, LegalBasis Basis)
{
    /// <summary>A provenance with just these fields, for <see cref="AccessPolicy.ForFact"/>.</summary>
    public Provenance AsProvenance() => new(Partner, null, null, null, DateTimeOffset.MinValue, Grading.Default, Basis, Handling, DateOnly.MaxValue);
}

/// <summary>
/// The whole store as one immutable snapshot plus what the access policy needs to cut a user's view out of it: the
/// provenance tag of every node and edge (by index) and the dossiers with their owners and shares. Replaced as a whole.
/// </summary>
public sealed record StoreGraph(
    GraphSnapshot Snapshot,
    FactTag[] NodeFacts,
    FactTag[] EdgeFacts,
    IReadOnlyDictionary<string, DossierAccessInfo> Dossiers,
    string Fingerprint)
{
    /// <summary>The keys of the dossiers <paramref name="actor"/> may read (their team's dossiers).</summary>
    public HashSet<string> ReadableDossiers(Actor actor) =>
        Dossiers.Where(d => AccessPolicy.MayReadDossier(actor, d.Value)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);

    public static StoreGraph Empty { get; } = new(new SnapshotBuilder().Build(0), [], [], new Dictionary<string, DossierAccessInfo>(), "");
}

/// <summary>Reads the store into a <see cref="StoreGraph"/> (implemented over EF Core in Infrastructure).</summary>
public interface IStoreGraphSource
{
    /// <summary>A cheap value that changes whenever anything the snapshot holds changes.</summary>
    Task<string> FingerprintAsync(CancellationToken cancellationToken);

    Task<StoreGraph> LoadAsync(long version, CancellationToken cancellationToken);
}
