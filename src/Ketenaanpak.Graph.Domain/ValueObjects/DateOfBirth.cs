using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>How much of a <see cref="DateOfBirth"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>Only the year: <c>1987</c>.</summary>
    Year = 1,

    /// <summary>Year and month: <c>1987-03</c>.</summary>
    Month = 2,

    /// <summary>The full date: <c>1987-03-14</c>.</summary>
    Day = 3,
}

/// <summary>An age in whole years that is known only within bounds, because the date of birth may be partial.</summary>
/// <param name="Minimum">The age if born on the latest possible day.</param>
/// <param name="Maximum">The age if born on the earliest possible day.</param>
public readonly record struct AgeRange(int Minimum, int Maximum)
{
    /// <summary>Whether the age is known exactly.</summary>
    public bool IsExact => Minimum == Maximum;

    /// <summary><c>17</c> or <c>17–18</c>.</summary>
    public override string ToString() => IsExact
        ? Minimum.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Minimum}–{Maximum}");
}

/// <summary>
/// A date of birth that may be known only to the year or month, as is common for victims and suspects whose documents
/// are missing or false. Canonically ISO 8601: <c>1987</c>, <c>1987-03</c> or <c>1987-03-14</c>.
/// </summary>
/// <remarks>
/// Years before 1900 are rejected as typos. Whether the date lies in the future can only be checked against a given
/// day: use <see cref="TryParse(string?, DateOnly, out DateOfBirth, out string)"/> with today's date from the injected
/// <see cref="TimeProvider"/>; the overload without a date does no future check, so that this type never reads a clock.
/// </remarks>
public sealed record DateOfBirth : IParsableValue<DateOfBirth>
{
    /// <summary>The earliest birth year accepted.</summary>
    public const int MinYear = 1900;

    private const string Noun = "een geboortedatum";
    private const string Shape =
        "Schrijf een geboortedatum als dag-maand-jaar (14-03-1987), maand-jaar (03-1987 of maart 1987) of alleen het jaar (1987).";

    private static readonly string[] MonthNames =
    [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ];

    // Full names plus the abbreviations Dutch forms and documents use ("mrt", "sept").
    private static readonly Dictionary<string, int> MonthWords = BuildMonthWords();

    private DateOfBirth(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>The year, from <see cref="MinYear"/>.</summary>
    public int Year { get; }

    /// <summary>The month 1–12, or <see langword="null"/> when only the year is known.</summary>
    public int? Month { get; }

    /// <summary>The day of the month, or <see langword="null"/> when it is not known.</summary>
    public int? Day { get; }

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision => Day is not null ? DatePrecision.Day
        : Month is not null ? DatePrecision.Month
        : DatePrecision.Year;

    /// <summary>ISO 8601, as precise as known: <c>1987</c>, <c>1987-03</c>, <c>1987-03-14</c>.</summary>
    public string Value => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>Dutch, as a person writes it: <c>14 maart 1987</c>, <c>maart 1987</c>, <c>1987</c>.</summary>
    public string Display => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Day} {MonthNames[Month!.Value - 1]} {Year}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{MonthNames[Month!.Value - 1]} {Year}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The first day the person can have been born on.</summary>
    public DateOnly EarliestPossible => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the person can have been born on.</summary>
    public DateOnly LatestPossible
    {
        get
        {
            var month = Month ?? 12;
            return new DateOnly(Year, month, Day ?? DateTime.DaysInMonth(Year, month));
        }
    }

    /// <summary>
    /// Parses without a future check (see the remarks on the type); prefer the overload that takes today's date when
    /// the input comes from a user.
    /// </summary>
    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    public static bool TryParse(string? input, [MaybeNullWhen(false)] out DateOfBirth value, out string error) =>
        TryParseCore(input, today: null, out value, out error);

    /// <summary>Parses and also rejects a date that lies (partly) after <paramref name="today"/>.</summary>
    /// <param name="today">Today's date, from the injected <see cref="TimeProvider"/>.</param>
    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    public static bool TryParse(string? input, DateOnly today, [MaybeNullWhen(false)] out DateOfBirth value, out string error) =>
        TryParseCore(input, today, out value, out error);

    /// <inheritdoc cref="IParsableValue{TSelf}.Parse"/>
    public static DateOfBirth Parse(string? input) =>
        TryParse(input, out var value, out var error) ? value : throw new ValueParseException(error, nameof(DateOfBirth));

    /// <summary>Parses like <see cref="TryParse(string?, DateOnly, out DateOfBirth, out string)"/>, throwing on failure.</summary>
    /// <exception cref="ValueParseException">The input is not a valid date of birth on <paramref name="today"/>.</exception>
    public static DateOfBirth Parse(string? input, DateOnly today) =>
        TryParse(input, today, out var value, out var error) ? value : throw new ValueParseException(error, nameof(DateOfBirth));

    /// <summary>
    /// The age in whole years on <paramref name="on"/>: exact for a full date, a range for a partial one. Someone born on
    /// 29 February turns a year older on 1 March in non-leap years.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is before the earliest possible birth date.</exception>
    public AgeRange AgeOn(DateOnly on)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(on, EarliestPossible);

