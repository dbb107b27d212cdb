using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Application.Reports;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ketenaanpak.Graph.Integration.Tests.Reports;

/// <summary>The demo region in a fresh store, loaded once per test class.</summary>
public sealed class DemoStore<TStore> : IAsyncLifetime where TStore : TestStore, new()
{
    public TStore Store { get; } = new();

    public async Task InitializeAsync()
    {
        await Store.InitializeAsync();
        await using var db = Store.NewContext();
        await new DemoRegionLoader(db, NullLogger<DemoRegionLoader>.Instance).LoadIfEmptyAsync(2014);
    }

    public Task DisposeAsync() => Store.DisposeAsync();
}

/// <summary>The report never writes to the audit log from <see cref="YearlyReport.FiguresAsync"/>; this one says so if it did.</summary>
internal sealed class NoAuditExpected : IAuditLog
{
    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default) => throw new InvalidOperationException("FiguresAsync audited");
    public Task AppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default) => throw new InvalidOperationException("FiguresAsync audited");
}

/// <summary>
/// Every figure of the report on the demo region equals a count by hand-written SQL over the tables (issue 7.7's
/// acceptance), for the region and for one municipality, in both providers.
/// </summary>
public abstract class YearlyReportSqlTests<TStore>(DemoStore<TStore> demo) : IClassFixture<DemoStore<TStore>> where TStore : TestStore, new()
{
    private const string Enschede = "GM0153";

    private async Task<YearlyReportFigures> ReportAsync(int year, string? municipality)
    {
        await using var db = demo.Store.NewContext();
        return await new YearlyReport(db, new NoAuditExpected(), TestKit.TestClock.New())
            .FiguresAsync(new ReportScope(municipality, municipality ?? "Regio Twente"), year);
    }

