using System.Diagnostics.CodeAnalysis;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// The number of an identity document together with the country that issued it: a number alone is not unique across
/// countries, so the pair is the exact key (<see cref="Graph.ExactKeys.Document"/>). Spaces, dashes and case do not
/// count ("np-12 34ab" is NP1234AB); a Dutch number never holds the letter O, so an O typed there is read as zero.
/// </summary>
public sealed record DocumentNumber
{
    public const int MaxLength = 20;

    // ICAO three-letter codes on machine-readable documents → the two-letter code the store uses.
    private static readonly Dictionary<string, string> Alpha3 = new(StringComparer.Ordinal)
    {
        ["NLD"] = "NL", ["POL"] = "PL", ["ROU"] = "RO", ["BGR"] = "BG", ["HUN"] = "HU", ["UKR"] = "UA", ["RUS"] = "RU",
        ["D"] = "DE", ["DEU"] = "DE", ["BEL"] = "BE", ["LTU"] = "LT", ["LVA"] = "LV", ["SVK"] = "SK", ["CZE"] = "CZ",
        ["NGA"] = "NG", ["CHN"] = "CN", ["VNM"] = "VN", ["ERI"] = "ER", ["MAR"] = "MA", ["TUR"] = "TR", ["MDA"] = "MD",
        ["BRA"] = "BR", ["THA"] = "TH", ["PHL"] = "PH", ["IND"] = "IN", ["GBR"] = "GB", ["FRA"] = "FR", ["ESP"] = "ES",
    };

    private DocumentNumber(string country, string number)
    {
        IssuingCountry = country;
        Number = number;
    }

    /// <summary>ISO 3166 alpha-2, upper case.</summary>
    public string IssuingCountry { get; }

    /// <summary>Letters and digits only, upper case.</summary>
    public string Number { get; }

    /// <summary>The exact key: "NL:NP1234AB0".</summary>
    public string Key => Graph.ExactKeys.Document(IssuingCountry, Number);

    public static bool TryParse(string? number, string? issuingCountry, [MaybeNullWhen(false)] out DocumentNumber value, out string error)
    {
        value = null;
        var country = (issuingCountry ?? "").Trim().ToUpperInvariant();
        if (Alpha3.TryGetValue(country, out var two)) country = two;
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            error = "Vul het land van afgifte in als tweeletterige landcode (NL, PL, RO) of als de drieletterige code op het document (NLD, POL).";
            return false;
        }
        var text = (number ?? "").Trim();
        if (text.Length == 0)
        {
            error = "Vul het documentnummer in.";
            return false;
        }
        var compact = new List<char>(text.Length);
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '.' or '/') continue;
            if (!char.IsAsciiLetterOrDigit(c))
            {
                error = "Een documentnummer bestaat uit letters en cijfers (spaties en streepjes mogen).";
                return false;
            }
            compact.Add(char.ToUpperInvariant(c));
        }
        if (compact.Count is < 5 or > MaxLength)
        {
            error = $"Een documentnummer heeft 5 tot {MaxLength} letters en cijfers.";
            return false;
        }
        if (country == "NL") for (var i = 0; i < compact.Count; i++) if (compact[i] == 'O') compact[i] = '0';
        value = new DocumentNumber(country, new string([.. compact]));
        error = "";
        return true;
    }

    public override string ToString() => Key;
}
