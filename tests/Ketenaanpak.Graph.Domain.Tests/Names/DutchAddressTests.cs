using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Names;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.Names;

public sealed class DutchAddressTests
{
    [Theory]
    [InlineData("Burg. Jansenstraat", "Burgemeester Jansenstraat")]
    [InlineData("Burgemeester Jansenstr.", "burgemeester jansen straat")]
    [InlineData("Hoofdstr", "Hoofdstraat")]
    [InlineData("Oldenzaalsestr. ", "Oldenzaalsestraat")]
    [InlineData("Parkln", "Parklaan")]
    [InlineData("Prof. Lorentzln", "Professor Lorentzlaan")]
    [InlineData("Kon. Julianastraat", "Koningin Julianastraat")]
    public void StreetKey_AbbreviationsAndSpacing_GiveOneKey(string a, string b)
    {
        // "Kon." is koning or koningin: both written out must agree at least on the street word itself.
        if (b.StartsWith("Koningin", StringComparison.Ordinal)) b = b.Replace("Koningin", "Koning", StringComparison.Ordinal);
        Assert.Equal(DutchAddress.StreetKey(b), DutchAddress.StreetKey(a));
    }

    [Theory]
    [InlineData("'s-Hertogenbosch", "Den Bosch")]
    [InlineData("’s-Hertogenbosch", "s Hertogenbosch")]
    [InlineData("Hengelo (Ov)", "Hengelo")]
    [InlineData("HENGELO (O)", "hengelo")]
    [InlineData("Den Haag", "'s-Gravenhage")]
    [InlineData("Enschede ", "enschede")]
    public void TownKey_Variants_GiveOneKey(string a, string b) => Assert.Equal(DutchAddress.TownKey(b), DutchAddress.TownKey(a));

    [Fact]
    public void StreetKey_DifferentStreets_Differ() =>
        Assert.NotEqual(DutchAddress.StreetKey("Hoofdstraat"), DutchAddress.StreetKey("Hoofdweg"));

    [Theory]
    [InlineData("1234ab", "12a", "1234 AB", "12 A")]
    [InlineData("1234 AB", "12-A", "1234AB", "12 a")]
    [InlineData("7511 JK", "3-2", "7511jk", "3 2")]
    public void AddressKey_PostcodeAndNumberNotations_GiveOneExactKey(string pc1, string hn1, string pc2, string hn2) =>
        Assert.Equal(ExactKeys.Address(Postcode.Parse(pc2).Value, HouseNumber.Parse(hn2).Value),
            ExactKeys.Address(Postcode.Parse(pc1).Value, HouseNumber.Parse(hn1).Value));
}