    [Theory]
    [InlineData(2025, null)]
    [InlineData(2026, null)]
    [InlineData(2025, Enschede)]
    public async Task Figures_DemoRegion_EqualDirectSqlCounts(int year, string? municipality)
    {
        var report = await ReportAsync(year, municipality);
        await using var sql = new ReportSql(demo.Store);
        var failures = new List<string>();
        foreach (var y in new[] { year, year - 1 })
        {
            var expected = await ExpectedAsync(sql, y, municipality);
            foreach (var (section, counts) in expected)
            {
                var actual = report.Section(section).Rows.Where(r => (y == year ? r.Year : r.PreviousYear) != 0)
                    .ToDictionary(r => r.Key, r => y == year ? r.Year : r.PreviousYear);
                var wanted = counts.Where(c => c.Value != 0).ToDictionary();
                if (!actual.OrderBy(a => a.Key).SequenceEqual(wanted.OrderBy(w => w.Key)))
                    failures.Add($"{section} {y}: report {Show(actual)} ≠ SQL {Show(wanted)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Not vacuous: the demo region has figures in every section that counts something in the report year.
        Assert.True(report.Section("kerncijfers").Row("signalen")!.Year > 0);
        Assert.True(report.Section("personen-rol").Rows.Sum(r => r.Year + r.PreviousYear) > 0);
    }

    private static string Show(Dictionary<string, int> d) => "{" + string.Join(", ", d.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Value}")) + "}";

    /// <summary>The counts per section of one year, by SQL only.</summary>
    private static async Task<Dictionary<string, Dictionary<string, int>>> ExpectedAsync(ReportSql sql, int y, string? gm)
    {
        var sigScope = gm is null ? "" : $" AND s.\"MunicipalityCode\" = '{gm}'";
        var dosScope = gm is null ? "" : $" AND d.\"LeadMunicipalityCode\" = '{gm}'";
        var signals = $"FROM signals s WHERE s.\"Status\" <> 'Draft' AND s.\"ObservedOn\" >= @d0 AND s.\"ObservedOn\" < @d1{sigScope}";
        var persons = $"SELECT DISTINCT m.\"NodeId\" AS id FROM dossier_members m JOIN nodes n ON n.\"Id\" = m.\"NodeId\" AND n.\"Kind\" = 'Person' " +
                      $"JOIN dossiers d ON d.\"Id\" = m.\"DossierId\" WHERE d.\"OpenedAt\" >= @t0 AND d.\"OpenedAt\" < @t1{dosScope}";
        var interventions = $"FROM interventions i JOIN dossiers d ON d.\"Id\" = i.\"DossierId\" WHERE i.\"DueDate\" >= @d0 AND i.\"DueDate\" < @d1{dosScope}";
        string Attribute(string property) =>
            $"WITH p AS ({persons}), v AS (SELECT p.id, COUNT(DISTINCT st.\"Value\") AS k, MIN(st.\"Value\") AS val FROM p " +
            $"LEFT JOIN statements st ON st.\"NodeId\" = p.id AND st.\"Property\" = '{property}' GROUP BY p.id) " +
            "SELECT CASE WHEN k = 0 THEN 'onbekend' WHEN k = 1 THEN val ELSE 'niet-eenduidig' END AS c, COUNT(*) FROM v " +
            "GROUP BY CASE WHEN k = 0 THEN 'onbekend' WHEN k = 1 THEN val ELSE 'niet-eenduidig' END";
        string Result(params string[] words) =>
            $"SELECT COUNT(*) {interventions} AND i.\"Status\" = 'Done' AND (" + string.Join(" OR ", words.Select(w => $"LOWER(i.\"Result\") LIKE '%{w}%'")) + ")";

        var e = new Dictionary<string, Dictionary<string, int>>
        {
            ["kerncijfers"] = new()
            {
                ["signalen"] = await sql.CountAsync($"SELECT COUNT(*) {signals}", y),
                ["dossiers-geopend"] = await sql.CountAsync($"SELECT COUNT(*) FROM dossiers d WHERE d.\"OpenedAt\" >= @t0 AND d.\"OpenedAt\" < @t1{dosScope}", y),
                ["dossiers-gewogen"] = await sql.CountAsync($"SELECT COUNT(DISTINCT w.\"DossierId\") FROM dossier_weighings w JOIN dossiers d ON d.\"Id\" = w.\"DossierId\" WHERE w.\"At\" >= @t0 AND w.\"At\" < @t1{dosScope}", y),
                ["dossiers-gekwalificeerd"] = await sql.CountAsync($"SELECT COUNT(DISTINCT c.\"DossierId\") FROM dossier_stage_changes c JOIN dossiers d ON d.\"Id\" = c.\"DossierId\" " +
                    $"WHERE c.\"To\" = 'Assignment' AND c.\"From\" <> 'Assignment' AND c.\"At\" >= @t0 AND c.\"At\" < @t1{dosScope}", y),
                ["dossiers-gesloten"] = await sql.CountAsync($"SELECT COUNT(*) FROM dossiers d WHERE d.\"ClosedAt\" >= @t0 AND d.\"ClosedAt\" < @t1{dosScope}", y),
                ["personen"] = await sql.CountAsync($"SELECT COUNT(*) FROM ({persons}) p", y),
                ["interventies"] = await sql.CountAsync($"SELECT COUNT(*) {interventions}", y),
                ["interventies-afgerond"] = await sql.CountAsync($"SELECT COUNT(*) {interventions} AND i.\"Status\" = 'Done'", y),
            },
            ["signalen-partner"] = await sql.GroupsAsync($"SELECT p.\"Code\", COUNT(*) FROM signals s JOIN partners p ON p.\"Id\" = s.prov_partner " +
                $"WHERE s.\"Status\" <> 'Draft' AND s.\"ObservedOn\" >= @d0 AND s.\"ObservedOn\" < @d1{sigScope} GROUP BY p.\"Code\"", y),
            ["signalen-gemeente"] = await sql.GroupsAsync($"SELECT COALESCE(s.\"MunicipalityCode\", 'onbekend'), COUNT(*) {signals} GROUP BY COALESCE(s.\"MunicipalityCode\", 'onbekend')", y),
            ["signalen-maand"] = await sql.GroupsAsync($"SELECT {sql.Month("s.\"ObservedOn\"")}, COUNT(*) {signals} GROUP BY {sql.Month("s.\"ObservedOn\"")}", y),
            ["signalen-vorm"] = await sql.GroupsAsync($"SELECT s.\"Form\", COUNT(*) {signals} GROUP BY s.\"Form\"", y),
            ["signalen-sector"] = await sql.GroupsAsync($"SELECT s.\"Sector\", COUNT(*) {signals} GROUP BY s.\"Sector\"", y),
            ["signalen-fase"] = await sql.GroupsAsync($"WITH m(code, phase) AS (VALUES {PhaseMap}) SELECT m.phase, COUNT(DISTINCT s.\"Id\") FROM signals s " +
                $"JOIN signal_indicators x ON x.\"SignalId\" = s.\"Id\" JOIN m ON m.code = x.\"Code\" " +
                $"WHERE s.\"Status\" <> 'Draft' AND s.\"ObservedOn\" >= @d0 AND s.\"ObservedOn\" < @d1{sigScope} GROUP BY m.phase", y),
            ["personen-rol"] = await sql.GroupsAsync($"SELECT m.\"Role\", COUNT(DISTINCT m.\"NodeId\") FROM dossier_members m JOIN nodes n ON n.\"Id\" = m.\"NodeId\" AND n.\"Kind\" = 'Person' " +
                $"JOIN dossiers d ON d.\"Id\" = m.\"DossierId\" WHERE d.\"OpenedAt\" >= @t0 AND d.\"OpenedAt\" < @t1{dosScope} GROUP BY m.\"Role\"", y),
            ["personen-nationaliteit"] = await sql.GroupsAsync(Attribute("nationality"), y),
            ["personen-geslacht"] = await sql.GroupsAsync(Attribute("sex"), y),
            ["personen-leeftijd"] = await AgesAsync(sql, persons, y),
            ["interventies-soort"] = await sql.GroupsAsync($"SELECT i.\"Type\", COUNT(*) {interventions} GROUP BY i.\"Type\"", y),
            ["interventies-partner"] = await sql.GroupsAsync($"SELECT p.\"Code\", COUNT(*) FROM interventions i JOIN dossiers d ON d.\"Id\" = i.\"DossierId\" " +
                $"JOIN partners p ON p.\"Id\" = i.\"AssignedPartnerId\" WHERE i.\"DueDate\" >= @d0 AND i.\"DueDate\" < @d1{dosScope} GROUP BY p.\"Code\"", y),
            ["interventies-status"] = await sql.GroupsAsync($"SELECT i.\"Status\", COUNT(*) {interventions} GROUP BY i.\"Status\"", y),
            ["interventies-resultaat"] = new()
            {
                ["arrest"] = await sql.CountAsync(Result("aanhouding", "aangehouden", "veroordeeld"), y),
                ["closure"] = await sql.CountAsync(Result("gesloten", "sluiting", "stilgelegd"), y),
                ["bibob"] = await sql.CountAsync(Result("bibob"), y),
                ["tax"] = await sql.CountAsync(Result("naheffing", "aanslag"), y),
                ["care"] = await sql.CountAsync(Result("opvang", "begeleid", "zorg", "doorverwezen"), y),
            },
            ["barrieres-fase"] = await sql.GroupsAsync($"SELECT i.\"BarrierPhaseCode\", COUNT(*) {interventions} AND i.\"Status\" = 'Done' GROUP BY i.\"BarrierPhaseCode\"", y),
        };
        return e;
    }

    /// <summary>The indicator → barrier-phase table of ADR-012, written out again for SQL.</summary>
    private const string PhaseMap =
        "('BRP.01','identity'),('BRP.02','identity'),('BRP.03','housing'),('BRP.04','identity'),('BRP.05','identity'),('BRP.06','identity')," +
        "('AFH.01','housing'),('AFH.02','finance'),('AFH.03','entry'),('AFH.04','identity'),('AFH.05','residence'),('AFH.06','housing')," +
        "('VRH.04','identity'),('VRH.05','finance'),('ARB.01','work'),('ARB.02','work'),('ARB.03','work'),('SEX.03','recruitment')," +
        "('LOC.01','housing'),('LOC.02','housing'),('LOC.03','work'),('LOC.04','work'),('LOC.05','work'),('LOC.06','recruitment')," +
        "('SEC.01','work'),('SEC.02','work'),('SEC.03','work'),('SEC.04','work'),('SEC.05','recruitment'),('SEC.06','housing')," +
        "('SEC.07','work'),('SEC.08','work'),('SEC.09','work'),('SEC.10','entry'),('SEC.11','work')";

    /// <summary>
    /// Minor or adult: SQL gives each person's birth-date statements and the openings of their dossiers of the year; the
    /// age is worked out here by hand (latest possible birthday of a partial date; under 18 on the earliest opening).
    /// </summary>
    private static async Task<Dictionary<string, int>> AgesAsync(ReportSql sql, string persons, int y)
    {
        var scope = persons.Replace("SELECT DISTINCT m.\"NodeId\" AS id", "SELECT m.\"NodeId\" AS id, d.\"OpenedAt\" AS opened");
        var openings = (await sql.RowsAsync(scope, y)).GroupBy(r => Convert.ToString(r[0])!).ToDictionary(g => g.Key, g => g.Min(r => sql.Instant(r[1]!)));
        var births = (await sql.RowsAsync($"WITH p AS ({persons}) SELECT p.id, st.\"Value\" FROM p JOIN statements st ON st.\"NodeId\" = p.id AND st.\"Property\" = 'birthDate'", y))
            .GroupBy(r => Convert.ToString(r[0])!).ToDictionary(g => g.Key, g => g.Select(r => (string)r[1]!).Distinct().ToList());
        var classes = openings.Select(o => births.GetValueOrDefault(o.Key) switch
        {
            null or [] => "onbekend",
            [var only] => Age(only, ReportSql.DutchDate(o.Value)) < 18 ? "minderjarig" : "meerderjarig",
            _ => "niet-eenduidig",
        });
        return classes.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
    }

    private static int Age(string iso, DateOnly on)
    {
        var parts = iso.Split('-').Select(int.Parse).ToArray();
        var latest = parts.Length switch
        {
            1 => new DateOnly(parts[0], 12, 31),
            2 => new DateOnly(parts[0], parts[1], DateTime.DaysInMonth(parts[0], parts[1])),
            _ => new DateOnly(parts[0], parts[1], parts[2]),
        };
        var age = on.Year - latest.Year;
        return on < latest.AddYears(age) ? age - 1 : age;
    }
}

public sealed class SqliteYearlyReportSqlTests(DemoStore<SqliteTestStore> demo) : YearlyReportSqlTests<SqliteTestStore>(demo);

public sealed class PostgreSqlYearlyReportSqlTests(DemoStore<PostgreSqlTestStore> demo) : YearlyReportSqlTests<PostgreSqlTestStore>(demo);
