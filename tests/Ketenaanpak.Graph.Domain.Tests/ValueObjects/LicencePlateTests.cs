using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

/// <summary>Expected dash positions follow the RDW table of sidecodes 1–14.</summary>
public class LicencePlateTests
{
    [Theory]
    [InlineData("HB1234", 1, "HB-12-34")]
    [InlineData("1234HB", 2, "12-34-HB")]
    [InlineData("12HB34", 3, "12-HB-34")]
    [InlineData("HB12BH", 4, "HB-12-BH")]
    [InlineData("HBHB12", 5, "HB-HB-12")]
    [InlineData("12HBHB", 6, "12-HB-HB")]
    [InlineData("12HBD3", 7, "12-HBD-3")]
    [InlineData("1HBD23", 8, "1-HBD-23")]
    [InlineData("HB123D", 9, "HB-123-D")]
    [InlineData("H123BD", 10, "H-123-BD")]
    [InlineData("HBD12F", 11, "HBD-12-F")]
    [InlineData("H12BDF", 12, "H-12-BDF")]
    [InlineData("1HB234", 13, "1-HB-234")]
    [InlineData("123HB4", 14, "123-HB-4")]
    public void TryParse_EachSidecode_PutsDashesWhereTheSidecodeHasThem(string compact, int sidecode, string expected)
    {
        Assert.True(LicencePlate.TryParse(compact, out var plate, out var error), error);

        Assert.Equal(sidecode, plate.Sidecode);
        Assert.Equal(expected, plate.Value);
        Assert.Equal(expected, plate.ToString());
        Assert.Equal(compact, plate.Compact);
    }

    [Theory]
    [InlineData("hb-123-d")]
    [InlineData("HB 123 D")]
    [InlineData("hb123d")]
    [InlineData(" HB-123-D ")]
    [InlineData("HB1-23D")] // dashes in the wrong place are ignored; the sidecode decides
    public void Parse_SamePlateWrittenDifferently_GivesCanonicalForm(string input)
    {
        Assert.Equal("HB-123-D", LicencePlate.Parse(input).Value);
    }

    [Fact]
    public void Equals_DifferentlyWrittenSamePlate_AreEqual()
    {
        Assert.Equal(LicencePlate.Parse("hb-123-d"), LicencePlate.Parse("HB123D"));
    }
}
