using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

public class HouseNumberTests
{
    [Theory]
    [InlineData("12", 12, null, "12")]
    [InlineData("12a", 12, "A", "12 A")]
    [InlineData("12 A", 12, "A", "12 A")]
    [InlineData("12-3", 12, "3", "12-3")]
    [InlineData("12 3", 12, "3", "12-3")]
    [InlineData("12 bis", 12, "BIS", "12 BIS")]
    [InlineData("12-II", 12, "II", "12 II")]
    [InlineData("12 2hg", 12, "2HG", "12-2HG")]
    [InlineData("12a-3", 12, "A-3", "12 A-3")]
    [InlineData("012", 12, null, "12")]
    [InlineData("1", 1, null, "1")]
    [InlineData("99999", 99999, null, "99999")]
    [InlineData("  7  h ", 7, "H", "7 H")]
    public void TryParse_ValidHouseNumber_SplitsNumberAndAddition(string input, int number, string? addition, string expected)
    {
        Assert.True(HouseNumber.TryParse(input, out var houseNumber, out var error), error);

        Assert.Equal(number, houseNumber.Number);
        Assert.Equal(addition, houseNumber.Addition);
        Assert.Equal(expected, houseNumber.Value);
        Assert.Equal(expected, houseNumber.ToString());
    }

    [Theory]
    [InlineData("12a", "12 A")]
    [InlineData("12-II", "12 ii")]
    [InlineData("12-3", "12 3")]
    [InlineData("12 bis", "12BIS")]
    public void Equals_DifferentlyWrittenSameHouseNumber_AreEqual(string a, string b)
    {
        Assert.Equal(HouseNumber.Parse(a), HouseNumber.Parse(b));
        Assert.Equal(HouseNumber.Parse(a).GetHashCode(), HouseNumber.Parse(b).GetHashCode());
    }

    [Fact]
    public void Equals_NumberWithAndWithoutAddition_AreNotEqual()
    {
        Assert.NotEqual(HouseNumber.Parse("12"), HouseNumber.Parse("12 A"));
        Assert.NotEqual(HouseNumber.Parse("123"), HouseNumber.Parse("12-3"));
    }
}
