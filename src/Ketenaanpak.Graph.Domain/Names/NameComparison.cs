namespace Ketenaanpak.Graph.Domain.Names;

/// <summary>How alike two person names are, as a score in [0, 1] with the reason in Dutch for the analyst.</summary>
/// <param name="Score">1 for the same name (in any script or spelling scheme), lower per typo, missing or extra part.</param>
/// <param name="Reason">"naam gelijk", "naam lijkt sterk (Ivanov/Iwanow)", …</param>
/// <param name="OrderSwapped">Whether the family name of one is written as the given name of the other.</param>
public sealed record NameComparison(double Score, string Reason, bool OrderSwapped)
{
    /// <summary>
    /// Compares two names order-free: the family name of <paramref name="a"/> must match a token of
    /// <paramref name="b"/> within <see cref="NameKey.AllowedEdits"/> (a typo or two, never a mere prefix: "Jan" is not
    /// "Jansen"); given names must match the same way, or agree on initials when one side has only initials. Null when
    /// the names are not alike enough to ask an analyst about.
    /// </summary>
    public static NameComparison? Compare(PersonName a, PersonName b)
    {
        if (a.IsEmpty || b.IsEmpty) return null;
        // Family parts first: they are what makes a name selective.
        var bTokens = b.AllTokens.ToList();
        var used = new bool[bTokens.Count];
        var edits = 0;
        var swapped = false;
        foreach (var f in a.Family)
        {
            var i = Best(f, bTokens, used, out var cost);
            if (i < 0) return null;
            used[i] = true;
            edits += cost;
            if (i < b.Given.Count) swapped = true;
        }
        var givenMatched = 0;
        var givenMissed = 0;
        foreach (var g in a.Given)
        {
            var i = Best(g, bTokens, used, out var cost, givenName: true);
            if (i < 0) { givenMissed++; continue; }
            used[i] = true;
            edits += cost;
            givenMatched++;
            if (i >= b.Given.Count && a.Family.Count > 0) swapped = true;
        }
        var bUnmatchedGiven = Enumerable.Range(0, b.Given.Count).Count(i => !used[i]);
        var bUnmatchedFamily = Enumerable.Range(b.Given.Count, b.Family.Count).Count(i => !used[i]);
        if (bUnmatchedFamily > 0 && a.Family.Count == 0) return null;

        double score;
        string reason;
        var pair = $"({a.Display}/{b.Display})";
        if (edits == 0)
        {
            score = 1.0;
            reason = SameSurface(a, b) ? "naam gelijk" : $"naam gelijk in andere schrijfwijze {pair}";
        }
        else if (edits == 1) { score = 0.85; reason = $"naam lijkt sterk {pair}"; }
        else if (edits == 2) { score = 0.7; reason = $"naam lijkt {pair}"; }
        else { score = 0.55; reason = $"naam lijkt enigszins {pair}"; }

        // Given names: both written out but none of one side found → different people (Anna/Maria Nowak), unless
        // the other side has only initials that agree.
        if (givenMissed > 0 || bUnmatchedGiven > 0)
        {
            var aInitials = a.Initials;
            var bInitials = b.Initials;
            if (givenMatched == 0 && a.Given.Count > 0 && b.Given.Count > 0) return null;
            if (givenMatched == 0)
            {
                if (aInitials.Count > 0 && bInitials.Count > 0)
                {
                    if (aInitials[0] != bInitials[0]) return null;
                    score *= 0.8;
                    reason += ", voorletter past";
                }
                else
                {
                    score *= 0.75;
                    reason += ", voornaam ontbreekt bij één van beide";
                }
            }
            else
            {
                score -= 0.05 * Math.Min(2, givenMissed + bUnmatchedGiven);
                reason += ", extra voornaam";
            }
        }
        if (bUnmatchedFamily > 0)
        {
            score -= 0.1;
            reason += ", extra achternaam";
        }
        if (a.Prefix is not null && b.Prefix is not null && a.Prefix != b.Prefix)
        {
            score -= 0.1;
            reason += $", tussenvoegsel verschilt ({a.Prefix}/{b.Prefix})";
        }
        if (swapped) reason += ", volgorde van de namen omgedraaid";
        return new NameComparison(Math.Clamp(score, 0, 1), reason, swapped);
    }

    // The same words in the same spelling, in whatever order: "Ivanov Sergei" and "Sergei Ivanov" are written alike.
    private static bool SameSurface(PersonName a, PersonName b) => Words(a).SequenceEqual(Words(b));

    private static IEnumerable<string> Words(PersonName n) =>
        NameKey.Fold(n.Display).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);

    // A given name of three letters or more may carry one typo ("Ivn"/"Ivan", "Dra"/"Dora"): once the family name has
    // matched, the given name only has to tell people of that family apart.
    private static int Best(string token, List<string> candidates, bool[] used, out int cost, bool givenName = false)
    {
        var best = -1;
        cost = int.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (used[i]) continue;
            var c = candidates[i];
            int d;
            if (c == token) d = 0;
            else
            {
                var shortest = Math.Min(token.Length, c.Length);
                var allowed = Math.Max(NameKey.AllowedEdits(shortest), givenName && shortest >= 3 ? 1 : 0);
                d = NameKey.Distance(token, c, allowed);
                if (d > allowed) continue;
            }
            if (d < cost) { cost = d; best = i; }
            if (d == 0) break;
        }
        return best;
    }
}
