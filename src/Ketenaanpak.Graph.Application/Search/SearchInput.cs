using System.Text.RegularExpressions;

namespace Ketenaanpak.Graph.Application.Search;

/// <summary>The rules for a search query, shared by the API and the search page: the same Dutch answer on both.</summary>
public static partial class SearchInput
{
    public const int MinLength = 2;
    public const int MaxLength = 100;

    [GeneratedRegex("%[89A-Fa-f][0-9A-Fa-f]")]
    private static partial Regex StillPercentEncoded();

    /// <summary>Null when <paramref name="query"/> (trimmed) can be searched; otherwise what is wrong, in Dutch.</summary>
    public static string? Problem(string query)
    {
        if (query.Length < MinLength) return "Vul minstens twee tekens in om te zoeken.";
        if (query.Length > MaxLength) return $"Een zoekopdracht heeft hoogstens {MaxLength} tekens.";
        if (query.Any(char.IsControl)) return "De zoekopdracht bevat een stuurteken; typ de tekst opnieuw in.";
        // Invalid UTF-8 in the query string arrives either as U+FFFD or still percent-encoded (%C3( …).
        if (query.Contains('\uFFFD') || StillPercentEncoded().IsMatch(query)) return "De zoekopdracht bevat ongeldige tekens; typ de tekst opnieuw in.";
        return null;
    }
}
