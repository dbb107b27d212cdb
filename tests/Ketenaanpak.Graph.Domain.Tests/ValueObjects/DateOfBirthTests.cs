using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

public class DateOfBirthTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Theory]
    [InlineData("1987", DatePrecision.Year, "1987", "1987")]
    [InlineData("1987-03", DatePrecision.Month, "1987-03", "maart 1987")]
    [InlineData("1987-3", DatePrecision.Month, "1987-03", "maart 1987")]
    [InlineData("3-1987", DatePrecision.Month, "1987-03", "maart 1987")]
    [InlineData("03/1987", DatePrecision.Month, "1987-03", "maart 1987")]
    [InlineData("maart 1987", DatePrecision.Month, "1987-03", "maart 1987")]
    [InlineData("MAART 1987", DatePrecision.Month, "1987-03", "maart 1987")]
    [InlineData("1987-03-14", DatePrecision.Day, "1987-03-14", "14 maart 1987")]
    [InlineData("14-03-1987", DatePrecision.Day, "1987-03-14", "14 maart 1987")]
    [InlineData("14/3/1987", DatePrecision.Day, "1987-03-14", "14 maart 1987")]
    [InlineData("14.03.1987", DatePrecision.Day, "1987-03-14", "14 maart 1987")]
    [InlineData("14 maart 1987", DatePrecision.Day, "1987-03-14", "14 maart 1987")]
    [InlineData("14 mrt 1987", DatePrecision.Day, "1987-03-14", "14 maart 1987")]
    [InlineData("1 sept 2001", DatePrecision.Day, "2001-09-01", "1 september 2001")]
    [InlineData("29-02-2000", DatePrecision.Day, "2000-02-29", "29 februari 2000")] // 2000 is a leap year
    [InlineData("1900", DatePrecision.Year, "1900", "1900")]
    public void TryParse_ValidDate_ReturnsIsoFormAndPrecision(string input, DatePrecision precision, string iso, string display)
    {
        Assert.True(DateOfBirth.TryParse(input, Today, out var date, out var error), error);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(iso, date.Value);
        Assert.Equal(iso, date.ToString());
        Assert.Equal(display, date.Display);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2025-07")]
    [InlineData("16-06-2025")]
    public void TryParse_WithTodayAndFutureDate_ReturnsFutureMessage(string input)
    {
        Assert.False(DateOfBirth.TryParse(input, Today, out _, out var error));

        Assert.Equal("Een geboortedatum kan niet in de toekomst liggen; controleer de datum.", error);
        Assert.Throws<ValueParseException>(() => DateOfBirth.Parse(input, Today));
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("2025-06")]
    [InlineData("15-06-2025")]
    public void TryParse_WithTodayAndDateThatMayHaveHappened_Succeeds(string input)
    {
        Assert.True(DateOfBirth.TryParse(input, Today, out _, out var error), error);
    }

    [Fact]
    public void TryParse_WithoutToday_DoesNoFutureCheck()
    {
        Assert.True(DateOfBirth.TryParse("2999", out var date, out _));
        Assert.Equal(2999, date.Year);
    }

    [Fact]
    public void Equals_SameDateWrittenDifferently_AreEqual()
    {
        var a = DateOfBirth.Parse("14-03-1987");
        var b = DateOfBirth.Parse("1987-03-14");
        var c = DateOfBirth.Parse("14 maart 1987");

        Assert.Equal(a, b);
        Assert.Equal(b, c);
        Assert.Equal(a.GetHashCode(), c.GetHashCode());
    }

    [Fact]
    public void Equals_MonthAndFirstDayOfMonth_AreNotEqual()
    {
        Assert.NotEqual(DateOfBirth.Parse("1987-03"), DateOfBirth.Parse("1987-03-01"));
    }

    [Theory]
    [InlineData("2007-06-15", 2025, 6, 14, 17, 17)] // day before the 18th birthday
    [InlineData("2007-06-15", 2025, 6, 15, 18, 18)] // on the 18th birthday
    [InlineData("2007", 2025, 6, 15, 17, 18)]
    [InlineData("2007-06", 2025, 6, 15, 17, 18)]
    [InlineData("2007-06", 2025, 7, 1, 18, 18)]
    [InlineData("2025", 2025, 3, 1, 0, 0)] // may not be born yet on 1 March: minimum 0, not -1
    public void AgeOn_PartialOrFullDate_ReturnsBounds(string dob, int y, int m, int d, int minimum, int maximum)
    {
        var age = DateOfBirth.Parse(dob).AgeOn(new DateOnly(y, m, d));

        Assert.Equal(new AgeRange(minimum, maximum), age);
        Assert.Equal(minimum == maximum, age.IsExact);
    }

    [Theory]
    [InlineData("2007-06-15", 2025, 6, 14, true)]
    [InlineData("2007-06-15", 2025, 6, 15, false)]
    [InlineData("2007", 2025, 6, 15, null)] // could be 17 or 18: unknown, not "adult"
    [InlineData("2007", 2026, 1, 1, false)]
    [InlineData("2010-03", 2025, 6, 15, true)]
    [InlineData("1987", 2025, 6, 15, false)]
    public void IsMinorOn_Date_ReturnsTrueFalseOrUnknown(string dob, int y, int m, int d, bool? expected)
    {
        Assert.Equal(expected, DateOfBirth.Parse(dob).IsMinorOn(new DateOnly(y, m, d)));
    }

    [Fact]
    public void AgeOn_DateBeforeEarliestPossibleBirth_Throws()
    {
        var dob = DateOfBirth.Parse("2010-03");

        Assert.Throws<ArgumentOutOfRangeException>(() => dob.AgeOn(new DateOnly(2010, 2, 28)));
    }

    [Fact]
    public void EarliestAndLatestPossible_MonthPrecision_SpanTheMonth()
    {
        var dob = DateOfBirth.Parse("februari 2000");

        Assert.Equal(new DateOnly(2000, 2, 1), dob.EarliestPossible);
        Assert.Equal(new DateOnly(2000, 2, 29), dob.LatestPossible);
    }
}
