using System.Diagnostics.CodeAnalysis;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// A Dutch postcode: four digits (1000–9999) and two letters, canonically written <c>1234 AB</c>.
/// </summary>
/// <remarks>
/// PostNL does not issue the letter combinations SA, SD and SS, so a postcode with those letters is a typo or an
/// invention and is rejected. Whether the postcode is actually in use is not checked (that needs the BAG).
/// </remarks>
public sealed record Postcode : IParsableValue<Postcode>
{
    private const string Noun = "een postcode";
    private const string Shape = "Een postcode bestaat uit vier cijfers en twee letters, zoals 7511 AB.";

    private Postcode(string digits, string letters)
    {
        Digits = digits;
        Letters = letters;
    }

    /// <summary>The four digits, e.g. <c>7511</c>; the area (PC4) that statistics are published for.</summary>
    public string Digits { get; }

    /// <summary>The two upper-case letters, e.g. <c>AB</c>.</summary>
    public string Letters { get; }

    /// <summary>Canonical form with one space: <c>7511 AB</c>.</summary>
    public string Value => $"{Digits} {Letters}";

    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    /// <remarks>Accepts any case and any spacing between digits and letters: <c>1234ab</c>, <c> 1234  ab </c>.</remarks>
    public static bool TryParse(string? input, [MaybeNullWhen(false)] out Postcode value, out string error)
    {
        value = null;
        if (!InputHygiene.TryClean(input, Noun, out var text, out error))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!InputHygiene.IsAsciiLetterOrDigit(c) && c != ' ')
            {
                error = "Een postcode bevat alleen cijfers en letters, zoals 7511 AB.";
                return false;
            }
        }

        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        var spaces = text.Length - compact.Length;

        if (compact.Length == 4 && compact.All(char.IsAsciiDigit))
        {
            error = "Vul ook de twee letters van de postcode in, zoals 7511 AB.";
            return false;
        }

        // One space, only between digits and letters; "12 34 AB" is more likely a different number than a postcode.
        var shapeOk = compact.Length == 6
            && compact[..4].All(char.IsAsciiDigit)
            && compact[4..].All(char.IsAsciiLetter)
            && (spaces == 0 || (spaces == 1 && text[4] == ' '));
        if (!shapeOk)
        {
            error = Shape;
            return false;
        }

        if (compact[0] == '0')
        {
            error = "Een postcode begint niet met een 0; Nederlandse postcodes lopen van 1000 tot en met 9999.";
            return false;
        }

        var letters = compact[4..].ToUpperInvariant();
        if (letters is "SA" or "SD" or "SS")
        {
            error = $"De letters {letters} worden in Nederlandse postcodes niet gebruikt; controleer de postcode.";
            return false;
        }

        value = new Postcode(compact[..4], letters);
        error = string.Empty;
        return true;
    }

    /// <inheritdoc cref="IParsableValue{TSelf}.Parse"/>
    public static Postcode Parse(string? input) =>
        TryParse(input, out var value, out var error) ? value : throw new ValueParseException(error, nameof(Postcode));

    /// <summary>The canonical form, <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
