using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// An International Bank Account Number (ISO 13616) whose country, length and ISO 7064 MOD 97-10 check digits are
/// right, stored in electronic form (<c>NL91ABNA0417164300</c>).
/// </summary>
/// <remarks>
/// Lengths come from the SWIFT IBAN Registry. Only Dutch IBANs get a BBAN structure check (four-letter bank code and
/// ten digits), because those are the ones entered most and mistyped most here; other countries get length and check
/// digits, which already catch almost every typo. A valid IBAN need not exist: only the bank can confirm that.
/// </remarks>
public sealed record Iban : IParsableValue<Iban>
{
    /// <summary>The longest IBAN any country uses, per ISO 13616.</summary>
    public const int MaxLength = 34;

    private const string Noun = "een IBAN";

    // SWIFT IBAN Registry: total IBAN length per country code. Territories that may use their own code share the
    // length of the country whose scheme they use (AX = FI; GF, GP, ... = FR; IM, JE, GG = GB).
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20,
        ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24,
        ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SC"] = 31,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["AX"] = 18,
        ["GF"] = 27, ["GP"] = 27, ["MQ"] = 27, ["RE"] = 27, ["PF"] = 27, ["TF"] = 27, ["YT"] = 27, ["NC"] = 27,
        ["BL"] = 27, ["MF"] = 27, ["PM"] = 27, ["WF"] = 27,
        ["IM"] = 22, ["JE"] = 22, ["GG"] = 22,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Iban(string value) => Value = value;

    /// <summary>Electronic form: upper case, no spaces, e.g. <c>NL91ABNA0417164300</c>.</summary>
    public string Value { get; }

    /// <summary>Paper form in groups of four: <c>NL91 ABNA 0417 1643 00</c>.</summary>
    public string Formatted
    {
        get
        {
            var sb = new StringBuilder(Value.Length + (Value.Length / 4));
            for (var i = 0; i < Value.Length; i++)
            {
                if (i > 0 && i % 4 == 0)
                {
                    sb.Append(' ');
                }

                sb.Append(Value[i]);
            }

            return sb.ToString();
        }
    }

    /// <summary>ISO 3166 country code, e.g. <c>NL</c>.</summary>
    public string CountryCode => Value[..2];

    /// <summary>The two check digits, e.g. <c>91</c>.</summary>
    public string CheckDigits => Value[2..4];

    /// <summary>The national account number (BBAN), e.g. <c>ABNA0417164300</c>.</summary>
    public string Bban => Value[4..];

    /// <summary>Whether the length of IBANs of <paramref name="countryCode"/> is known here.</summary>
    public static bool IsSupportedCountry(string countryCode) => Lengths.ContainsKey(countryCode);

    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    /// <remarks>Accepts any case and spaces anywhere (<c>nl91 abna 0417 1643 00</c>).</remarks>
    public static bool TryParse(string? input, [MaybeNullWhen(false)] out Iban value, out string error)
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
                error = "Een IBAN bevat alleen letters en cijfers (spaties mogen), zoals NL91 ABNA 0417 1643 00.";
                return false;
            }
        }

        var iban = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

        if (iban.Length < 4 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]))
        {
            error = "Een IBAN begint met een landcode van twee letters en twee controlecijfers, zoals NL91.";
            return false;
        }

        if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            error = "Na de landcode van een IBAN komen twee controlecijfers, zoals NL91.";
            return false;
        }

        var country = iban[..2];
        if (!Lengths.TryGetValue(country, out var expected))
        {
            error = $"De landcode {country} wordt niet herkend als land dat IBAN gebruikt; controleer de eerste twee letters.";
            return false;
        }

        if (iban.Length != expected)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"Een IBAN met landcode {country} heeft {expected} tekens (zonder spaties); dit nummer heeft er {iban.Length}.");
            return false;
        }

        if (country == "NL" && !IsDutchBban(iban.AsSpan(4)))
        {
            error = "Een Nederlands IBAN heeft na NL en de controlecijfers vier letters (de bank) en tien cijfers, zoals NL91 ABNA 0417 1643 00.";
            return false;
        }

        if (Mod97(iban) != 1)
        {
            error = "De controlecijfers van dit IBAN kloppen niet; controleer het nummer op een tikfout.";
            return false;
        }

        value = new Iban(iban);
        error = string.Empty;
        return true;
    }

    /// <inheritdoc cref="IParsableValue{TSelf}.Parse"/>
    public static Iban Parse(string? input) =>
        TryParse(input, out var value, out var error) ? value : throw new ValueParseException(error, nameof(Iban));

    /// <summary>The electronic form, <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    // NLkk BBBB 0123456789: the bank code is letters only, the account number digits only.
    private static bool IsDutchBban(ReadOnlySpan<char> bban) =>
        !bban[..4].ContainsAnyExceptInRange('A', 'Z') && !bban[4..].ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// ISO 7064 MOD 97-10 over the IBAN with its first four characters moved to the end and letters as 10–35,
    /// computed digit by digit so no big integer is needed.
    /// </summary>
    private static int Mod97(string iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