        // Someone born in 1987 is, on 1 June 1987, possibly not born yet; the minimum age is then 0, not -1.
        var minimum = on < LatestPossible ? 0 : WholeYears(LatestPossible, on);
        return new AgeRange(minimum, WholeYears(EarliestPossible, on));
    }

    /// <summary>
    /// Whether the person is under 18 on <paramref name="on"/>: <see langword="null"/> when the partial date allows
    /// both, which for a possible victim of trafficking means "treat as possibly a minor".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is before the earliest possible birth date.</exception>
    public bool? IsMinorOn(DateOnly on)
    {
        var age = AgeOn(on);
        return age.Maximum < 18 ? true
            : age.Minimum >= 18 ? false
            : null;
    }

    /// <summary>The ISO form, <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    private static int WholeYears(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        return (on.Month, on.Day).CompareTo((born.Month, born.Day)) < 0 ? years - 1 : years;
    }

    private static bool TryParseCore(string? input, DateOnly? today, [MaybeNullWhen(false)] out DateOfBirth value, out string error)
    {
        value = null;
        if (!InputHygiene.TryClean(input, Noun, out var text, out error))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!InputHygiene.IsAsciiLetterOrDigit(c) && c is not (' ' or '-' or '/' or '.'))
            {
                error = "Een geboortedatum bevat alleen cijfers, streepjes, schuine strepen of een maandnaam, zoals 14-03-1987 of maart 1987.";
                return false;
            }
        }

        var tokens = text.ToLowerInvariant().Split([' ', '-', '/', '.'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var token in tokens)
        {
            var isNumber = token.All(char.IsAsciiDigit);
            if (!isNumber && !MonthWords.ContainsKey(token))
            {
                error = token.Any(char.IsAsciiDigit)
                    ? Shape
                    : "Deze maandnaam wordt niet herkend; schrijf de maand voluit (maart) of als cijfer (03).";
                return false;
            }
        }

        if (!TrySplit(tokens, out var yearToken, out var monthToken, out var dayToken, out error))
        {
            return false;
        }

        var year = int.Parse(yearToken, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < MinYear)
        {
            error = "Een geboortejaar vóór 1900 wordt niet geaccepteerd; controleer het jaar.";
            return false;
        }

        int? month = null;
        if (monthToken is not null)
        {
            month = MonthWords.TryGetValue(monthToken, out var named)
                ? named
                : int.Parse(monthToken, NumberStyles.None, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"Maand {month} bestaat niet; een maand ligt tussen 1 en 12.");
                return false;
            }
        }

        int? day = null;
        if (dayToken is not null)
        {
            day = int.Parse(dayToken, NumberStyles.None, CultureInfo.InvariantCulture);
            var daysInMonth = DateTime.DaysInMonth(year, month!.Value);
            if (day < 1 || day > daysInMonth)
            {
                var monthName = MonthNames[month.Value - 1];
                error = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{day} {monthName} {year} bestaat niet; {monthName} {year} heeft {daysInMonth} dagen.");
                return false;
            }
        }

        var parsed = new DateOfBirth(year, month, day);

        // A partial date is "in the future" only if it cannot have happened yet: 2025-06 is fine on 2025-06-01.
        if (today is { } t && parsed.EarliestPossible > t)
        {
            error = "Een geboortedatum kan niet in de toekomst liggen; controleer de datum.";
            return false;
        }

        value = parsed;
        error = string.Empty;
        return true;
    }

    /// <summary>Decides which token is the year, month and day from their count and shape.</summary>
    private static bool TrySplit(
        string[] tokens,
        [NotNullWhen(true)] out string? year,
        out string? month,
        out string? day,
        out string error)
    {
        year = month = day = null;
        error = string.Empty;

        static bool IsYear(string t) => t.Length == 4 && t.All(char.IsAsciiDigit);
        static bool IsShortNumber(string t) => t.Length <= 2 && t.All(char.IsAsciiDigit);
        static bool IsMonth(string t) => IsShortNumber(t) || MonthWords.ContainsKey(t);
        static bool IsTwoDigitYear(string t) => t.Length == 2 && t.All(char.IsAsciiDigit);

        switch (tokens)
        {
            case [var y] when IsYear(y):
                year = y;
                return true;
            case [var y, var m] when IsYear(y) && IsMonth(m):
                (year, month) = (y, m);
                return true;
            case [var m, var y] when IsMonth(m) && IsYear(y):
                (year, month) = (y, m);
                return true;
            case [var y, var m, var d] when IsYear(y) && IsMonth(m) && IsShortNumber(d):
                (year, month, day) = (y, m, d);
                return true;
            case [var d, var m, var y] when IsShortNumber(d) && IsMonth(m) && IsYear(y):
                (year, month, day) = (y, m, d);
                return true;
            case [.., var last] when tokens.Length <= 3 && IsTwoDigitYear(last):
                // "14-03-87": 1987 or 2087 cannot be told apart safely for a birth date.
                error = "Schrijf het jaar voluit met vier cijfers, zoals 1987.";
                return false;
            default:
                error = Shape;
                return false;
        }
    }

    private static Dictionary<string, int> BuildMonthWords()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            words[MonthNames[i]] = i + 1;
            words[MonthNames[i][..3]] = i + 1;
        }

        words["mrt"] = 3;
        words["sept"] = 9;
        return words;
    }
}
