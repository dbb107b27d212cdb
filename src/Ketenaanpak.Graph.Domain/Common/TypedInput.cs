using System.Globalization;

namespace Ketenaanpak.Graph.Domain.Common;

/// <summary>
/// How every form reads a typed date or a value chosen from a list, so that all pages accept the same notations and
/// refuse the same tricks. Each caller keeps its own message: what is wrong depends on the field.
/// </summary>
public static class TypedInput
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy"];

    /// <summary>A date as the browser's date picker sends it (2026-03-14) or as a Dutch user types it (14-3-2026).</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// A list value by its name only (case-insensitive). <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/> would also
    /// take numbers ("3", even undefined ones) and lists ("Sexual, Labour"), which no list on a page offers.
    /// </summary>
    public static bool TryName<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        var text = value?.Trim();
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out result);
    }
}
