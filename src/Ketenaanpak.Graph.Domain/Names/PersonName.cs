namespace Ketenaanpak.Graph.Domain.Names;

/// <summary>
/// A person's name taken apart for matching: given names, initials, the Dutch family-name prefix (tussenvoegsel: "van
/// der", "de", "ten") kept apart from the family name, and every part in the comparable form of <see cref="NameKey"/>
/// (diacritics folded, Cyrillic transliterated, transliteration schemes made one: Іванов/Ivanov/Iwanow, Wójcik/Wojcik,
/// Ştefănescu/Ștefănescu, Щерев/Shterev).
/// </summary>
/// <remarks>
/// Partners write names in every order: "Ivanov Sergei", "Kowalczyk, Anna", Hungarian family-name-first "Nagy László",
/// Dutch register style "Berg, J. van der". With separate given and family fields the parts are taken as given; a full
/// name is read as "family, given" when it has a comma, family-first for Hungarian nationality, and given-first
/// otherwise. Matching (<see cref="NameComparison"/>) does not trust the order anyway: it tries both.
/// </remarks>
public sealed record PersonName
{
    // Longest first, so that "van der" is taken before "van". Folded forms (no diacritics, lower case).
    private static readonly string[][] Prefixes =
    [
        ["van", "de", "la"], ["van", "der"], ["van", "den"], ["van", "de"], ["van", "het"], ["van", "t"], ["in", "t"],
        ["in", "de"], ["in", "het"], ["op", "de"], ["op", "den"], ["op", "t"], ["uit", "de"], ["uit", "den"], ["aan", "de"],
        ["van"], ["de"], ["der"], ["den"], ["ter"], ["ten"], ["te"], ["het"], ["t"], ["d"], ["la"], ["le"], ["du"], ["von"],
        ["zu"], ["al"], ["el"],
    ];

    private PersonName(string display, IReadOnlyList<string> given, IReadOnlyList<char> initials, string? prefix,
        IReadOnlyList<string> family)
    {
        Display = display;
        Given = given;
        Initials = initials;
        Prefix = prefix;
        Family = family;
    }

    /// <summary>The name as written, whitespace collapsed (for reasons shown to the analyst).</summary>
    public string Display { get; }

    /// <summary>Given names written out, in comparable form (<see cref="NameKey.Tokens"/>).</summary>
    public IReadOnlyList<string> Given { get; }

    /// <summary>The first letter of every given name, also of those written only as an initial ("J.P." → j, p).</summary>
    public IReadOnlyList<char> Initials { get; }

    /// <summary>The family-name prefix in folded form ("van der"), or null.</summary>
    public string? Prefix { get; }

    /// <summary>The family name without its prefix, in comparable form; several tokens for double names.</summary>
    public IReadOnlyList<string> Family { get; }

    /// <summary>Every written-out token: given then family (what blocking and order-free matching use).</summary>
    public IEnumerable<string> AllTokens => Given.Concat(Family);

    public bool IsEmpty => Given.Count == 0 && Family.Count == 0;

