using System.Globalization;
using System.Text;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// The checks every value object applies before looking at its own format, so that hostile or garbled input is
/// handled once and the same way everywhere.
/// </summary>
internal static class InputHygiene
{
    /// <summary>
    /// No value object here is legitimately longer than this (an IBAN is at most 34 characters plus spaces); anything
    /// longer is a wrong paste or an attack and is rejected before any per-character work.
    /// </summary>
    internal const int MaxInputLength = 100;

    /// <summary>
    /// Rejects empty, overlong and invisible-character input, and returns the rest NFKC-normalised, trimmed, with every
    /// run of whitespace collapsed to one ASCII space.
    /// </summary>
    /// <param name="input">Raw input from a form, an import or an API call.</param>
    /// <param name="noun">What is being entered, with its article, as it reads mid-sentence: "een postcode".</param>
    /// <param name="cleaned">The normalised text; empty on failure.</param>
    /// <param name="error">The Dutch message on failure; empty on success.</param>
    /// <remarks>
    /// NFKC folds compatibility forms onto plain ones (full-width "１２３４ＡＢ" becomes "1234AB", a no-break space becomes
    /// a space), so callers only ever need ASCII checks. It does not turn other scripts' digits (Arabic-Indic "٣") into
    /// ASCII digits; callers reject those with their own "wrong characters" message because they test with
    /// <see cref="char.IsAsciiDigit"/>, never <see cref="char.IsDigit(char)"/>.
    /// Control characters are rejected anywhere, including surrounding tabs and line breaks: in an import they mean a
    /// field was split wrongly, and that should be visible rather than silently repaired.
    /// </remarks>
    internal static bool TryClean(string? input, string noun, out string cleaned, out string error) =>
        TryClean(input, noun, MaxInputLength, out cleaned, out error);

    /// <summary>As above, for free text (names, streets) that may legitimately be longer than a code.</summary>
    internal static bool TryClean(string? input, string noun, int maxLength, out string cleaned, out string error)
    {
        cleaned = string.Empty;

        if (string.IsNullOrWhiteSpace(input))
        {
            error = $"Vul {noun} in.";
            return false;
        }

        // Checked on the raw length, before any scan, so a 10 kB paste costs nothing.
        if (input.Length > maxLength)
        {
            error = $"Dit is te lang voor {noun}; controleer of u de juiste tekst hebt geplakt.";
            return false;
        }

        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsControl(c))
            {
                error = $"De invoer voor {noun} bevat een verborgen stuurteken (zoals een tab of regeleinde); typ de waarde opnieuw in.";
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                i++; // a well-formed pair such as an emoji; the caller's own character check rejects it
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // A lone surrogate is not text at all, and Normalize would throw on it.
                error = $"De invoer voor {noun} bevat een ongeldig teken; typ de waarde opnieuw in.";
                return false;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                // Bidi overrides (U+202E), zero-width spaces, soft hyphens: invisible, and able to make what is shown
                // differ from what is stored.
                error = $"De invoer voor {noun} bevat een onzichtbaar teken dat de weergave of leesrichting van tekst verandert; typ de waarde opnieuw in.";
                return false;
            }
        }

        var normalised = input.Normalize(NormalizationForm.FormKC);

        var sb = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        if (sb.Length == 0)
        {
            error = $"Vul {noun} in.";
            return false;
        }

        cleaned = sb.ToString();
        error = string.Empty;
        return true;
    }

    internal static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c);
}
