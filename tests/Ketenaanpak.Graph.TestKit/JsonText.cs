using System.Text.RegularExpressions;

namespace Ketenaanpak.Graph.TestKit;

/// <summary>JSON escapes non-ASCII letters ("Pawe\u0142"); tests that look for a name in JSON text decode them first.</summary>
public static partial class JsonText
{
    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex Escape();

    public static string Unescape(string text) => Escape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
}
