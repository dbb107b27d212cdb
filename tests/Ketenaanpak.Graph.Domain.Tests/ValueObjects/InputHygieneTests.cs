using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

/// <summary>The shared hygiene must behave the same for every value object, only the noun differs.</summary>
public class InputHygieneTests
{
    public static TheoryData<string, string> Nouns => new()
    {
        { nameof(Postcode), "een postcode" },
        { nameof(HouseNumber), "een huisnummer" },
        { nameof(Iban), "een IBAN" },
        { nameof(KvkNumber), "een KvK-nummer" },
        { nameof(PhoneNumber), "een telefoonnummer" },
        { nameof(LicencePlate), "een kenteken" },
        { nameof(DateOfBirth), "een geboortedatum" },
    };

    [Theory]
    [MemberData(nameof(Nouns))]
    public void TryParse_WhitespaceOnly_AsksToFillIn(string type, string noun)
    {
        var (ok, error) = new BadInputCase(type, " \u00A0 ", string.Empty).TryParse();

        Assert.False(ok);
        Assert.Equal($"Vul {noun} in.", error);
    }

    [Theory]
    [MemberData(nameof(Nouns))]
    public void TryParse_OneCharacterOverLimit_SaysTooLong(string type, string noun)
    {
        var (ok, error) = new BadInputCase(type, new string('1', 101), string.Empty).TryParse();

        Assert.False(ok);
        Assert.StartsWith($"Dit is te lang voor {noun};", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Nouns))]
    public void TryParse_RightToLeftOverride_SaysInvisibleCharacter(string type, string noun)
    {
        var (ok, error) = new BadInputCase(type, "\u202E1", string.Empty).TryParse();

        Assert.False(ok);
        Assert.StartsWith($"De invoer voor {noun} bevat een onzichtbaar teken", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Nouns))]
    public void TryParse_C1ControlCharacter_SaysControlCharacter(string type, string noun)
    {
        var (ok, error) = new BadInputCase(type, "1\u009B2", string.Empty).TryParse();

        Assert.False(ok);
        Assert.StartsWith($"De invoer voor {noun} bevat een verborgen stuurteken", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_MegabyteInput_IsRejectedWithoutScanning()
    {
        var huge = new string('\u202E', 1024 * 1024);

        Assert.False(Iban.TryParse(huge, out _, out var error));

        // The length check comes first, so the message is about length, not about the characters.
        Assert.Equal("Dit is te lang voor een IBAN; controleer of u de juiste tekst hebt geplakt.", error);
    }
}
