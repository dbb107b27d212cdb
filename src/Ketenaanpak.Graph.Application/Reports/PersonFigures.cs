using System.Globalization;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Application.Reports;

/// <summary>How the report classes persons by what partners recorded about them, and the Dutch labels.</summary>
public static class PersonFigures
{
    /// <summary>No partner recorded the attribute.</summary>
    public const string Unknown = "onbekend";

    /// <summary>Partners recorded different values side by side (domain.md §6); the report does not choose.</summary>
    public const string Ambiguous = "niet-eenduidig";

    public const string Minor = "minderjarig";
    public const string Adult = "meerderjarig";

    public static IReadOnlyList<string> AgeClasses { get; } = [Minor, Adult, Unknown, Ambiguous];

    /// <summary>
    /// Minor or adult on the day the dossier opened (Dutch calendar). A partial date of birth gives an age range; when
    /// the person may have been under 18 they count as a minor — in doubt, the chain treats a victim as a minor.
    /// </summary>
    public static string AgeClass(string birthDate, DateTimeOffset openedAt)
    {
        if (birthDate is Unknown or Ambiguous) return birthDate;
        if (!DateOfBirth.TryParse(birthDate, out var dob, out _)) return Unknown;
        return dob.AgeOn(DateOnly.FromDateTime(DutchCalendar.ToLocal(openedAt))).Minimum < 18 ? Minor : Adult;
    }

    public static string AgeLabel(string key) => key switch
    {
        Minor => "Minderjarig (jonger dan 18)",
        Adult => "Meerderjarig",
        Ambiguous => "Niet eenduidig",
        _ => "Onbekend",
    };

    public static string SexLabel(string key) => key switch
    {
        "vrouw" => "Vrouw",
        "man" => "Man",
        "anders" => "Anders",
        Ambiguous => "Niet eenduidig",
        _ => "Onbekend",
    };

    private static readonly Dictionary<string, string> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NL"] = "Nederland", ["PL"] = "Polen", ["RO"] = "Roemenië", ["BG"] = "Bulgarije", ["HU"] = "Hongarije", ["UA"] = "Oekraïne",
        ["TH"] = "Thailand", ["VN"] = "Vietnam", ["CN"] = "China", ["NG"] = "Nigeria", ["ER"] = "Eritrea", ["SY"] = "Syrië", ["MA"] = "Marokko",
        ["TR"] = "Turkije", ["DE"] = "Duitsland", ["BE"] = "België", ["LT"] = "Litouwen", ["LV"] = "Letland", ["SK"] = "Slowakije",
        ["CZ"] = "Tsjechië", ["PH"] = "Filipijnen", ["IN"] = "India", ["BR"] = "Brazilië", ["AL"] = "Albanië", ["MD"] = "Moldavië",
    };

    public static string CountryName(string key) => key switch
    {
        Unknown => "Onbekend",
        Ambiguous => "Niet eenduidig",
        _ => Countries.TryGetValue(key, out var name) ? name : key.ToUpperInvariant(),
    };

    public static string MonthName(string key) =>
        CultureInfo.GetCultureInfo("nl-NL").DateTimeFormat.GetMonthName(int.Parse(key, CultureInfo.InvariantCulture));
}
