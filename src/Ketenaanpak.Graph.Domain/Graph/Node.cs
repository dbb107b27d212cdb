using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Graph;

/// <summary>
/// An entity of the network (Person, Address, Company, …). The node holds only its identity, kind, a caption and an
/// exact key; everything said about it lives in <see cref="Statement"/>s, side by side per partner, never overwritten
/// (the FollowTheMoney statement model).
/// </summary>
public sealed class Node
{
    public const int MaxCaptionLength = 300;
    public const int MaxKeyLength = 200;
    private readonly List<Statement> _statements = [];

    private Node() { Caption = ""; Provenance = null!; }

    public Node(NodeId id, NodeKind kind, string caption, string? exactKey, Provenance.Provenance provenance)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException("Onbekend soort entiteit.", nameof(Kind));
        var trimmed = (caption ?? "").Trim();
        if (trimmed.Length == 0)
            throw new DomainException("Een entiteit heeft een naam of omschrijving nodig.", nameof(Caption));
        if (trimmed.Length > MaxCaptionLength)
            throw new DomainException($"De omschrijving is te lang (maximaal {MaxCaptionLength} tekens).", nameof(Caption));
        if (exactKey is { Length: > MaxKeyLength })
            throw new DomainException("De sleutel van deze entiteit is te lang.", nameof(ExactKey));
        Id = id;
        Kind = kind;
        Caption = trimmed;
        ExactKey = exactKey;
        Provenance = provenance.Validated();
    }

    public NodeId Id { get; private set; }
    public NodeKind Kind { get; private set; }
    /// <summary>What the network view shows; derived from the statements when the node is made.</summary>
    public string Caption { get; private set; }
    /// <summary>A normalised exact key (IBAN, KvK, postcode + number, document number + country, phone, plate)
    /// that links entities automatically; null for kinds without one (persons).</summary>
    public string? ExactKey { get; private set; }
    /// <summary>Who first brought this entity in.</summary>
    public Provenance.Provenance Provenance { get; private set; }
    /// <summary>Set when an analyst judged this node the same as another; the statements stay here (unmerge keeps them).</summary>
    public NodeId? MergedInto { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<Statement> Statements => _statements;

    /// <summary>Adds a statement; the value must already be parsed and normalised against <see cref="NodeSchema"/>.</summary>
    public Statement State(string property, string value, Provenance.Provenance provenance)
    {
        var definition = NodeSchema.Property(Kind, property)
            ?? throw new DomainException($"Een {NodeKindInfo.Of(Kind).DutchLabel.ToLowerInvariant()} heeft geen eigenschap '{property}'.", nameof(property));
        var normalised = NodeSchema.Normalise(definition, value);
        var statement = new Statement(StatementId.New(), Id, definition.Name, normalised, provenance.Validated());
        _statements.Add(statement);
        return statement;
    }

    public void Rename(string caption)
    {
        var trimmed = (caption ?? "").Trim();
        if (trimmed.Length is 0 or > MaxCaptionLength)
            throw new DomainException($"Een omschrijving is verplicht en heeft maximaal {MaxCaptionLength} tekens.", nameof(Caption));
        Caption = trimmed;
        Version++;
    }

    public void MergeInto(NodeId survivor)
    {
        if (survivor == Id) throw new DomainException("Een entiteit kan niet met zichzelf worden samengevoegd.");
        MergedInto = survivor;
        Version++;
    }

    public void Unmerge()
    {
        MergedInto = null;
        Version++;
    }
}

/// <summary>One partner's statement of one property value of a node, with its provenance (FtM statement).</summary>
public sealed class Statement
{
    public const int MaxValueLength = 1000;

    private Statement() { Property = Value = ""; Provenance = null!; }

    internal Statement(StatementId id, NodeId nodeId, string property, string value, Provenance.Provenance provenance)
    {
        Id = id;
        NodeId = nodeId;
        Property = property;
        Value = value;
        Provenance = provenance;
    }

    public StatementId Id { get; private set; }
    public NodeId NodeId { get; private set; }
    public string Property { get; private set; }
    public string Value { get; private set; }
    public Provenance.Provenance Provenance { get; private set; }
}
