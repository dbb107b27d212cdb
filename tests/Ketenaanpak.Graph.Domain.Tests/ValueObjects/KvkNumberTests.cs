using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

public class KvkNumberTests
{
    [Theory]
    [InlineData("69524375")]
    [InlineData("6952 4375")]
    [InlineData("69.52.43.75")]
    [InlineData(" 6952-4375 ")]
    [InlineData("01234567")] // a leading zero is part of the number, not padding
    public void TryParse_EightDigits_ReturnsDigitsOnly(string input)
    {
        Assert.True(KvkNumber.TryParse(input, out var kvk, out var error), error);

        Assert.Equal(new string(input.Where(char.IsAsciiDigit).ToArray()), kvk.Value);
        Assert.Equal(kvk.Value, kvk.ToString());
    }

    [Fact]
    public void Equals_DifferentlyWrittenSameNumber_AreEqual()
    {
        Assert.Equal(KvkNumber.Parse("6952 4375"), KvkNumber.Parse("69.52.43.75"));
    }
}
