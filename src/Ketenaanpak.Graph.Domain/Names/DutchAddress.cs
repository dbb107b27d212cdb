namespace Ketenaanpak.Graph.Domain.Names;

/// <summary>
/// Comparable keys for the free-text parts of a Dutch address: street and town as partners abbreviate them. The exact
/// key of an address stays postcode + house number (+ addition) (<see cref="Graph.ExactKeys.Address"/>); these keys let
/// the resolver and the analyst see that "Burg. Jansenstr." in "Den Bosch" is "Burgemeester Jansenstraat" in
/// "'s-Hertogenbosch".
/// </summary>
public static class DutchAddress
{
    // Whole-word abbreviations (folded, without the dot) → written out.
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["burg"] = "burgemeester", ["bgm"] = "burgemeester", ["str"] = "straat", ["ln"] = "laan", ["pln"] = "plein",
        ["pl"] = "plein", ["wg"] = "weg", ["kd"] = "kade", ["gr"] = "gracht", ["sngl"] = "singel", ["v"] = "van",
        ["pr"] = "prins", ["kon"] = "koning", ["kon."] = "koning", ["dr"] = "dokter", ["mr"] = "meester", ["st"] = "sint",
        ["ir"] = "ingenieur", ["prof"] = "professor", ["gen"] = "generaal", ["mgr"] = "monseigneur", ["ds"] = "dominee",
        ["past"] = "pastoor", ["h"] = "heilige", ["hr"] = "heer", ["jhr"] = "jonkheer", ["wethr"] = "wethouder",
        ["weth"] = "wethouder", ["pres"] = "president", ["dwarsstr"] = "dwarsstraat",
    };

    // Endings of a street word: "Hoofdstr." is "Hoofdstraat", "Parkln" is "Parklaan".
    private static readonly (string From, string To)[] Endings =
    [
        ("str", "straat"), ("ln", "laan"), ("pln", "plein"), ("wg", "weg"), ("sngl", "singel"), ("gr", "gracht"), ("kd", "kade"),
    ];

    // Town names with their other official or colloquial names (folded, letters only) → one key.
    private static readonly Dictionary<string, string> Towns = new(StringComparer.Ordinal)
    {
        ["denbosch"] = "shertogenbosch", ["hertogenbosch"] = "shertogenbosch",
        ["denhaag"] = "sgravenhage", ["thehague"] = "sgravenhage", ["gravenhage"] = "sgravenhage",
        ["denhelder"] = "denhelder", ["sgravenzande"] = "sgravenzande",
        ["nijmegen"] = "nijmegen", ["bergenopzoom"] = "bergenopzoom",
    };

    /// <summary>"Burg. Jansenstr." and "Burgemeester Jansen straat" both give "burgemeesterjansenstraat".</summary>
    public static string StreetKey(string? street)
    {
        var words = NameKey.Fold(street).Split([' ', '.', '-', ',', '\''], StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (Words.TryGetValue(w, out var full) && !(i == 0 && words.Length == 1)) parts.Add(full);
            else
            {
                foreach (var (from, to) in Endings)
                    if (w.Length > from.Length + 2 && w.EndsWith(from, StringComparison.Ordinal)) { w = w[..^from.Length] + to; break; }
                parts.Add(w);
            }
        }
        return string.Concat(parts);
    }

    /// <summary>"'s-Hertogenbosch", "s Hertogenbosch" and "Den Bosch" give one key; "Hengelo (Ov)" is "Hengelo".</summary>
    public static string TownKey(string? town)
    {
        var text = town ?? "";
        var open = text.IndexOf('(');
        if (open > 0) text = text[..open]; // the province in brackets: "Hengelo (Ov)", "Bergen (NH)"
        var key = new string(NameKey.Fold(text).Where(char.IsAsciiLetterLower).ToArray());
        return Towns.TryGetValue(key, out var alias) ? alias : key;
    }
}
