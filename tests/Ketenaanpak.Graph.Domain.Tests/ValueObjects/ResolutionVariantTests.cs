using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

/// <summary>The acceptance variants, each in one place: the notations a partner types give one canonical value.</summary>
public sealed class ResolutionVariantTests
{
    [Fact]
    public void Phone_InternationalAndNational_AreOne() =>
        Assert.Equal(PhoneNumber.Parse("0612345678").Value, PhoneNumber.Parse("+31 6 1234 5678").Value);

    [Fact]
    public void Postcode_LowerAndSpaced_AreOne() => Assert.Equal(Postcode.Parse("1234 AB").Value, Postcode.Parse("1234ab").Value);

    [Theory]
    [InlineData("NL91 ABNA 0417 1643 00")]
    [InlineData("nl91abna0417164300")]
    [InlineData(" NL91ABNA 0417164300 ")]
    public void Iban_WithSpacesOrLowerCase_IsOne(string input) => Assert.Equal("NL91ABNA0417164300", Iban.Parse(input).Value);

    [Theory]
    [InlineData("1987", DatePrecision.Year)]
    [InlineData("03-1987", DatePrecision.Month)]
    [InlineData("maart 1987", DatePrecision.Month)]
    [InlineData("14-03-1987", DatePrecision.Day)]
    public void DateOfBirth_Partial_KeepsItsPrecision(string input, DatePrecision precision)
    {
        var dob = DateOfBirth.Parse(input);
        Assert.Equal(precision, dob.Precision);
        Assert.Equal(1987, dob.Year);
    }
}
