using Ketenaanpak.Graph.Application.Auditing;

namespace Ketenaanpak.Graph.Application.Tests.Auditing;

public sealed class AuditTextTests
{
    [Theory]
    [InlineData(null, 10, null)]
    [InlineData("   ", 10, null)]
    [InlineData(" kort ", 10, "kort")]
    [InlineData("a\0b\nc\u0085d", 10, "a b c d")]
    [InlineData("précies 10", 10, "précies 10")]
    [InlineData("één woord te veel", 10, "één woord…")]
    [InlineData("12345678😀", 10, "12345678😀")]
    [InlineData("12345678😀x", 10, "12345678…")]
    public void Optional_Text_IsCleanedAndCutWithoutSplittingCharacters(string? input, int max, string? expected) =>
        Assert.Equal(expected, AuditText.Optional(input, max));

    [Fact]
    public void Optional_UnpairedSurrogates_BecomeReplacementCharacters()
    {
        // Not as InlineData: attribute strings are stored as UTF-8, which cannot hold an unpaired surrogate.
        Assert.Equal("x\uFFFDy\uFFFD", AuditText.Optional("x\uDC00y\uD800", 10));
    }

    [Fact]
    public void Required_Nothing_IsTheEmptyString() => Assert.Equal("", AuditText.Required(null, 10));
}
