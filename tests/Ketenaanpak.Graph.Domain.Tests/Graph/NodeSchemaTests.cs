using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.TestKit.Builders;

namespace Ketenaanpak.Graph.Domain.Tests.Graph;

public sealed class NodeSchemaTests
{
    private static readonly Provenance.Provenance Prov = Facts.From(Facts.Partner()).Build();

    [Theory]
    [InlineData(NodeKind.Address, "postcode", "7511ab", "7511 AB")]
    [InlineData(NodeKind.Address, "houseNumber", "12a", "12 A")]
    [InlineData(NodeKind.BankAccount, "iban", "nl91 abna 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData(NodeKind.Phone, "number", "06-12345678", "+31612345678")]
    [InlineData(NodeKind.Person, "nationality", "pl", "PL")]
    [InlineData(NodeKind.Person, "lastName", "  van   der  Berg ", "van der Berg")]
    [InlineData(NodeKind.Company, "isEmploymentAgency", "Ja", "true")]
    [InlineData(NodeKind.Address, "locationType", "holidaypark", "HolidayPark")]
    public void Normalise_GoodInput_GivesCanonicalForm(NodeKind kind, string property, string input, string expected) =>
        Assert.Equal(expected, NodeSchema.Normalise(NodeSchema.Property(kind, property)!, input));

    [Theory]
    [InlineData(NodeKind.Address, "postcode", "1234 SA", "Postcode")]
    [InlineData(NodeKind.Person, "nationality", "Pools", "tweeletterige landcode")]
    [InlineData(NodeKind.OnlineAd, "url", "javascript:alert(1)", "http://")]
    [InlineData(NodeKind.Company, "isEmploymentAgency", "misschien", "ja of nee")]
    [InlineData(NodeKind.Person, "sex", "robot", "Kies een van")]
    [InlineData(NodeKind.Person, "lastName", "Jansen\u202Enesnaj", "onzichtbaar teken")]
    public void Normalise_BadInput_ThrowsWithMessageNamingTheField(NodeKind kind, string property, string input, string fragment)
    {
        var definition = NodeSchema.Property(kind, property)!;
        var e = Assert.Throws<DomainException>(() => NodeSchema.Normalise(definition, input));
        Assert.StartsWith(definition.DutchLabel + ":", e.Message);
        Assert.Contains(fragment, e.Message);
        Assert.Equal(property, e.Field);
    }

    [Fact]
    public void State_PropertyTheKindDoesNotHave_IsRefused()
    {
        var phone = Facts.Keyed(NodeKind.Phone, "number", "0612345678", Prov);
        var e = Assert.Throws<DomainException>(() => phone.State("iban", "NL91ABNA0417164300", Prov));
        Assert.Equal("Een telefoon heeft geen eigenschap 'iban'.", e.Message);
    }

    [Fact]
    public void State_TwoPartnersOnOneProperty_KeepsBothSideBySide()
    {
        var police = Facts.From(Facts.Partner("POL", PartnerKind.Police)).Under(LegalBasis.PoliceDataAct, HandlingCode.PoliceAndJustice).Build();
        var person = Facts.Person(Prov, birthDate: "1990-01-02");
        person.State("birthDate", "1990", police);
        Assert.Equal(["1990-01-02", "1990"], person.Statements.Where(s => s.Property == "birthDate").Select(s => s.Value));
    }

    [Fact]
    public void ExactKeys_SameAddressWrittenDifferently_GivesOneKey()
    {
        var a = Facts.Address(Prov, "7511ab", "12a");
        var b = Facts.Address(Prov, "7511 AB", "12 A");
        Assert.Equal("7511AB|12A", a.ExactKey);
        Assert.Equal(a.ExactKey, b.ExactKey);
    }

    [Fact]
    public void Schema_EveryKind_HasPropertiesWithFtmNames()
    {
        foreach (var kind in Enum.GetValues<NodeKind>())
            Assert.All(NodeSchema.Of(kind), p => Assert.False(string.IsNullOrWhiteSpace(p.FtmName)));
    }
}
