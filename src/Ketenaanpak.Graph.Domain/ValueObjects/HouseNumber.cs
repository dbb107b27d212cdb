using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// A house number (1–99999) with an optional addition such as <c>A</c>, <c>bis</c>, <c>2hg</c>, <c>3</c> or <c>II</c>.
/// </summary>
/// <remarks>
/// The BAG splits the addition into a huisletter and a huisnummertoevoeging; input from signals and imports rarely
/// makes that split reliably, so it is kept as one upper-cased <see cref="Addition"/> of at most six characters.
/// </remarks>
public sealed record HouseNumber : IParsableValue<HouseNumber>
{
    /// <summary>Largest house number accepted; the BAG field holds five digits.</summary>
    public const int MaxNumber = 99999;

    /// <summary>Longest addition accepted, counting the dash between its parts (<c>A-3</c>).</summary>
    public const int MaxAdditionLength = 6;

    private const string Noun = "een huisnummer";
    private const string Shape = "Een huisnummer bestaat uit cijfers, eventueel gevolgd door een toevoeging, zoals 12, 12 A, 12-3 of 12 bis.";

    private HouseNumber(int number, string? addition)
    {
        Number = number;
        Addition = addition;
    }

    /// <summary>The number itself, 1–99999.</summary>
    public int Number { get; }

    /// <summary>The addition in upper case (<c>A</c>, <c>BIS</c>, <c>2HG</c>, <c>A-3</c>), or <see langword="null"/>.</summary>
    public string? Addition { get; }

    /// <summary>
    /// Canonical form: <c>12</c>, <c>12 A</c>, <c>12 BIS</c>; an addition that starts with a digit is joined with a
    /// dash (<c>12-3</c>), because <c>12 3</c> would read as two numbers.
    /// </summary>
    public string Value => Addition is null
        ? Number.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Number}{(char.IsAsciiDigit(Addition[0]) ? '-' : ' ')}{Addition}");

    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    /// <remarks>Leading zeros of the number are ignored (<c>012</c> is 12); spaces and dashes separate the parts.</remarks>
    public static bool TryParse(string? input, [MaybeNullWhen(false)] out HouseNumber value, out string error)
    {
        value = null;
        if (!InputHygiene.TryClean(input, Noun, out var text, out error))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!InputHygiene.IsAsciiLetterOrDigit(c) && c is not (' ' or '-'))
            {
                error = "Een huisnummer bevat alleen cijfers en een toevoeging van letters of cijfers, zoals 12, 12 A of 12-3.";
                return false;
            }
        }

        var end = 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end == 0)
        {
            error = char.IsAsciiLetter(text[0])
                ? "Een huisnummer begint met een cijfer, zoals 12 of 12 A; zet een straatnaam of letter niet vooraan."
                : Shape;
            return false;
        }

        var digits = text[..end].TrimStart('0');
        if (digits.Length == 0)
        {
            error = "Huisnummer 0 bestaat niet; een huisnummer ligt tussen 1 en 99999.";
            return false;
        }

        if (digits.Length > 5)
        {
            error = "Een huisnummer is hoogstens 99999; controleer of dit geen postcode of telefoonnummer is.";
            return false;
        }

        var number = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

        var parts = text[end..].Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            if (end < text.Length)
            {
                error = Shape; // "12-" : a separator with nothing after it
                return false;
            }

            value = new HouseNumber(number, null);
            error = string.Empty;
            return true;
        }

        var addition = string.Join('-', parts).ToUpperInvariant();
        if (addition.Length > MaxAdditionLength)
        {
            error = "Een toevoeging bij een huisnummer is hoogstens 6 tekens, zoals A, bis of 2hg.";
            return false;
        }

        value = new HouseNumber(number, addition);
        error = string.Empty;
        return true;
    }

    /// <inheritdoc cref="IParsableValue{TSelf}.Parse"/>
    public static HouseNumber Parse(string? input) =>
        TryParse(input, out var value, out var error) ? value : throw new ValueParseException(error, nameof(HouseNumber));

    /// <summary>The canonical form, <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
