using Ketenaanpak.Graph.Application.Reports;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Integration.Tests.Store;

namespace Ketenaanpak.Graph.Integration.Tests.Reports;

/// <summary>
/// Lead times on a few hand-made dossiers whose answers are worked out by hand below — including one that closes at
/// 00:30 Dutch time on New Year's Day (still 31 December in UTC), which belongs to the new year.
/// </summary>
public abstract class LeadTimeTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private static DateTimeOffset At(int y, int m, int d, int h = 9, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public async Task LeadTimes_HandMadeDossiers_AreTheHandComputedDays()
    {
        await using (var db = store.NewContext())
        {
            var riec = new Partner(new PartnerId(Guid.NewGuid()), "RIEC-T", "RIEC test", PartnerKind.Riec);
            db.Partners.Add(riec);
            var n = 0;
            void Closed(DateTimeOffset opened, DateTimeOffset closed)
            {
                var d = new Dossier(new DossierId(Guid.NewGuid()), $"DOS-T-{++n:000}", "Handgemaakt dossier", "GM0153", riec.Id, ExploitationForm.Labour, opened, new DateOnly(2035, 1, 1));
                d.RecordHistoricStep(DossierStage.Closed, "test", "Afgesloten", closed);
                db.Dossiers.Add(d);
            }
            // 2024: 5 and 7 days → mean 6, median (5+7)/2 = 6, longest 7.
            Closed(At(2024, 1, 1), At(2024, 1, 6));
            Closed(At(2024, 3, 1), At(2024, 3, 8));
            // 2025: 10, 20 and 40 days (the last across the switch to summer time) → mean 70/3 = 23.3 → 23, median 20, longest 40.
            Closed(At(2025, 1, 10), At(2025, 1, 20));
            Closed(At(2025, 2, 1), At(2025, 2, 21));
            Closed(At(2025, 3, 1), At(2025, 4, 10));
            // Closed 2025-12-31 23:30 UTC = 2026-01-01 00:30 in the Netherlands: a 2026 closure of 31 days.
            Closed(At(2025, 12, 1), At(2025, 12, 31, 23, 30));
            await db.SaveChangesAsync();
        }

        await using var read = store.NewContext();
        var report = new YearlyReport(read, new NoAuditExpected(), TestKit.TestClock.New());
        var region = new ReportScope(null, "Regio Twente");
        var r2025 = await report.FiguresAsync(region, 2025);
        var times = r2025.Section("doorlooptijden");
        Assert.Equal((23, 6), (times.Row("sluiting-gemiddeld")!.Year, times.Row("sluiting-gemiddeld")!.PreviousYear));
        Assert.Equal((20, 6), (times.Row("sluiting-mediaan")!.Year, times.Row("sluiting-mediaan")!.PreviousYear));
        Assert.Equal((40, 7), (times.Row("sluiting-langste")!.Year, times.Row("sluiting-langste")!.PreviousYear));
        Assert.Equal((3, 2), (r2025.Section("kerncijfers").Row("dossiers-gesloten")!.Year, r2025.Section("kerncijfers").Row("dossiers-gesloten")!.PreviousYear));
        Assert.Equal((4, 2), (r2025.Section("kerncijfers").Row("dossiers-geopend")!.Year, r2025.Section("kerncijfers").Row("dossiers-geopend")!.PreviousYear));

        // 2023 closed nothing: the 2024 report shows "—", not a lead time of 0 days.
        var r2024 = (await report.FiguresAsync(region, 2024)).Section("doorlooptijden");
        Assert.True(r2024.Row("sluiting-gemiddeld")!.NoPreviousYear);
        Assert.Equal("—", SmallCells.Show(r2024, r2024.Row("sluiting-gemiddeld")!, year: false));
        Assert.Equal("6", SmallCells.Show(r2024, r2024.Row("sluiting-gemiddeld")!, year: true));

        // The person total of the key figures is suppressed like the person sections: 1–4 never shows.
        var kern = r2025.Section("kerncijfers");
        var few = kern.Row("personen")! with { Year = 3 };
        Assert.Equal("<5", SmallCells.Show(kern, few, year: true));
        Assert.Equal("3", SmallCells.Show(kern, kern.Row("dossiers-gesloten")!, year: true));

        var r2026 = await report.FiguresAsync(region, 2026);
        Assert.Equal(1, r2026.Section("kerncijfers").Row("dossiers-gesloten")!.Year);
        Assert.Equal(31, r2026.Section("doorlooptijden").Row("sluiting-gemiddeld")!.Year);
        // A coordinator of another municipality sees none of these Enschede dossiers.
        var hengelo = await report.FiguresAsync(new ReportScope("GM0164", "Gemeente Hengelo"), 2025);
        Assert.Equal(0, hengelo.Section("kerncijfers").Row("dossiers-gesloten")!.Year);
    }

    [Fact]
    public void Median_EvenCount_IsTheRoundedMeanOfTheMiddleTwo()
    {
        Assert.Equal(0, YearlyReport.Median([]));
        Assert.Equal(15, YearlyReport.Median([10, 20]));
        Assert.Equal(16, YearlyReport.Median([10, 21, 3, 40])); // middle 10 and 21 → 15.5 → 16
        Assert.Equal(3, YearlyReport.Mean([2, 3])); // 2.5 → 3, half away from zero
    }
}

public sealed class SqliteLeadTimeTests(SqliteTestStore store) : LeadTimeTests<SqliteTestStore>(store);

public sealed class PostgreSqlLeadTimeTests(PostgreSqlTestStore store) : LeadTimeTests<PostgreSqlTestStore>(store);
