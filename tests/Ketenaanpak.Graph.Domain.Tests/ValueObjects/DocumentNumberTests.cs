using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("NP12 34AB5", "NL", "NL:NP1234AB5")]
    [InlineData("np-1234-ab5", "nld", "NL:NP1234AB5")]
    [InlineData("NPO234AB5", "NL", "NL:NP0234AB5")]       // Dutch numbers have no letter O: a typed O is a zero
    [InlineData("EA 1234567", "POL", "PL:EA1234567")]
    [InlineData("0123 4567", "RO", "RO:01234567")]
    public void TryParse_Notations_GiveOneKey(string number, string country, string key)
    {
        Assert.True(DocumentNumber.TryParse(number, country, out var doc, out var error), error);
        Assert.Equal(key, doc.Key);
    }

    [Fact]
    public void TryParse_SameNumberOtherCountry_IsAnotherDocument()
    {
        DocumentNumber.TryParse("AB123456", "PL", out var pl, out _);
        DocumentNumber.TryParse("AB123456", "RO", out var ro, out _);
        Assert.NotEqual(pl!.Key, ro!.Key);
    }

    [Theory]
    [InlineData("AB123456", "", "land van afgifte")]
    [InlineData("AB123456", "Polen", "land van afgifte")]
    [InlineData("", "NL", "Vul het documentnummer in")]
    [InlineData("AB#123456", "NL", "letters en cijfers")]
    [InlineData("AB1", "NL", "5 tot 20")]
    public void TryParse_BadInput_DutchMessage(string number, string country, string fragment)
    {
        Assert.False(DocumentNumber.TryParse(number, country, out _, out var error));
        Assert.Contains(fragment, error, StringComparison.OrdinalIgnoreCase);
    }
}
