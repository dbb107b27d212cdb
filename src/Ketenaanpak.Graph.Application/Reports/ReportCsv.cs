using System.Globalization;
using System.Text;

namespace Ketenaanpak.Graph.Application.Reports;

/// <summary>
/// The report as one CSV file for Excel as Dutch users have it: UTF-8 with a byte-order mark (or Excel reads the
/// accents as Windows-1252), semicolons between fields (with a Dutch locale Excel takes the comma for the decimal
/// sign and puts a comma-separated file in one column), CRLF line ends, fields quoted when needed. One file rather
/// than a ZIP of files: it opens with a double click, and the "sectie" column filters it into the tables (ADR-012).
/// </summary>
public static class ReportCsv
{
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Write(YearlyReportFigures report)
    {
        var text = new StringBuilder();
        text.Append(Line(["sectie", "onderdeel", "sleutel", report.Year.ToString(CultureInfo.InvariantCulture),
            report.PreviousYear.ToString(CultureInfo.InvariantCulture), "eenheid"]));
        foreach (var section in report.Sections)
            foreach (var row in section.Rows)
                text.Append(Line([section.Title, row.Label, row.Key, SmallCells.Show(section, row, year: true), SmallCells.Show(section, row, year: false),
                    section.Unit == FigureUnit.Days ? "dagen" : "aantal"]));
        text.Append(Line([$"Jaarverslag {report.Year}", report.Scope.Name, "", "", "", ""]));
        text.Append(Line(["Toelichting", SmallCells.Explanation, "", "", "", ""]));
        return text.ToString();
    }

    public static byte[] Bytes(YearlyReportFigures report) => [.. Encoding.GetPreamble(), .. Encoding.GetBytes(Write(report))];

    private static string Line(IReadOnlyList<string> cells) => string.Join(';', cells.Select(Cell)) + "\r\n";

    /// <summary>Quotes a field with ; " or a line break; a leading = + - @ gets an apostrophe so that Excel never runs it as a formula.</summary>
    public static string Cell(string value)
    {
        value = Abstractions.SpreadsheetCells.Neutralise(value);
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>How one cell of the report may be shown.</summary>
public enum CellDisclosure
{
    /// <summary>The exact figure.</summary>
    Shown,
    /// <summary>A count of persons from 1 to 4: "&lt;5".</summary>
    Small,
    /// <summary>Withheld ("x") so that a small cell cannot be computed back from the total (secondary suppression).</summary>
    Withheld,
}

/// <summary>
/// Small-cell suppression (ADR-012): a count of persons from 1 to 4 is shown as "&lt;5" wherever the report leaves the
/// application's memory — page, PDF and CSV — because in a municipality or a small nationality such a count can point
/// at a person. Zero stays zero; counts of signals, dossiers and interventions are not about persons and stay exact.
/// Secondary suppression: in a section whose rows add up to the published person total, a column with exactly one
/// small cell would give it back as the total minus the other rows, so its smallest other non-zero cell is withheld
/// as "x" as well.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;
    public const string WithheldMark = "x";

    /// <summary>The explanation printed with the report (page, PDF, CSV).</summary>
    public static string Explanation { get; } =
        $"Aantallen personen van 1 tot en met {Threshold - 1} staan als <{Threshold}. " +
        $"{WithheldMark} is een aantal dat is weggelaten, omdat een klein aantal anders uit het totaal terug te rekenen is.";

    private static bool Suppressed(ReportSection section, ReportRow row, int value) => (section.AboutPersons || row.AboutPersons) && value is > 0 and < Threshold;

    public static CellDisclosure Disclosure(ReportSection section, ReportRow row, bool year)
    {
        if (Suppressed(section, row, year ? row.Year : row.PreviousYear)) return CellDisclosure.Small;
        return ReferenceEquals(WithheldRow(section, year), row) ? CellDisclosure.Withheld : CellDisclosure.Shown;
    }

    /// <summary>Whether either year's cell of the row is not shown exactly (then the change is not shown either).</summary>
    public static bool Hidden(ReportSection section, ReportRow row) =>
        Disclosure(section, row, year: true) != CellDisclosure.Shown || Disclosure(section, row, year: false) != CellDisclosure.Shown;

    /// <summary>
    /// The row whose cell in this year's (or the previous year's) column is withheld: in a section that adds up to the
    /// person total, when exactly one cell of the column is small and the total itself is shown (five or more; a
    /// smaller total is "&lt;5" too and gives nothing back), the smallest other non-zero cell, the first in order on a tie.
    /// </summary>
    public static ReportRow? WithheldRow(ReportSection section, bool year)
    {
        if (!section.RowsAddUpToPersonTotal) return null;
        int Value(ReportRow r) => year ? r.Year : r.PreviousYear;
        int small = 0, total = 0;
        foreach (var r in section.Rows)
        {
            total += Value(r);
            if (Suppressed(section, r, Value(r))) small++;
        }
        if (small != 1 || total < Threshold) return null;
        ReportRow? withheld = null;
        foreach (var r in section.Rows)
            if (Value(r) >= Threshold && (withheld is null || Value(r) < Value(withheld))) withheld = r;
        return withheld;
    }

    /// <summary>One cell of a row: "—" for a year without anything to measure, "&lt;5" for a small count, "x" for a withheld one, else the number.</summary>
    public static string Show(ReportSection section, ReportRow row, bool year)
    {
        if (year ? row.NoYear : row.NoPreviousYear) return "—";
        return Disclosure(section, row, year) switch
        {
            CellDisclosure.Small => $"<{Threshold}",
            CellDisclosure.Withheld => WithheldMark,
            _ => (year ? row.Year : row.PreviousYear).ToString(CultureInfo.InvariantCulture),
        };
    }
}
