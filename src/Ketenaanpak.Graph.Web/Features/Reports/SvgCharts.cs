using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Ketenaanpak.Graph.Application.Reports;
using Microsoft.AspNetCore.Html;

namespace Ketenaanpak.Graph.Web.Features.Reports;

/// <summary>
/// The report's charts as SVG, drawn on the server: no script, no inline style (the CSP forbids both), colours from
/// classes in wwwroot/css/report.css, so the page, the printout and the PDF show the same picture. Labels are encoded;
/// a suppressed person count (ADR-012) is drawn as a hatched bar of the threshold's length, so the bar tells no more
/// than the "&lt;5" beside it.
/// </summary>
public static class SvgCharts
{
    private const int Width = 680, LabelWidth = 230, ValueWidth = 56, BarHeight = 10, RowGap = 8, Top = 26;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Horizontal bars, the year and the previous year per row.</summary>
    public static IHtmlContent Bars(ReportSection section, int year, int previousYear)
    {
        var rows = section.Rows;
        var max = Math.Max(1, rows.Max(r => Math.Max(Shown(section, r, year: true), Shown(section, r, year: false))));
        var rowHeight = 2 * BarHeight + RowGap;
        var height = Top + rows.Count * rowHeight + 6;
        var barArea = Width - LabelWidth - ValueWidth;
        var svg = Open(section, height, year, previousYear);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = Top + i * rowHeight;
            svg.Append(Invariant, $"<text class=\"chart-label\" x=\"{LabelWidth - 8}\" y=\"{y + BarHeight + 4}\" text-anchor=\"end\">{Encode(Shorten(r.Label))}</text>");
            Bar(svg, section, r, true, "bar-year", y, max, barArea);
            Bar(svg, section, r, false, "bar-previous", y + BarHeight, max, barArea);
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>Two lines over the twelve months.</summary>
    public static IHtmlContent Months(ReportSection section, int year, int previousYear)
    {
        const int height = 250, left = 44, right = 16, bottom = 34;
        var rows = section.Rows;
        var max = Math.Max(1, rows.Max(r => Math.Max(r.Year, r.PreviousYear)));
        var step = NiceStep(max);
        var top = (int)Math.Ceiling((double)max / step) * step;
        double X(int i) => left + i * (Width - left - right) / (double)(rows.Count - 1);
        double Y(int v) => Top + (height - Top - bottom) * (1 - v / (double)top);
        var svg = Open(section, height, year, previousYear);
        for (var v = 0; v <= top; v += step)
            svg.Append(Invariant, $"<line class=\"chart-grid\" x1=\"{left}\" x2=\"{Width - right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" /><text class=\"chart-axis\" x=\"{left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v}</text>");
        for (var i = 0; i < rows.Count; i++)
            svg.Append(Invariant, $"<text class=\"chart-axis\" x=\"{X(i):0.#}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{Encode(rows[i].Label[..Math.Min(3, rows[i].Label.Length)])}</text>");
        foreach (var (cls, pick) in new (string, Func<ReportRow, int>)[] { ("line-previous", r => r.PreviousYear), ("line-year", r => r.Year) })
        {
            var points = string.Join(' ', rows.Select((r, i) => string.Create(Invariant, $"{X(i):0.#},{Y(pick(r)):0.#}")));
            svg.Append(Invariant, $"<polyline class=\"{cls}\" points=\"{points}\" />");
            for (var i = 0; i < rows.Count; i++)
                svg.Append(Invariant, $"<circle class=\"{cls}\" cx=\"{X(i):0.#}\" cy=\"{Y(pick(rows[i])):0.#}\" r=\"3\"><title>{Encode(rows[i].Label)}: {pick(rows[i])}</title></circle>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static StringBuilder Open(ReportSection section, int height, int year, int previousYear)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"grafiek-{section.Code}\">");
        svg.Append(Invariant, $"<title id=\"grafiek-{section.Code}\">{Encode(section.Title)}: {year} naast {previousYear}</title>");
        svg.Append(Invariant, $"<rect class=\"bar-year\" x=\"{Width - 190}\" y=\"4\" width=\"12\" height=\"10\" /><text class=\"chart-legend\" x=\"{Width - 174}\" y=\"13\">{year}</text>");
        svg.Append(Invariant, $"<rect class=\"bar-previous\" x=\"{Width - 110}\" y=\"4\" width=\"12\" height=\"10\" /><text class=\"chart-legend\" x=\"{Width - 94}\" y=\"13\">{previousYear}</text>");
        return svg;
    }

    private static void Bar(StringBuilder svg, ReportSection section, ReportRow row, bool year, string cls, int y, int max, int barArea)
    {
        var value = year ? row.Year : row.PreviousYear;
        var disclosure = SmallCells.Disclosure(section, row, year);
        // A small count is drawn at the threshold's length (hatched); a withheld one not at all: its length would tell it.
        var length = value == 0 || disclosure == CellDisclosure.Withheld ? 0 : Math.Max(2, barArea * Shown(section, row, year) / (double)max);
        if (disclosure != CellDisclosure.Shown) cls += " bar-suppressed";
        svg.Append(Invariant, $"<rect class=\"{cls}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight - 1}\" />");
        svg.Append(Invariant, $"<text class=\"chart-value\" x=\"{LabelWidth + length + 4:0.#}\" y=\"{y + BarHeight - 1}\">{Encode(SmallCells.Show(section, row, year))}</text>");
    }

    /// <summary>
    /// The length a value is drawn with: a small count as the threshold, a withheld one as nothing. Also the chart's
    /// scale: were a withheld value the longest bar, the others' lengths would give it back.
    /// </summary>
    private static int Shown(ReportSection section, ReportRow row, bool year) => SmallCells.Disclosure(section, row, year) switch
    {
        CellDisclosure.Small => SmallCells.Threshold,
        CellDisclosure.Withheld => 0,
        _ => year ? row.Year : row.PreviousYear,
    };

    private static int NiceStep(int max) => max switch { <= 5 => 1, <= 10 => 2, <= 25 => 5, <= 50 => 10, <= 100 => 20, <= 250 => 50, _ => (int)Math.Pow(10, Math.Floor(Math.Log10(max))) };

    private static string Shorten(string label) => label.Length <= 34 ? label : label[..33] + "…";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
