using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.TestKit.Builders;

/// <summary>Builders with safe defaults for facts in tests: a valid provenance unless a test says otherwise.</summary>
public static class Facts
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static Partner Partner(string code = "GEM-ENSCHEDE", PartnerKind kind = PartnerKind.Municipality, string? municipality = "GM0153") =>
        new(PartnerId.New(), code, $"Partner {code}", kind, kind == PartnerKind.Municipality ? municipality : null);

    public static ProvenanceBuilder From(Partner partner) => new(partner.Id);

    public static Node Person(Provenance prov, string first = "Jan", string last = "de Vries", string? birthDate = "1980-05-17")
    {
        var node = new Node(NodeId.New(), NodeKind.Person, $"{first} {last}", null, prov);
        node.State("firstName", first, prov);
        node.State("lastName", last, prov);
        if (birthDate is not null) node.State("birthDate", birthDate, prov);
        return node;
    }

    public static Node Address(Provenance prov, string postcode = "7511 AB", string number = "12", string street = "Kerkstraat", string town = "Enschede")
    {
        var canonicalPostcode = NodeSchema.Normalise(NodeSchema.Property(NodeKind.Address, "postcode")!, postcode);
        var canonicalNumber = NodeSchema.Normalise(NodeSchema.Property(NodeKind.Address, "houseNumber")!, number);
        var node = new Node(NodeId.New(), NodeKind.Address, $"{street} {canonicalNumber}, {canonicalPostcode} {town}",
            ExactKeys.Address(canonicalPostcode, canonicalNumber), prov);
        node.State("street", street, prov);
        node.State("houseNumber", number, prov);
        node.State("postcode", postcode, prov);
        node.State("town", town, prov);
        return node;
    }

    /// <summary>A node of any kind keyed by its one identifying property (IBAN, phone, …) or a name for persons.</summary>
    public static Node Keyed(NodeKind kind, string property, string value, Provenance prov)
    {
        var canonical = NodeSchema.Normalise(NodeSchema.Property(kind, property)!, value);
        var node = new Node(NodeId.New(), kind, canonical, ExactKeys.For(kind, new Dictionary<string, string> { [property] = canonical }), prov);
        node.State(property, value, prov);
        return node;
    }
}

public sealed class ProvenanceBuilder(PartnerId partner)
{
    private SignalId? _signal;
    private DateTimeOffset _recorded = Facts.Now;
    private DateTimeOffset? _observed = Facts.Now.AddDays(-2);
    private Grading _grading = Grading.Default;
    private LegalBasis _basis = LegalBasis.Covenant;
    private HandlingCode _handling = HandlingCode.Chain;
    private DateOnly? _retain;
    private string? _reference = "test";

    public ProvenanceBuilder ViaSignal(SignalId signal) { _signal = signal; return this; }
    public ProvenanceBuilder RecordedAt(DateTimeOffset at) { _recorded = at; _observed = at.AddDays(-1); return this; }
    public ProvenanceBuilder Graded(Grading grading) { _grading = grading; return this; }
    public ProvenanceBuilder Under(LegalBasis basis, HandlingCode handling) { _basis = basis; _handling = handling; return this; }
    public ProvenanceBuilder RetainUntil(DateOnly until) { _retain = until; return this; }
    public ProvenanceBuilder Reference(string? reference) { _reference = reference; return this; }

    public Provenance Build() => new(partner, _signal, _reference, _observed, _recorded, _grading, _basis, _handling,
        _retain ?? DateOnly.FromDateTime(_recorded.UtcDateTime).AddYears(5));

    public static implicit operator Provenance(ProvenanceBuilder b) => b.Build();
}
