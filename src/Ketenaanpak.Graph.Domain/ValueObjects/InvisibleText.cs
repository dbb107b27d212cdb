using System.Globalization;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// Invisible format characters — bidi overrides such as U+202E, zero-width spaces, soft hyphens — make what is shown
/// differ from what is stored ("exe.fdp" shown as "pdf.exe"). The intake refuses them through every value object
/// (<see cref="InputHygiene"/>); imports refuse the row with this same test.
/// </summary>
public static class InvisibleText
{
    public static bool Contains(string? text)
    {
        if (text is null) return false;
        foreach (var c in text)
            if (c > '\u007f' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) return true;
        return false;
    }
}
