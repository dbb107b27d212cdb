using Ketenaanpak.Graph.Application.Reports;

namespace Ketenaanpak.Graph.Application.Tests.Reports;

/// <summary>
/// Small-cell and secondary suppression of the yearly report (ADR-012). Expected cells worked out by hand: in a section
/// whose rows add up to the person total, a column with exactly one count of 1–4 also withholds its smallest other
/// non-zero count, so that the total minus the shown rows no longer gives the small one back.
/// </summary>
public sealed class SmallCellsTests
{
    private static ReportSection Persons(bool addsUp, params (string Key, int Year, int Previous)[] rows) =>
        new("personen-test", "Personen", "", FigureUnit.Count, AboutPersons: true, rows.Select(r => new ReportRow(r.Key, r.Key, r.Year, r.Previous)).ToList())
        { RowsAddUpToPersonTotal = addsUp };

    private static string Column(ReportSection s, bool year) => string.Join(" ", s.Rows.Select(r => SmallCells.Show(s, r, year)));

    [Fact]
    public void OneSmallCellInAColumn_WithholdsTheSmallestOtherNonZeroCell_PerColumn()
    {
        var s = Persons(true, ("PL", 12, 2), ("RO", 7, 9), ("NL", 3, 6), ("onbekend", 0, 0));

        Assert.Equal("12 x <5 0", Column(s, year: true));   // 3 is small; 7 is the smallest other non-zero
        Assert.Equal("<5 9 x 0", Column(s, year: false));   // 2 is small; 6 is the smallest other non-zero
        Assert.Equal([true, true, true, false], s.Rows.Select(r => SmallCells.Hidden(s, r)));
    }

    [Fact]
    public void Ties_WithholdTheFirstRowInOrder()
    {
        var s = Persons(true, ("a", 3, 0), ("b", 6, 0), ("c", 6, 0));
        Assert.Equal("<5 x 6", Column(s, year: true));
    }

    [Theory]
    [InlineData(3, 2, 10, "<5 <5 10")] // two small cells: their sum is known, each one is not
    [InlineData(3, 0, 0, "<5 0 0")]    // the total (3) is itself shown as <5: nothing to compute back
    public void NoSecondCell_WhenTheSmallOneCannotBeComputedBack(int a, int b, int c, string expected)
    {
        var s = Persons(true, ("a", a, 0), ("b", b, 0), ("c", c, 0));
        Assert.Equal(expected, Column(s, year: true));
    }

    [Fact]
    public void SectionThatDoesNotAddUp_KeepsItsOtherCells()
    {
        // Persons per role: someone with two roles counts twice, so the rows do not add up to the person total.
        var s = Persons(false, ("dader", 3, 0), ("slachtoffer", 7, 0));
        Assert.Equal("<5 7", Column(s, year: true));
    }

    [Fact]
    public void NoColumnEverHidesExactlyOneCell_WhenTheTotalIsShown()
    {
        // Property over seeded random sections: with a shown total (5 or more), a column hides 0 cells or at least 2,
        // never exactly 1 — one hidden cell is the total minus the shown ones.
        var random = new Random(20261129);
        for (int round = 0; round < 2000; round++)
        {
            var rows = Enumerable.Range(0, random.Next(1, 7)).Select(i => ($"r{i}", random.Next(0, 3) == 0 ? 0 : random.Next(1, 15), random.Next(0, 15))).ToArray();
            var s = Persons(true, rows);
            foreach (var year in new[] { true, false })
            {
                int total = s.Rows.Sum(r => year ? r.Year : r.PreviousYear);
                int hidden = s.Rows.Count(r => SmallCells.Disclosure(s, r, year) != CellDisclosure.Shown);
                if (total >= SmallCells.Threshold) Assert.True(hidden != 1, $"round {round}: {string.Join(",", rows)} hides one cell");
            }
        }
    }

    [Fact]
    public void Csv_ShowsTheWithheldCellAsX_AndExplainsIt()
    {
        var s = Persons(true, ("PL", 12, 0), ("RO", 7, 0), ("NL", 3, 0));
        var report = new YearlyReportFigures(2025, new ReportScope(null, "Twente"), DateTimeOffset.UnixEpoch, [s]);

        var csv = ReportCsv.Write(report);

        Assert.Contains("Personen;RO;RO;x;0;aantal\r\n", csv);
        Assert.Contains("Personen;NL;NL;<5;0;aantal\r\n", csv);
        Assert.Contains("x is een aantal dat is weggelaten", csv);
    }
}
