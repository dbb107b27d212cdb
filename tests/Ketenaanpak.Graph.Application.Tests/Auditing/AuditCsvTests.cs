using Ketenaanpak.Graph.Application.Auditing;

namespace Ketenaanpak.Graph.Application.Tests.Auditing;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Fatima el Amrani", "Fatima el Amrani")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'al een apostrof", "''al een apostrof")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("zei \"ja\"", "\"zei \"\"ja\"\"\"")]
    [InlineData("regel\r\nregel", "\"regel\r\nregel\"")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Cell_Value_IsQuotedPerRfc4180AndDefusedAgainstFormulas(string? value, string expected) =>
        Assert.Equal(expected, AuditCsv.Cell(value));

    [Fact]
    public void Line_Cells_JoinsWithCommasAndEndsWithCrLf() =>
        Assert.Equal("1,,'=x,\"a,b\"\r\n", AuditCsv.Line(["1", null, "=x", "a,b"]));
}
