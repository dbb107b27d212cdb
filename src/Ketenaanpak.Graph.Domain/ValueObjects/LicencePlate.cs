using System.Diagnostics.CodeAnalysis;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// A Dutch registration (kenteken) in one of the RDW sidecodes 1–14, canonically upper case with dashes where the
/// sidecode puts them: <c>XX-99-99</c> (1) through <c>999-XX-9</c> (14).
/// </summary>
/// <remarks>
/// Only the format is checked. The RDW leaves out vowels and some letter combinations in newer series, but older plates
/// still on the road have them, and a coordinator may have to record a plate exactly as seen; whether the plate is
/// registered is for the RDW to say. Foreign plates and special series (CD, AA, export) are not accepted.
/// </remarks>
public sealed record LicencePlate : IParsableValue<LicencePlate>
{
    private const string Noun = "een kenteken";

    // RDW sidecodes by pattern of letters (L) and digits (D) and the lengths of their three groups. Every pattern is
    // different, so the pattern alone decides the sidecode and where the dashes go, whatever the user typed.
    private static readonly (string Pattern, int First, int Second)[] Sidecodes =
    [
        ("LLDDDD", 2, 2), // 1: XX-99-99
        ("DDDDLL", 2, 2), // 2: 99-99-XX
        ("DDLLDD", 2, 2), // 3: 99-XX-99
        ("LLDDLL", 2, 2), // 4: XX-99-XX
        ("LLLLDD", 2, 2), // 5: XX-XX-99
        ("DDLLLL", 2, 2), // 6: 99-XX-XX
        ("DDLLLD", 2, 3), // 7: 99-XXX-9
        ("DLLLDD", 1, 3), // 8: 9-XXX-99
        ("LLDDDL", 2, 3), // 9: XX-999-X
        ("LDDDLL", 1, 3), // 10: X-999-XX
        ("LLLDDL", 3, 2), // 11: XXX-99-X
        ("LDDLLL", 1, 2), // 12: X-99-XXX
        ("DLLDDD", 1, 2), // 13: 9-XX-999
        ("DDDLLD", 3, 2), // 14: 999-XX-9
    ];

    private LicencePlate(string value, int sidecode)
    {
        Value = value;
        Sidecode = sidecode;
    }

    /// <summary>Upper case with dashes, e.g. <c>12-ABC-3</c>.</summary>
    public string Value { get; }

    /// <summary>The RDW sidecode, 1–14.</summary>
    public int Sidecode { get; }

    /// <summary>Without dashes, as the RDW open data writes it: <c>12ABC3</c>.</summary>
    public string Compact => Value.Replace("-", string.Empty, StringComparison.Ordinal);

    /// <inheritdoc cref="IParsableValue{TSelf}.TryParse"/>
    /// <remarks>Case, spaces and dashes in the input do not matter; the dashes are put where the sidecode has them.</remarks>
    public static bool TryParse(string? input, [MaybeNullWhen(false)] out LicencePlate value, out string error)
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
                error = "Een kenteken bevat alleen letters, cijfers en streepjes, zoals 12-ABC-3.";
                return false;
            }
        }

        var compact = string.Concat(text.Where(InputHygiene.IsAsciiLetterOrDigit)).ToUpperInvariant();
        if (compact.Length != 6)
        {
            error = "Een Nederlands kenteken heeft zes letters en cijfers, zoals 12-ABC-3; alleen Nederlandse kentekens worden herkend.";
            return false;
        }

        var pattern = string.Create(6, compact, static (span, s) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsAsciiDigit(s[i]) ? 'D' : 'L';
            }
        });

        for (var i = 0; i < Sidecodes.Length; i++)
        {
            var (p, first, second) = Sidecodes[i];
            if (p == pattern)
            {
                var canonical = $"{compact[..first]}-{compact[first..(first + second)]}-{compact[(first + second)..]}";
                value = new LicencePlate(canonical, i + 1);
                error = string.Empty;
                return true;
            }
        }

        error = "Deze volgorde van letters en cijfers komt in Nederlandse kentekens niet voor (zoals 12-ABC-3 of AB-123-C); alleen Nederlandse kentekens worden herkend.";
        return false;
    }

    /// <inheritdoc cref="IParsableValue{TSelf}.Parse"/>
    public static LicencePlate Parse(string? input) =>
        TryParse(input, out var value, out var error) ? value : throw new ValueParseException(error, nameof(LicencePlate));

    /// <summary>The canonical form, <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
