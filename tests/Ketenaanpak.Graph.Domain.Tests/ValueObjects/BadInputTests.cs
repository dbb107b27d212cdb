using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

/// <summary>
/// Every failure cause must produce its own message that tells a coordinator what to fix; a bare "invalid" is a bug.
/// Expected texts are written here from the rule (postcode letters, IBAN registry lengths, calendar), not copied
/// from the code's output.
/// </summary>
public class BadInputTests
{
    private static readonly string TenKilobytes = new('1', 10 * 1024);

    public static TheoryData<BadInputCase> Cases => new()
    {
        // Shared hygiene: empty, overlong, invisible and hostile input, on several types.
        Case(nameof(Postcode), null, "Vul een postcode in."),
        Case(nameof(Postcode), "", "Vul een postcode in."),
        Case(nameof(Iban), "   ", "Vul een IBAN in."),
        Case(nameof(PhoneNumber), "\u00A0\u3000", "Vul een telefoonnummer in."),
        Case(nameof(KvkNumber), TenKilobytes, "Dit is te lang voor een KvK-nummer"),
        Case(nameof(Iban), "NL91" + new string('A', 97), "Dit is te lang voor een IBAN"),
        Case(nameof(Postcode), "1234\0AB", "verborgen stuurteken"),
        Case(nameof(Postcode), "1234 AB\n", "verborgen stuurteken"),
        Case(nameof(HouseNumber), "12\u0085", "verborgen stuurteken"),
        Case(nameof(PhoneNumber), "06\u007F12345678", "verborgen stuurteken"),
        Case(nameof(DateOfBirth), "14\t03\t1987", "verborgen stuurteken"),
        Case(nameof(LicencePlate), "AB-12\u202E-CD", "leesrichting"),
        Case(nameof(KvkNumber), "6952\u200B4375", "onzichtbaar teken"),
        Case(nameof(Iban), "NL91\u2066ABNA0417164300", "onzichtbaar teken"),
        Case(nameof(Postcode), "\uD800 1234AB", "ongeldig teken"),
        Case(nameof(Postcode), "1234 A\U0001F600", "Een postcode bevat alleen cijfers en letters"),
        Case(nameof(Postcode), "1234'; DROP TABLE--", "Een postcode bevat alleen cijfers en letters"),
        Case(nameof(HouseNumber), "<script>alert(1)</script>", "Een huisnummer bevat alleen cijfers en een toevoeging"),
        Case(nameof(LicencePlate), "<script>", "Een kenteken bevat alleen letters, cijfers en streepjes"),
        Case(nameof(KvkNumber), "69524375; DROP TABLE", "Een KvK-nummer bestaat alleen uit cijfers"),

        // Postcode: PostNL does not issue SA, SD, SS; the range is 1000–9999.
        Case(nameof(Postcode), "1234 SA", "De letters SA worden in Nederlandse postcodes niet gebruikt"),
        Case(nameof(Postcode), "1234sd", "De letters SD worden in Nederlandse postcodes niet gebruikt"),
        Case(nameof(Postcode), "1234 ss", "De letters SS worden in Nederlandse postcodes niet gebruikt"),
        Case(nameof(Postcode), "0123 AB", "Een postcode begint niet met een 0"),
        Case(nameof(Postcode), "1234", "Vul ook de twee letters van de postcode in"),
        Case(nameof(Postcode), "12345 AB", "Een postcode bestaat uit vier cijfers en twee letters, zoals 7511 AB."),
        Case(nameof(Postcode), "123 AB", "Een postcode bestaat uit vier cijfers en twee letters"),
        Case(nameof(Postcode), "AB 1234", "Een postcode bestaat uit vier cijfers en twee letters"),
        Case(nameof(Postcode), "12 34 AB", "Een postcode bestaat uit vier cijfers en twee letters"),
        Case(nameof(Postcode), "SW1A 1AA", "Een postcode bestaat uit vier cijfers en twee letters"),
        Case(nameof(Postcode), "1234 ÄB", "Een postcode bevat alleen cijfers en letters"),
        Case(nameof(Postcode), "\u0661\u0662\u0663\u0664 AB", "Een postcode bevat alleen cijfers en letters"),

        // House number.
        Case(nameof(HouseNumber), "0", "Huisnummer 0 bestaat niet"),
        Case(nameof(HouseNumber), "100000", "Een huisnummer is hoogstens 99999"),
        Case(nameof(HouseNumber), "A12", "Een huisnummer begint met een cijfer"),
        Case(nameof(HouseNumber), "12 ABCDEFG", "Een toevoeging bij een huisnummer is hoogstens 6 tekens"),
        Case(nameof(HouseNumber), "12-", "Een huisnummer bestaat uit cijfers, eventueel gevolgd door een toevoeging"),
        Case(nameof(HouseNumber), "-12", "Een huisnummer bestaat uit cijfers, eventueel gevolgd door een toevoeging"),
        Case(nameof(HouseNumber), "12\u00BD", "Een huisnummer bevat alleen cijfers en een toevoeging"),

        // IBAN: changing one character of a valid IBAN always breaks MOD 97-10; lengths from the SWIFT registry.
        Case(nameof(Iban), "NL92ABNA0417164300", "De controlecijfers van dit IBAN kloppen niet; controleer het nummer op een tikfout."),
        Case(nameof(Iban), "DE89370400440532013001", "De controlecijfers van dit IBAN kloppen niet"),
        Case(nameof(Iban), "GB29 NWBK 6016 1331 9268 18", "De controlecijfers van dit IBAN kloppen niet"),
        Case(nameof(Iban), "NL91ABNA041716430", "Een IBAN met landcode NL heeft 18 tekens (zonder spaties); dit nummer heeft er 17."),
        Case(nameof(Iban), "BE68 5390 0754 7034 1", "Een IBAN met landcode BE heeft 16 tekens (zonder spaties); dit nummer heeft er 17."),
        Case(nameof(Iban), "PL61 1090 1014 0000 0712 1981 287", "Een IBAN met landcode PL heeft 28 tekens"),
        Case(nameof(Iban), "XX91ABNA0417164300", "De landcode XX wordt niet herkend"),
        Case(nameof(Iban), "US12345678901234", "De landcode US wordt niet herkend"),
        Case(nameof(Iban), "NL91ABN10417164300", "vier letters (de bank) en tien cijfers"),
        Case(nameof(Iban), "9191ABNA0417164300", "Een IBAN begint met een landcode van twee letters"),
        Case(nameof(Iban), "NLAB ABNA 0417 1643 00", "Na de landcode van een IBAN komen twee controlecijfers"),
        Case(nameof(Iban), "NL91-ABNA-0417-1643-00", "Een IBAN bevat alleen letters en cijfers"),
        Case(nameof(Iban), "NL91ABNA0417164300' OR 1=1", "Een IBAN bevat alleen letters en cijfers"),

        // KvK-nummer.
        Case(nameof(KvkNumber), "6952437", "Een KvK-nummer heeft 8 cijfers; dit nummer heeft er 7."),
        Case(nameof(KvkNumber), "0000 6952 4375", "Dit lijkt een vestigingsnummer (12 cijfers), geen KvK-nummer"),
        Case(nameof(KvkNumber), "123456789", "lijkt op een RSIN of BSN"),
        Case(nameof(KvkNumber), "69524", "Een KvK-nummer heeft 8 cijfers; dit nummer heeft er 5."),
        Case(nameof(KvkNumber), "KvK 69524375", "Een KvK-nummer bestaat alleen uit cijfers"),

        // Telephone number.
        Case(nameof(PhoneNumber), "06-CALLME12", "Een telefoonnummer bestaat uit cijfers, geen letters"),
        Case(nameof(PhoneNumber), "0612345678 ext 12", "Een telefoonnummer bestaat uit cijfers, geen letters"),
        Case(nameof(PhoneNumber), "061234567", "9 cijfers na de 0 of na +31, zoals 06 12345678; dit nummer heeft er 8."),
        Case(nameof(PhoneNumber), "+31 6 1234 56789", "9 cijfers na de 0 of na +31, zoals 06 12345678; dit nummer heeft er 10."),
        Case(nameof(PhoneNumber), "612345678", "is de 0 aan het begin weggevallen?"),
        Case(nameof(PhoneNumber), "12345", "Begin een telefoonnummer met 0 (Nederland) of met + en de landcode"),
        Case(nameof(PhoneNumber), "+0612345678", "een landcode begint nooit met 0"),
        Case(nameof(PhoneNumber), "06+12345678", "Een + hoort alleen aan het begin van een telefoonnummer"),
        Case(nameof(PhoneNumber), "+32 12", "Dit buitenlandse telefoonnummer is te kort"),
        Case(nameof(PhoneNumber), "+1234567890123456", "hoogstens 15 cijfers; dit nummer heeft er 16."),
        Case(nameof(PhoneNumber), "06#12345678", "alleen cijfers, spaties, streepjes, haakjes"),
        Case(nameof(PhoneNumber), "+", "Na + of 00 komt een landcode"),

        // Licence plate: RDW sidecodes 1–14 all have six characters in three groups.
        Case(nameof(LicencePlate), "AB-12-C", "Een Nederlands kenteken heeft zes letters en cijfers"),
        Case(nameof(LicencePlate), "M-AB 1234", "alleen Nederlandse kentekens worden herkend"),
        Case(nameof(LicencePlate), "ABC-DEF", "Deze volgorde van letters en cijfers komt in Nederlandse kentekens niet voor"),
        Case(nameof(LicencePlate), "123456", "Deze volgorde van letters en cijfers komt in Nederlandse kentekens niet voor"),
        Case(nameof(LicencePlate), "A1B2C3", "Deze volgorde van letters en cijfers komt in Nederlandse kentekens niet voor"),
        Case(nameof(LicencePlate), "AB\u00B712\u00B7CD", "Een kenteken bevat alleen letters, cijfers en streepjes"),

        // Date of birth: Gregorian calendar facts (1900 is not a leap year, April has 30 days).
        Case(nameof(DateOfBirth), "31-02-1990", "31 februari 1990 bestaat niet; februari 1990 heeft 28 dagen."),
        Case(nameof(DateOfBirth), "29-02-1900", "29 februari 1900 bestaat niet; februari 1900 heeft 28 dagen."),
        Case(nameof(DateOfBirth), "31-04-2001", "31 april 2001 bestaat niet; april 2001 heeft 30 dagen."),
        Case(nameof(DateOfBirth), "00-03-1987", "0 maart 1987 bestaat niet"),
        Case(nameof(DateOfBirth), "1987-13", "Maand 13 bestaat niet; een maand ligt tussen 1 en 12."),
        Case(nameof(DateOfBirth), "14-00-1987", "Maand 0 bestaat niet"),
        Case(nameof(DateOfBirth), "1899", "Een geboortejaar vóór 1900 wordt niet geaccepteerd"),
        Case(nameof(DateOfBirth), "14-03-87", "Schrijf het jaar voluit met vier cijfers"),
        Case(nameof(DateOfBirth), "14 maarch 1987", "Deze maandnaam wordt niet herkend"),
        Case(nameof(DateOfBirth), "14-03-1987 12:00", "Een geboortedatum bevat alleen cijfers, streepjes"),
        Case(nameof(DateOfBirth), "1987-03-14-01", "Schrijf een geboortedatum als dag-maand-jaar"),
        Case(nameof(DateOfBirth), "19870314", "Schrijf een geboortedatum als dag-maand-jaar"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_BadInput_ReturnsFalseWithSpecificMessage(BadInputCase badInput)
    {
        var (ok, error) = badInput.TryParse();

        Assert.False(ok);
        Assert.Contains(badInput.ExpectedMessage, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_BadInput_ThrowsValueParseExceptionWithSameMessage(BadInputCase badInput)
    {
        var (_, error) = badInput.TryParse();

        var ex = Assert.Throws<ValueParseException>(badInput.Parse);

        Assert.Equal(error, ex.Message);
        Assert.Equal(badInput.Type, ex.ValueType);
        Assert.IsAssignableFrom<DomainException>(ex);
    }

    [Fact]
    public void Cases_AllFailureMessages_AreFullDutchSentences()
    {
        foreach (var badInput in ((IEnumerable<object[]>)Cases).Select(row => (BadInputCase)row[0]))
        {
            var (_, error) = badInput.TryParse();
            Assert.True(error.EndsWith('.') || error.EndsWith('?'), $"{badInput}: '{error}' is not a sentence");
            Assert.True(char.IsUpper(error[0]) || char.IsDigit(error[0]), $"{badInput}: '{error}' does not start a sentence");
        }
    }

    private static BadInputCase Case(string type, string? input, string expected) => new(type, input, expected);
}
