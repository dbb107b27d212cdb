using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0612345678")]
    [InlineData("06-12345678")]
    [InlineData("06 12 34 56 78")]
    [InlineData("+31 6 1234 5678")]
    [InlineData("+31612345678")]
    [InlineData("0031 6 12345678")]
    [InlineData("+31 (0)6 12345678")]
    [InlineData("06.12.34.56.78")]
    public void TryParse_DutchMobileWrittenDifferently_GivesSameE164(string input)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone, out var error), error);

        Assert.Equal("+31612345678", phone.Value);
        Assert.Equal("+31612345678", phone.ToString());
        Assert.True(phone.IsDutch);
        Assert.Equal(PhoneNumberKind.Mobile, phone.Kind);
        Assert.Equal("06 12345678", phone.Display);
    }

    [Theory]
    [InlineData("(053) 123 45 67", "+31531234567", PhoneNumberKind.Landline)]
    [InlineData("020-1234567", "+31201234567", PhoneNumberKind.Landline)]
    [InlineData("0701234567", "+31701234567", PhoneNumberKind.Landline)]
    [InlineData("085 123 4567", "+31851234567", PhoneNumberKind.Other)]
    [InlineData("088 123 4567", "+31881234567", PhoneNumberKind.Other)]
    [InlineData("066 123 4567", "+31661234567", PhoneNumberKind.Other)]
    public void TryParse_DutchNonMobile_ClassifiesByPrefix(string input, string e164, PhoneNumberKind kind)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone, out var error), error);

        Assert.Equal(e164, phone.Value);
        Assert.Equal(kind, phone.Kind);
        Assert.True(phone.IsDutch);
    }

    [Theory]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("0032 470 12 34 56", "+32470123456")]
    [InlineData("+49 30 1234567", "+49301234567")]
    [InlineData("+40 721 234 567", "+40721234567")]
    [InlineData("+1 202 555 0123", "+12025550123")]
    [InlineData("+12345678", "+12345678")] // shortest accepted: 8 digits with country code
    [InlineData("+123456789012345", "+123456789012345")]
    public void TryParse_ForeignNumber_KeepsE164WithoutClassifying(string input, string e164)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone, out var error), error);

        Assert.Equal(e164, phone.Value);
        Assert.False(phone.IsDutch);
        Assert.Equal(PhoneNumberKind.Unknown, phone.Kind);
        Assert.Equal(e164, phone.Display);
    }

    [Fact]
    public void Equals_NationalAndInternationalNotation_AreEqual()
    {
        var a = PhoneNumber.Parse("+31 6 1234 5678");
        var b = PhoneNumber.Parse("0612345678");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("0800-1234")]
    [InlineData("0900-1234567")]
    public void TryParse_ShortOrLongServiceNumber_IsRejectedBecauseItIdentifiesNoOne(string input)
    {
        Assert.False(PhoneNumber.TryParse(input, out _, out var error));
        Assert.Contains("9 cijfers na de 0 of na +31", error, StringComparison.Ordinal);
    }
}
