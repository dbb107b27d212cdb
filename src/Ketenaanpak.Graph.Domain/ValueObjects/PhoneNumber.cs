using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>What a Dutch telephone number is used for, as far as its prefix tells.</summary>
public enum PhoneNumberKind
{
    /// <summary>Not a Dutch number: foreign numbering plans are not interpreted here.</summary>
    Unknown = 0,

    /// <summary>06, except 066 (pagers) and 067 (data): a mobile phone.</summary>
    Mobile = 1,

    /// <summary>A geographic area code (01–05, 07): a fixed line at a place.</summary>
    Landline = 2,

    /// <summary>Any other Dutch number: 08x (0800, 085, 088 ...), 09x (0900, 097 machine-to-machine), 066, 067.</summary>
    Other = 3,
}

/// <summary>
/// A telephone number in E.164 form (<c>+31612345678</c>). Input without a country code is read as Dutch.
/// </summary>
/// <remarks>
/// Dutch numbers must have nine digits after the 0 or +31, so short service numbers (0800 1234) are rejected; they do
/// not identify a person. Foreign numbers are checked only for the E.164 length (8–15 digits including the country
/// code), because their numbering plans are not modelled here.
/// </remarks>
public sealed record PhoneNumber : IParsableValue<PhoneNumber>
{
    private const string Noun = "een telefoonnummer";
    private const string DutchCountryCode = "31";

    private PhoneNumber(string value, bool isDutch, PhoneNumberKind kind)
    {
        Value = value;
        IsDutch = isDutch;
        Kind = kind;
    }

    /// <summary>E.164 form: a plus and digits only, e.g. <c>+31612345678</c>.</summary>
    public string Value { get; }

    /// <summary>Whether the country code is 31.</summary>
    public bool IsDutch { get; }

    /// <summary>Mobile, landline or other for Dutch numbers; <see cref="PhoneNumberKind.Unknown"/> for foreign ones.</summary>
    public PhoneNumberKind Kind { get; }

    /// <summary>
    /// How a Dutch user writes it: <c>06 12345678</c> for mobiles, <c>0531234567</c> for other Dutch numbers (area codes
    /// differ in length, so no space is guessed), and the E.164 form for foreign numbers.
    /// </summary>
    public string Display
    {
        get
        {
            if (!IsDutch)
            {
                return Value;
            }

            var national = "0" + Value[3..];
            return Kind == PhoneNumberKind.Mobile ? $"{national[..2]} {national[2..]}" : national;
        }
    }

    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    /// <remarks>
    /// Spaces, dashes, dots, slashes and brackets are ignored: <c>06-12345678</c>, <c>(053) 123 45 67</c>,
    /// <c>+31 6 1234 5678</c>, <c>0031 6 12345678</c> and <c>+31 (0)6 12345678</c> all parse.
    /// </remarks>
    public static bool TryParse(string? input, [MaybeNullWhen(false)] out PhoneNumber value, out string error)
    {
        value = null;
        if (!InputHygiene.TryClean(input, Noun, out var text, out error))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                error = "Een telefoonnummer bestaat uit cijfers, geen letters; schrijf bijvoorbeeld 06 12345678.";
                return false;
            }

            if (!char.IsAsciiDigit(c) && c is not (' ' or '-' or '.' or '/' or '(' or ')' or '+'))
            {
                error = "Een telefoonnummer bevat alleen cijfers, spaties, streepjes, haakjes en eventueel een + aan het begin.";
                return false;
            }
        }

        if (text.LastIndexOf('+') > 0)
        {
            error = "Een + hoort alleen aan het begin van een telefoonnummer, vóór de landcode, zoals +31 6 12345678.";
            return false;
        }

        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        string? international = text[0] == '+' ? digits
            : digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..]
            : null;

        if (international is not null)
        {
            return TryInternational(international, out value, out error);
        }

        if (digits.Length == 0)
        {
            error = "Een telefoonnummer bestaat uit cijfers, zoals 06 12345678.";
            return false;
        }

        if (digits[0] == '0')
        {
            return TryDutch(digits[1..], out value, out error);
        }

        error = digits.Length == 9
            ? "Een Nederlands telefoonnummer begint met 0, zoals 06 12345678; is de 0 aan het begin weggevallen?"
            : "Begin een telefoonnummer met 0 (Nederland) of met + en de landcode (buitenland), zoals 06 12345678 of +32 470 12 34 56.";
        return false;
    }

    /// <inheritdoc cref="IParsableValue{TSelf}.Parse"/>
    public static PhoneNumber Parse(string? input) =>
        TryParse(input, out var value, out var error) ? value : throw new ValueParseException(error, nameof(PhoneNumber));

    /// <summary>The E.164 form, <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    private static bool TryInternational(string digits, [MaybeNullWhen(false)] out PhoneNumber value, out string error)
    {
        value = null;
        if (digits.Length == 0)
        {
            error = "Na + of 00 komt een landcode, zoals +31 voor Nederland of +32 voor België.";
            return false;
        }

        if (digits[0] == '0')
        {
            error = "Na + of 00 komt een landcode, en een landcode begint nooit met 0; schrijf bijvoorbeeld +31 6 12345678.";
            return false;
        }

        if (digits.StartsWith(DutchCountryCode, StringComparison.Ordinal))
        {
            var national = digits[DutchCountryCode.Length..];

            // "+31 (0)6 12345678" is a common way of writing; the 0 is not dialled from abroad.
            if (national.Length == 10 && national[0] == '0')
            {
                national = national[1..];
            }

            return TryDutch(national, out value, out error);
        }

        if (digits.Length < 8)
        {
            error = "Dit buitenlandse telefoonnummer is te kort; met landcode heeft een telefoonnummer minstens 8 cijfers.";
            return false;
        }

        if (digits.Length > 15)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"Een telefoonnummer heeft met landcode hoogstens 15 cijfers; dit nummer heeft er {digits.Length}.");
            return false;
        }

        value = new PhoneNumber("+" + digits, isDutch: false, PhoneNumberKind.Unknown);
        error = string.Empty;
        return true;
    }

    /// <param name="national">The national significant number: what follows the 0 or +31.</param>
    private static bool TryDutch(string national, [MaybeNullWhen(false)] out PhoneNumber value, out string error)
    {
        value = null;
        if (national.Length != 9)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"Een Nederlands telefoonnummer heeft 9 cijfers na de 0 of na +31, zoals 06 12345678; dit nummer heeft er {national.Length}.");
            return false;
        }

        if (national[0] == '0')
        {
            error = "Na de eerste 0 of na +31 komt geen tweede 0; schrijf bijvoorbeeld 06 12345678 of +31 6 12345678.";
            return false;
        }

        var kind = national[0] switch
        {
            '6' when national[1] is not ('6' or '7') => PhoneNumberKind.Mobile,
            '1' or '2' or '3' or '4' or '5' or '7' => PhoneNumberKind.Landline,
            _ => PhoneNumberKind.Other,
        };

        value = new PhoneNumber("+" + DutchCountryCode + national, isDutch: true, kind);
        error = string.Empty;
        return true;
    }
}
