using System.Diagnostics;

namespace Ketenaanpak.Graph.TestKit;

/// <summary>
/// A clock that starts at a fixed instant and runs on with real time: timers, delays and timeouts behave as in
/// production, but "today" is the same on every run, so tests pass on any date (and under faketime). The demo region
/// and the test data are dated around <see cref="TestClock.Start"/>.
/// </summary>
public sealed class PinnedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}

/// <summary>The instant test hosts start at (<see cref="PinnedClock"/>), and "today" for test input.</summary>
public static class TestClock
{
    /// <summary>Monday 16 November 2026, 09:00 UTC: after the demo region's last signals, before its planned meetings.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Start.UtcDateTime);

    public static TimeProvider New() => new PinnedClock(Start);
}
