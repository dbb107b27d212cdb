using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Provenance;

/// <summary>
/// Where a fact came from and under which rules it may be used (domain.md §6). Carried by every node, every
/// attribute statement, every relation and every dossier membership. Immutable: a correction is a new statement.
/// </summary>
/// <param name="SourcePartner">The partner organisation that supplied the fact.</param>
/// <param name="SourceSignal">The signal that brought the fact in, when it came through one.</param>
/// <param name="SourceReference">Where else it came from: an import file and line, a partner system's reference.</param>
/// <param name="ObservedAt">When the partner observed it (may be unknown).</param>
/// <param name="RecordedAt">When it was recorded here.</param>
/// <param name="RetainUntil">After this date the fact must be deleted unless an extension was decided.</param>
public sealed record Provenance(
    PartnerId SourcePartner,
    SignalId? SourceSignal,
    string? SourceReference,
    DateTimeOffset? ObservedAt,
    DateTimeOffset RecordedAt,
    Grading Grading,
    LegalBasis LegalBasis,
    HandlingCode HandlingCode,
    DateOnly RetainUntil)
{
    public const int MaxReferenceLength = 400;

    // For EF Core: a complex type with a nested complex type (Grading) cannot be bound through the constructor.
    private Provenance() : this(default, null, null, null, default, default, default, default, default) { }

    /// <summary>Checks the invariants every stored fact must meet.</summary>
    public Provenance Validated()
    {
        if (SourcePartner.Value == Guid.Empty)
            throw new DomainException("Van elk gegeven moet de bronpartner bekend zijn.", nameof(SourcePartner));
        if (SourceReference is { Length: > MaxReferenceLength })
            throw new DomainException($"De bronverwijzing is te lang (maximaal {MaxReferenceLength} tekens).", nameof(SourceReference));
        if (ObservedAt is { } observed && observed > RecordedAt)
            throw new DomainException("Een waarneming kan niet later zijn dan het moment van vastleggen.", nameof(ObservedAt));
        if (RetainUntil < DateOnly.FromDateTime(RecordedAt.UtcDateTime))
            throw new DomainException("De bewaartermijn kan niet vóór de datum van vastleggen eindigen.", nameof(RetainUntil));
        return this;
    }
}
