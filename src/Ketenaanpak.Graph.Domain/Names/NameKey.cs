using System.Globalization;
using System.Text;

namespace Ketenaanpak.Graph.Domain.Names;

/// <summary>
/// Comparable keys for names as partners write them: case, diacritics (Wójcik/Wojcik), Cyrillic script and its
/// Dutch, English, German and Polish transliterations (Іванов/Ivanov/Iwanow), name order (Ivanov Sergei / Sergei
/// Ivanov) and small typos. Used by search and by entity resolution at intake; a name is never an exact key.
/// </summary>
/// <remarks>
/// A name becomes tokens: <see cref="Fold"/> (lower case, marks removed, Cyrillic transliterated, special Latin letters
/// spelled out), split on anything that is not a letter or digit, then <see cref="Phonetic"/> maps spellings that
/// transliteration schemes disagree on to one form (w→v, j/y→i, sz/sj/sch→sh, cz/tsj/tsch/kh→ch, oe/ou→u, c→k …)
/// and collapses doubled letters. Two tokens match when their Damerau–Levenshtein distance (optimal string alignment)
/// is within <see cref="AllowedEdits"/> of the query token's length, or when the query token (3+ letters) is a prefix.
/// </remarks>
public static class NameKey
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "ye", ['ё'] = "yo",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['і'] = "i", ['ї'] = "yi", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m",
        ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh",
        ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya", ['ў'] = "u", ['ђ'] = "dj", ['ј'] = "j", ['љ'] = "lj", ['њ'] = "nj", ['ћ'] = "c", ['џ'] = "dz",
    };

    private static readonly Dictionary<char, string> SpecialLatin = new()
    {
        ['ł'] = "l", ['ø'] = "o", ['æ'] = "ae", ['œ'] = "oe", ['ß'] = "ss", ['đ'] = "d", ['ı'] = "i", ['þ'] = "th", ['ð'] = "d",
        ['ĳ'] = "ij",
    };

    // Longest first: each rule rewrites a spelling that differs between transliteration schemes or languages.
    private static readonly (string From, string To)[] Rules =
    [
        ("szcz", "shch"), ("tsch", "ch"), ("tsj", "ch"), ("sch", "sh"), ("sz", "sh"), ("sj", "sh"),
        // щ: Russian/Ukrainian schemes write shch (Polish szcz), the Bulgarian scheme sht (Щерев/Shterev): one form.
        ("shch", "sht"),
        ("cz", "ch"), ("zj", "zh"), ("kh", "ch"), ("ph", "f"), ("ck", "k"), ("ij", "i"), ("oe", "u"), ("ou", "u"), ("w", "v"),
        ("y", "i"), ("j", "i"), ("q", "k"), ("x", "ks"),
    ];

    /// <summary>Lower case, diacritics removed, Cyrillic transliterated, ł/ø/ß/æ spelled out: "Wójcik" → "wojcik".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Cyrillic.TryGetValue(c, out var latin) || SpecialLatin.TryGetValue(c, out latin)) sb.Append(latin);
            else sb.Append(c);
        }
        // Decomposition splits й and ї into и/і + a mark; recomposing is not needed since the mark is dropped.
        return sb.ToString();
    }

    /// <summary>One folded token in the spelling all schemes share: "iwanow" and "ivanov" both give "ivanov".</summary>
    public static string Phonetic(string foldedToken)
    {
        var s = foldedToken;
        foreach (var (from, to) in Rules)
            if (s.Contains(from, StringComparison.Ordinal)) s = s.Replace(from, to, StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            // c is k except in ch (already rewritten from cz/tsj) — Carlos/Karlos, Wojcik/Wojkik.
            if (c == 'c' && (i + 1 >= s.Length || s[i + 1] != 'h')) c = 'k';
            if (sb.Length > 0 && sb[^1] == c && !char.IsAsciiDigit(c)) continue; // Hanssen/Hansen
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The name's tokens in comparable form, in the order written (matching ignores order).</summary>
    public static string[] Tokens(string? text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inToken = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inToken && start < 0) start = i;
            else if (!inToken && start >= 0)
            {
                tokens.Add(Phonetic(folded[start..i]));
                start = -1;
            }
        }
        return [.. tokens.Where(t => t.Length > 0)];
    }

    /// <summary>Typos tolerated in a token of this length: none up to 3 characters, 1 up to 6, then 2.</summary>
    public static int AllowedEdits(int length) => length <= 3 ? 0 : length <= 6 ? 1 : 2;

    /// <summary>
    /// How well <paramref name="candidate"/> matches <paramref name="query"/> (both from <see cref="Tokens"/>): every query
    /// token must match a different candidate token, in any order. Null when it does not match; otherwise the cost —
    /// the sum of edits, plus one per token matched only as a prefix — so 0 is an exact match.
    /// </summary>
    public static int? Match(IReadOnlyList<string> query, IReadOnlyList<string> candidate)
    {
        if (query.Count == 0 || query.Count > candidate.Count) return null;
        var used = new bool[candidate.Count];
        var total = 0;
        // Longest query tokens first: they are the most selective, so a greedy assignment rarely goes wrong.
        foreach (var q in query.OrderByDescending(t => t.Length))
        {
            int best = -1, bestCost = int.MaxValue;
            for (var i = 0; i < candidate.Count; i++)
            {
                if (used[i]) continue;
                var cost = TokenCost(q, candidate[i]);
                if (cost < bestCost) { best = i; bestCost = cost; }
                if (cost == 0) break;
            }
            if (best < 0 || bestCost == int.MaxValue) return null;
            used[best] = true;
            total += bestCost;
        }
        return total;
    }

    private static int TokenCost(string q, string c)
    {
        if (q == c) return 0;
        var allowed = AllowedEdits(q.Length);
        var d = Distance(q, c, allowed);
        if (d <= allowed) return d;
        if (q.Length >= 3 && c.StartsWith(q, StringComparison.Ordinal)) return 1;
        return int.MaxValue;
    }

    /// <summary>
    /// Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), or <paramref name="max"/> + 1
    /// as soon as it is known to exceed <paramref name="max"/>. O(|a|·|b|) worst case, early exit per row.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, previous2[j - 2] + 1);
                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], max + 1);
    }
}
