using Ketenaanpak.Graph.Domain.Names;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>
/// The score of a pair of persons and its reasons, one per property, in Dutch: name similarity (weight 0.6), date of
/// birth (+0.35 the same full date, +0.25 month and year, +0.2 the year; −0.3 when they contradict), nationality (+0.05
/// the same, −0.2 different), shared neighbours (+0.15 for one, +0.05 for each further one, at most +0.25), minus 0.06 per doubling of the persons already known by exactly this name, minus 0.15
/// when only a common name agrees. Clamped to [0, 1].
/// </summary>
public static class PersonScoring
{
    public const double NameWeight = 0.6;

    /// <summary>A name that fewer than this many stored persons are expected to carry by chance counts as rare.</summary>
    public const double RareNameBelow = 0.2;

    /// <summary>What agreeing on a common name alone costs: enough to stay under the default suggestion threshold.</summary>
    public const double NameOnlyPenalty = 0.15;

    /// <param name="homonyms">How many stored persons carry exactly <paramref name="a"/>'s name: each doubling lowers the
    /// score by 0.06, because agreeing on a common name is weak evidence.</param>
    /// <param name="expectedHolders">How many stored persons would carry <paramref name="a"/>'s name by chance (see
    /// <see cref="EntityResolver"/>). When the name is all the pair agrees on — no date of birth to compare, no shared
    /// neighbour — and this is at least <see cref="RareNameBelow"/>, the score drops by <see cref="NameOnlyPenalty"/>:
    /// in a store of a million entities a common name alone points at a namesake more often than at the person.</param>
    public static ResolutionCandidateScore? Score(ResolutionRecord a, ResolutionRecord b, int homonyms = 1, double expectedHolders = 0)
    {
        if (a.Name is null || b.Name is null) return null;
        var name = NameComparison.Compare(a.Name, b.Name);
        if (name is null) return null;
        var reasons = new List<string>(4) { name.Reason };
        var score = NameWeight * name.Score;
        var birth = BirthDate(a.BirthDate, b.BirthDate, reasons);
        score += birth;
        score += Nationality(a.Nationality, b.Nationality, reasons);
        var neighbours = Neighbours(a.NeighbourKeys, b.NeighbourKeys, reasons);
        score += neighbours;
        if (birth == 0 && neighbours == 0 && expectedHolders >= RareNameBelow)
        {
            score -= NameOnlyPenalty;
            reasons.Add("alleen de naam komt overeen, en die naam is niet zeldzaam");
        }
        if (homonyms > 1)
        {
            score -= 0.06 * Math.Log2(homonyms);
            reasons.Add($"veelvoorkomende naam ({homonyms} personen met deze naam bekend)");
        }
        return new ResolutionCandidateScore(a.Id, b.Id, Math.Round(Math.Clamp(score, 0, 1), 3), reasons);
    }

    private static double BirthDate(DateOfBirth? a, DateOfBirth? b, List<string> reasons)
    {
        if (a is null && b is null) { reasons.Add("geen geboortedatum bekend"); return 0; }
        if (a is null || b is null) { reasons.Add("geboortedatum onbekend bij één van beide"); return 0; }
        if (a.Year != b.Year) { reasons.Add($"geboortejaar verschilt ({a.Year}/{b.Year})"); return -0.3; }
        if (a.Month is { } am && b.Month is { } bm)
        {
            if (am != bm) { reasons.Add($"geboortemaand verschilt ({a.Display}/{b.Display})"); return -0.3; }
            if (a.Day is { } ad && b.Day is { } bd)
            {
                if (ad != bd) { reasons.Add($"geboortedag verschilt ({a.Display}/{b.Display})"); return -0.3; }
                reasons.Add($"geboortedatum gelijk ({a.Display})");
                return 0.35;
            }
            reasons.Add($"geboortemaand en -jaar gelijk ({MonthYear(a)})");
            return 0.25;
        }
        reasons.Add($"geboortejaar gelijk ({a.Year})");
        return 0.2;
    }

    private static string MonthYear(DateOfBirth d) => d.Precision == DatePrecision.Month ? d.Display : d.Display[(d.Display.IndexOf(' ') + 1)..];

    private static double Nationality(string? a, string? b, List<string> reasons)
    {
        if (a is null || b is null) return 0;
        if (a == b) { reasons.Add($"nationaliteit gelijk ({a})"); return 0.05; }
        reasons.Add($"nationaliteit verschilt ({a}/{b})");
        return -0.2;
    }

    private static double Neighbours(IReadOnlyList<string> a, IReadOnlyList<string> b, List<string> reasons)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Intersect(b, StringComparer.Ordinal).ToList();
        if (shared.Count == 0) return 0;
        var kinds = shared.Select(KindWord).Distinct().ToList();
        reasons.Add(shared.Count == 1 ? $"deelt een {kinds[0]}" : $"deelt {shared.Count} buren ({string.Join(", ", kinds)})");
        return Math.Min(0.25, 0.1 + 0.05 * shared.Count);
    }

    // Neighbour keys start with the kind ("Address:…"): the analyst reads "deelt een adres".
    private static string KindWord(string key) => key[..Math.Max(0, key.IndexOf(':'))] switch
    {
        "Address" => "adres",
        "Phone" => "telefoonnummer",
        "BankAccount" => "bankrekening",
        "Company" => "bedrijf",
        "Document" => "document",
        "Vehicle" => "voertuig",
        "OnlineAd" => "advertentie",
        "Person" => "contactpersoon",
        _ => "buur",
    };
}
