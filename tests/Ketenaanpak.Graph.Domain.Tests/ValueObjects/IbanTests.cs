using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

/// <summary>Known-good IBANs are the examples published in the SWIFT IBAN Registry for each country.</summary>
public class IbanTests
{
    [Theory]
    [InlineData("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00")]
    [InlineData("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [InlineData("GB29NWBK60161331926819", "GB29 NWBK 6016 1331 9268 19")]
    [InlineData("BE68539007547034", "BE68 5390 0754 7034")]
    [InlineData("PL61109010140000071219812874", "PL61 1090 1014 0000 0712 1981 2874")]
    [InlineData("RO49AAAA1B31007593840000", "RO49 AAAA 1B31 0075 9384 0000")]
    [InlineData("BG80BNBG96611020345678", "BG80 BNBG 9661 1020 3456 78")]
    [InlineData("CH9300762011623852957", "CH93 0076 2011 6238 5295 7")]
    [InlineData("TR330006100519786457841326", "TR33 0006 1005 1978 6457 8413 26")]
    [InlineData("HU42117730161111101800000000", "HU42 1177 3016 1111 1018 0000 0000")]
    [InlineData("UA213223130000026007233566001", "UA21 3223 1300 0002 6007 2335 6600 1")]
    [InlineData("FR1420041010050500013M02606", "FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("AT611904300234573201", "AT61 1904 3002 3457 3201")]
    [InlineData("NO9386011117947", "NO93 8601 1117 947")]
    [InlineData("MT84MALT011000012345MTLCAST001S", "MT84 MALT 0110 0001 2345 MTLC AST0 01S")]
    [InlineData("LC55HEMM000100010012001200023015", "LC55 HEMM 0001 0001 0012 0012 0002 3015")]
    public void TryParse_RegistryExample_ParsesWithPrintFormat(string electronic, string print)
    {
        Assert.True(Iban.TryParse(electronic, out var fromElectronic, out var error), error);
        Assert.True(Iban.TryParse(print, out var fromPrint, out error), error);

        Assert.Equal(electronic, fromElectronic.Value);
        Assert.Equal(print, fromElectronic.Formatted);
        Assert.Equal(fromElectronic, fromPrint);
    }

    [Theory]
    [InlineData("NL91 ABNA 0417 1643 00")]
    [InlineData("nl91abna0417164300")]
    [InlineData("  NL91ABNA 0417164300 ")]
    [InlineData("NL91\u00A0ABNA\u00A00417\u00A01643\u00A000")]
    [InlineData("\uFF2E\uFF2C\uFF19\uFF11ABNA0417164300")]
    public void Parse_DutchExampleWrittenDifferently_GivesElectronicForm(string input)
    {
        var iban = Iban.Parse(input);

        Assert.Equal("NL91ABNA0417164300", iban.Value);
        Assert.Equal("NL91ABNA0417164300", iban.ToString());
        Assert.Equal("NL", iban.CountryCode);
        Assert.Equal("91", iban.CheckDigits);
        Assert.Equal("ABNA0417164300", iban.Bban);
    }

    [Fact]
    public void Equals_SameIbanInPrintAndElectronicForm_AreEqual()
    {
        var a = Iban.Parse("NL91 ABNA 0417 1643 00");
        var b = Iban.Parse("nl91abna0417164300");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("NL")]
    [InlineData("UA")]
    [InlineData("GB")]
    [InlineData("TR")]
    public void IsSupportedCountry_RequiredCountry_IsTrue(string countryCode)
    {
        Assert.True(Iban.IsSupportedCountry(countryCode));
    }

    [Fact]
    public void IsSupportedCountry_EveryEuAndEeaCountry_IsTrue()
    {
        string[] euEea =
        [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
            "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
        ];

        Assert.All(euEea, cc => Assert.True(Iban.IsSupportedCountry(cc), cc));
    }
}
