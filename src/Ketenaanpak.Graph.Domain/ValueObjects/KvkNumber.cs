using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// A KvK-nummer: the eight-digit number of a registration in the Dutch Handelsregister, e.g. <c>69524375</c>.
/// </summary>
/// <remarks>
/// A KvK-nummer is a sequence number without a check digit (it need not pass the elfproef), so only the shape is
/// checked; whether it is registered is for the Handelsregister to say. Twelve-digit vestigingsnummers and nine-digit RSIN/BSN numbers are common mix-ups and are named as such.
/// </remarks>
public sealed record KvkNumber : IParsableValue<KvkNumber>
{
    private const string Noun = "een KvK-nummer";

    private KvkNumber(string value) => Value = value;

    /// <summary>The eight digits without separators.</summary>
    public string Value { get; }

    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    /// <remarks>Spaces, dots and dashes between the digits are ignored (<c>6952 4375</c>, <c>69.52.43.75</c>).</remarks>
    public static bool TryParse(string? input, [MaybeNullWhen(false)] out KvkNumber value, out string error)
    {
        value = null;
        if (!InputHygiene.TryClean(input, Noun, out var text, out error))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (' ' or '.' or '-'))
            {
                error = "Een KvK-nummer bestaat alleen uit cijfers, zoals 69524375.";
                return false;
            }
        }

        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        switch (digits.Length)
        {
            case 8:
                value = new KvkNumber(digits);
                error = string.Empty;
                return true;
            case 0:
                error = "Een KvK-nummer bestaat alleen uit cijfers, zoals 69524375.";
                return false;
            case 7:
                // Usually a leading zero lost in a spreadsheet.
                error = "Een KvK-nummer heeft 8 cijfers; dit nummer heeft er 7. Is er een 0 aan het begin weggevallen?";
                return false;
            case 9:
                error = "Dit nummer heeft 9 cijfers en lijkt op een RSIN of BSN, niet op een KvK-nummer (8 cijfers).";
                return false;
            case 12:
                error = "Dit lijkt een vestigingsnummer (12 cijfers), geen KvK-nummer; een KvK-nummer heeft 8 cijfers.";
                return false;
            default:
                error = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Een KvK-nummer heeft 8 cijfers; dit nummer heeft er {digits.Length}.");
                return false;
        }
    }

    /// <inheritdoc cref="IParsableValue{TSelf}.Parse"/>
    public static KvkNumber Parse(string? input) =>
        TryParse(input, out var value, out var error) ? value : throw new ValueParseException(error, nameof(KvkNumber));

    /// <summary>The eight digits, <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
