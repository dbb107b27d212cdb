using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Graph;

/// <summary>
/// A typed, dated relation between two nodes (an edge), with its own provenance. Two partners reporting the same
/// tie give two relations side by side; the snapshot collapses them for analysis and keeps both for display.
/// </summary>
public sealed class Relation
{
    public const int MaxDetailLength = 500;

    private Relation() { Provenance = null!; }

    public Relation(RelationId id, RelationType type, NodeId source, NodeId target, DateOnly? validFrom, DateOnly? validTo,
        double weight, string? detail, Provenance.Provenance provenance)
    {
        if (!Enum.IsDefined(type))
            throw new DomainException("Onbekend soort relatie.", nameof(Type));
        if (source == target)
            throw new DomainException("Een relatie verbindt twee verschillende entiteiten.", nameof(TargetId));
        if (validFrom is { } from && validTo is { } to && to < from)
            throw new DomainException("De einddatum van een relatie ligt vóór de begindatum.", nameof(ValidTo));
        if (!double.IsFinite(weight) || weight <= 0)
            throw new DomainException("Het gewicht van een relatie is een positief getal.", nameof(Weight));
        if (detail is { Length: > MaxDetailLength })
            throw new DomainException($"De toelichting bij een relatie heeft maximaal {MaxDetailLength} tekens.", nameof(Detail));
        Id = id;
        Type = type;
        SourceId = source;
        TargetId = target;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Weight = weight;
        Detail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim();
        Provenance = provenance.Validated();
    }

    public RelationId Id { get; private set; }
    public RelationType Type { get; private set; }
    public NodeId SourceId { get; private set; }
    public NodeId TargetId { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    /// <summary>Strength of the tie (e.g. number of contacts); 1 unless the source says otherwise.</summary>
    public double Weight { get; private set; }
    /// <summary>A short qualifier, e.g. the method of control for <see cref="RelationType.Controls"/>.</summary>
    public string? Detail { get; private set; }
    public Provenance.Provenance Provenance { get; private set; }
    public int Version { get; private set; }

    public void End(DateOnly validTo)
    {
        if (ValidFrom is { } from && validTo < from)
            throw new DomainException("De einddatum van een relatie ligt vóór de begindatum.", nameof(ValidTo));
        ValidTo = validTo;
        Version++;
    }
}
