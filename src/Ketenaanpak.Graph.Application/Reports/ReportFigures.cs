namespace Ketenaanpak.Graph.Application.Reports;

/// <summary>How a section's figures read: counts, or durations in whole days.</summary>
public enum FigureUnit
{
    Count = 1,
    Days = 2,
}

/// <summary>One line of a section: the report year's figure beside the previous year's.</summary>
/// <param name="Key">A stable key (enum name, partner code, CBS code, month number) for CSV readers and tests.</param>
/// <param name="Label">The Dutch label shown.</param>
public sealed record ReportRow(string Key, string Label, int Year, int PreviousYear)
{
    /// <summary>The year had nothing to measure (a lead time without closed dossiers): shown as "—", not as 0 days.</summary>
    public bool NoYear { get; init; }
    public bool NoPreviousYear { get; init; }

    /// <summary>A count of persons in a section that is otherwise not about persons (the key figures); suppressed alike.</summary>
    public bool AboutPersons { get; init; }

    /// <summary>Change against the previous year in percent; null when there was nothing the year before.</summary>
    public double? ChangePercent => PreviousYear == 0 || NoYear || NoPreviousYear ? null : Math.Round(100.0 * (Year - PreviousYear) / PreviousYear, 1);
}

/// <summary>
/// One table (and chart) of the report. <paramref name="AboutPersons"/> marks counts of persons: those are the cells
/// that small-cell suppression covers when the report is shown or exported (ADR-012).
/// </summary>
public sealed record ReportSection(string Code, string Title, string Explanation, FigureUnit Unit, bool AboutPersons, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>
    /// Every person counts in exactly one row (nationality, sex, age), so the rows add up to the published person
    /// total: one suppressed cell could be computed back from it, and a second cell is withheld (<see cref="SmallCells"/>).
    /// </summary>
    public bool RowsAddUpToPersonTotal { get; init; }

    public ReportRow? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);
}

/// <summary>Whose figures a report holds: the whole region, or one municipality (a municipal coordinator).</summary>
public sealed record ReportScope(string? MunicipalityCode, string Name)
{
    public bool WholeRegion => MunicipalityCode is null;
}

/// <summary>The yearly account (jaarverslag) for the district safety meeting: aggregates only, no personal data.</summary>
public sealed record YearlyReportFigures(int Year, ReportScope Scope, DateTimeOffset CompiledAt, IReadOnlyList<ReportSection> Sections)
{
    public int PreviousYear => Year - 1;

    public ReportSection Section(string code) => Sections.First(s => s.Code == code);
}

/// <summary>The outcome of asking for a report: the figures, or why not.</summary>
public sealed record YearlyReportResult(YearlyReportFigures? Figures, bool Allowed, string? Error)
{
    public static YearlyReportResult Forbidden { get; } = new(null, false, null);
    public static YearlyReportResult Invalid(string error) => new(null, true, error);
}
