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
        text.Append(Line(["Toelichting", $"Aantallen personen van 1 tot en met {SmallCells.Threshold - 1} staan als <{SmallCells.Threshold}.", "", "", "", ""]));
        return text.ToString();
    }

    public static byte[] Bytes(YearlyReportFigures report) => [.. Encoding.GetPreamble(), .. Encoding.GetBytes(Write(report))];

    private static string Line(IReadOnlyList<string> cells) => string.Join(';', cells.Select(Cell)) + "\r\n";

    /// <summary>Quotes a field with ; " or a line break; a leading = + - @ gets an apostrophe so that Excel never runs it as a formula.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>
/// Small-cell suppression (ADR-012): a count of persons from 1 to 4 is shown as "&lt;5" wherever the report leaves the
/// application's memory — page, PDF and CSV — because in a municipality or a small nationality such a count can point
/// at a person. Zero stays zero; counts of signals, dossiers and interventions are not about persons and stay exact.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static bool Suppressed(ReportSection section, ReportRow row, int value) => (section.AboutPersons || row.AboutPersons) && value is > 0 and < Threshold;

    /// <summary>One cell of a row: "—" for a year without anything to measure, "&lt;5" for a suppressed count, else the number.</summary>
    public static string Show(ReportSection section, ReportRow row, bool year)
    {
        if (year ? row.NoYear : row.NoPreviousYear) return "—";
        var value = year ? row.Year : row.PreviousYear;
        return Suppressed(section, row, value) ? $"<{Threshold}" : value.ToString(CultureInfo.InvariantCulture);
    }
}
