namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>
/// Dutch local time for what people read and type (the page's times, "van/tot en met" dates); the log itself and its
/// hash stay in UTC. Falls back to UTC where the host has no time-zone data, rather than failing.
/// </summary>
public static class DutchCalendar
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The first instant of <paramref name="day"/> in Dutch time, as UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
