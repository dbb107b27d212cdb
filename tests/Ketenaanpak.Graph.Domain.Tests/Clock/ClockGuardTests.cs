namespace Ketenaanpak.Graph.Domain.Tests.Clock;

/// <summary>
/// The test command runs the non-browser tests a second time with the clock 400 days ahead (libfaketime) and passes
/// the real date in KETENAANPAK_REAL_TODAY. This guard fails that run when the clock did not move, so a broken faketime
/// set-up cannot pass for a suite that holds on any date. In an ordinary run it has nothing to check.
/// </summary>
public sealed class ClockGuardTests
{
    [Fact]
    public void FaketimeRun_ClockIsAtLeast399DaysAheadOfTheRealDate()
    {
        var real = Environment.GetEnvironmentVariable("KETENAANPAK_REAL_TODAY");
        if (string.IsNullOrEmpty(real)) return;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var realToday = DateOnly.ParseExact(real, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(today.DayNumber - realToday.DayNumber >= 399, $"the clock says {today:yyyy-MM-dd}, the real date is {realToday:yyyy-MM-dd}: faketime is not in effect");
    }
}
