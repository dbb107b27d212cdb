using System.Text;

namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>
/// Makes text safe to store and to hash before it enters the log, without ever refusing it: control characters
/// (PostgreSQL rejects NUL; line breaks would make the log hard to read and export) become spaces, unpaired surrogates
/// (not encodable as UTF-8, so the stored text would differ from the hashed text) become U+FFFD, and text longer than
/// its column is cut, with an ellipsis, never inside a surrogate pair.
/// </summary>
public static class AuditText
{
    private const char Ellipsis = '…';

    /// <summary>For fields that always have a value: null becomes the empty string.</summary>
    public static string Required(string? value, int maxLength) => Optional(value, maxLength) ?? "";

    /// <summary>For fields that may be absent: null, empty and whitespace-only all become null, so "" never reaches the store.</summary>
    public static string? Optional(string? value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = Sanitise(value).Trim();
        if (text.Length == 0) return null;
        if (text.Length <= maxLength) return text;
        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis.ToString());
    }

    private static string Sanitise(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            char? replacement = null;
            if (char.IsControl(c))
                replacement = ' ';
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            else if (char.IsSurrogate(c))
                replacement = '\uFFFD';

            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(value.Length).Append(value, 0, i);
            builder.Append(replacement.Value);
        }
        return builder?.ToString() ?? value;
    }
}