    /// <summary>From separate given-name and family-name fields (the form and the store keep them apart).</summary>
    public static PersonName FromParts(string? given, string? family)
    {
        var (givenTokens, initials) = SplitGiven(RawTokens(given));
        var (prefix, familyTokens) = SplitPrefix(RawTokens(family));
        var display = string.Join(' ', new[] { given, family }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Collapse(s!)));
        return new PersonName(display, givenTokens, initials, prefix, familyTokens);
    }

    /// <summary>From one line as a partner typed it; <paramref name="nationality"/> (ISO 3166 alpha-2) decides the order
    /// when there is no comma (HU: family name first).</summary>
    public static PersonName FromFull(string? full, string? nationality = null)
    {
        var text = Collapse(full ?? "");
        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            // "Berg, J. van der" and "Kowalczyk, Anna": family before the comma, given (and a trailing prefix) after it.
            var after = RawTokens(text[(comma + 1)..]);
            var trailingPrefix = TrailingPrefixLength(after);
            var given = after.Take(after.Count - trailingPrefix).ToList();
            var family = after.Skip(after.Count - trailingPrefix).Concat(RawTokens(text[..comma])).ToList();
            return Build(text, given, family);
        }
        var tokens = RawTokens(text);
        if (tokens.Count <= 1) return Build(text, [], tokens);
        // Initials tell the order whatever the nationality: "J. Tóth" is given-first, "Kowalski J." family-first.
        var leadingInitials = tokens.TakeWhile(IsInitial).Count();
        if (leadingInitials == tokens.Count) return Build(text, tokens, []);
        var trailingInitials = leadingInitials > 0 ? 0 : tokens.AsEnumerable().Reverse().TakeWhile(IsInitial).Count();
        if (trailingInitials > 0)
            return Build(text, tokens.Skip(tokens.Count - trailingInitials).ToList(), tokens.Take(tokens.Count - trailingInitials).ToList());
        // A name that opens with a prefix is family-first, as in a register: "van den Berg Joost".
        var leadingPrefix = leadingInitials == 0 ? PrefixLengthAt(tokens, 0) : 0;
        if (leadingPrefix > 0)
            return Build(text, tokens.Skip(leadingPrefix + 1).ToList(), tokens.Take(leadingPrefix + 1).ToList());
        if (leadingInitials == 0 && string.Equals(nationality, "HU", StringComparison.OrdinalIgnoreCase))
            return Build(text, tokens.Skip(1).ToList(), tokens.Take(1).ToList());
        // Given-first: the family name starts at the first prefix after the first given name, otherwise it is the last token.
        var first = Math.Max(1, leadingInitials);
        var start = tokens.Count - 1;
        for (var i = first; i < tokens.Count - 1; i++)
            if (PrefixLengthAt(tokens, i) > 0) { start = i; break; }
        return Build(text, tokens.Take(start).ToList(), tokens.Skip(start).ToList());
    }

    // "J.", "J" and "J.P." are initials; "Jo" is a name.
    private static bool IsInitial(string token)
    {
        var folded = NameKey.Fold(token).TrimEnd('.');
        return folded.Length == 1 || (folded.Contains('.') && folded.Split('.', StringSplitOptions.RemoveEmptyEntries).All(p => p.Length == 1));
    }

    private static PersonName Build(string display, List<string> givenRaw, List<string> familyRaw)
    {
        var (given, initials) = SplitGiven(givenRaw);
        var (prefix, family) = SplitPrefix(familyRaw);
        return new PersonName(display, given, initials, prefix, family);
    }

    private static (List<string> Given, List<char> Initials) SplitGiven(List<string> raw)
    {
        var given = new List<string>();
        var initials = new List<char>();
        foreach (var token in raw)
        {
            var folded = NameKey.Fold(token).TrimEnd('.');
            // "J.P." is two initials; "Jan" a name. Tokens of one letter are initials.
            var parts = folded.Split('.', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 || folded.Length == 1)
            {
                foreach (var p in parts) if (p.Length > 0 && char.IsLetter(p[0])) initials.Add(p[0]);
                continue;
            }
            var comparable = NameKey.Tokens(token);
            given.AddRange(comparable);
            if (folded.Length > 0 && char.IsLetter(folded[0])) initials.Add(folded[0]);
        }
        return (given, initials);
    }

    private static (string? Prefix, List<string> Family) SplitPrefix(List<string> raw)
    {
        var length = raw.Count > 1 ? PrefixLengthAt(raw, 0) : 0;
        var prefix = length == 0 ? null : string.Join(' ', raw.Take(length).Select(FoldBare));
        var family = raw.Skip(length).SelectMany(t => NameKey.Tokens(t)).ToList();
        return (prefix, family);
    }

    /// <summary>How many tokens from <paramref name="index"/> form a family-name prefix (0 when none).</summary>
    private static int PrefixLengthAt(List<string> tokens, int index)
    {
        foreach (var prefix in Prefixes)
        {
            if (index + prefix.Length >= tokens.Count) continue; // a prefix needs a name after it
            var all = true;
            for (var k = 0; k < prefix.Length && all; k++) all = FoldBare(tokens[index + k]) == prefix[k];
            if (all) return prefix.Length;
        }
        return 0;
    }

    private static int TrailingPrefixLength(List<string> tokens)
    {
        foreach (var prefix in Prefixes)
        {
            if (prefix.Length >= tokens.Count) continue; // keep at least one given token
            var offset = tokens.Count - prefix.Length;
            var all = true;
            for (var k = 0; k < prefix.Length && all; k++) all = FoldBare(tokens[offset + k]) == prefix[k];
            if (all) return prefix.Length;
        }
        return 0;
    }

    // "'t" and "d'" lose their apostrophes; "van" stays "van".
    private static string FoldBare(string token) => new(NameKey.Fold(token).Where(char.IsLetterOrDigit).ToArray());

    // Splits on white space and keeps "d'Artagnan" apart as "d'" + "Artagnan" so the prefix is recognised.
    private static List<string> RawTokens(string? text)
    {
        var result = new List<string>();
        foreach (var part in (text ?? "").Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var apostrophe = part.IndexOfAny(['\'', '’']);
            if (apostrophe == 1 && part.Length > 2 && char.ToLowerInvariant(part[0]) == 'd')
            {
                result.Add(part[..2]);
                result.Add(part[2..]);
            }
            else if (FoldBare(part).Length > 0) result.Add(part);
        }
        return result;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public override string ToString() => Display;
}
