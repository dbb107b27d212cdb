using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

public class PostcodeTests
{
    [Theory]
    [InlineData("1234ab", "1234 AB")]
    [InlineData("1234 AB", "1234 AB")]
    [InlineData(" 1234  ab ", "1234 AB")]
    [InlineData("7511 ab", "7511 AB")]
    [InlineData("9999ZZ", "9999 ZZ")]
    [InlineData("1000 AA", "1000 AA")]
    [InlineData("1234 SB", "1234 SB")] // only SA, SD and SS are excluded, not every S combination
    [InlineData("1234\u00A0AB", "1234 AB")] // no-break space from a web page or Word
    [InlineData("\uFF11\uFF12\uFF13\uFF14\uFF21\uFF22", "1234 AB")] // full-width, folded by NFKC
    public void TryParse_ValidPostcode_ReturnsCanonicalForm(string input, string expected)
    {
        Assert.True(Postcode.TryParse(input, out var postcode, out var error), error);

        Assert.Equal(expected, postcode.Value);
        Assert.Equal(expected, postcode.ToString());
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Parse_ValidPostcode_SplitsDigitsAndLetters()
    {
        var postcode = Postcode.Parse("7511ab");

        Assert.Equal("7511", postcode.Digits);
        Assert.Equal("AB", postcode.Letters);
    }

    [Fact]
    public void Equals_DifferentlyWrittenSamePostcode_AreEqual()
    {
        var a = Postcode.Parse("1234ab");
        var b = Postcode.Parse(" 1234  AB ");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentPostcodes_AreNotEqual()
    {
        Assert.NotEqual(Postcode.Parse("1234 AB"), Postcode.Parse("1234 AC"));
    }
}
