namespace Ketenaanpak.Graph.Domain.Signals;

/// <summary>One indicator of the signal card (signaalkaart). Codes are hierarchical: "BRP" is a group, "BRP.01" an indicator.</summary>
public sealed record Indicator(string Code, string Group, string DutchLabel);

/// <summary>A group of indicators as the signal card shows them.</summary>
public sealed record IndicatorGroup(string Code, string DutchLabel, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// The signal card's indicator codes (domain.md §4). Structured codes instead of free text: they can be counted,
/// matched by alert rules, and they minimise what is recorded about a person.
/// </summary>
public static class IndicatorCatalog
{
    private static IndicatorGroup Group(string code, string label, params string[] items) =>
        new(code, label, items.Select((text, i) => new Indicator($"{code}.{i + 1:00}", code, text)).ToArray());

    public static IReadOnlyList<IndicatorGroup> Groups { get; } =
    [
        Group("BRP", "Balie basisregistratie personen (BRP)",
            "Veel personen ingeschreven op één adres",
            "Persoon kent het eigen adres niet",
            "Persoon weet niet van wie hij of zij huurt",
            "Taalprobleem; persoon kan zich niet verstaanbaar maken",
            "Eén begeleider brengt herhaaldelijk verschillende personen",
            "Begeleider houdt paspoort of ID-kaart vast en neemt het weer mee"),
        Group("AFH", "Afhankelijkheid (B8/3-lijst)",
            "Werkgever regelt ook huisvesting, vervoer of kleding",
            "Schulden bij de uitbuiter of een overnamesom",
            "Reis of visum door anderen geregeld",
            "Valse of vervalste papieren",
            "Illegaal verblijf of illegale arbeid",
            "Slaapt op de werkplek"),
        Group("VRH", "Beperkte vrijheid",
            "Geen contact met de buitenwereld",
            "Kan zich niet vrij bewegen",
            "Geen toegang tot medische zorg",
            "Geen zeggenschap over eigen identiteitspapieren",
            "Geen zeggenschap over eigen verdiensten"),
        Group("ARB", "Slechte arbeidsomstandigheden",
            "Loon ver onder het marktloon",
            "Gevaarlijk werk",
            "Extreem lange werktijden"),
        Group("SEX", "Seksuele uitbuiting",
            "Tekenen van geweld",
            "Plotselinge verandering in gedrag of geld",
            "24/7 beschikbaar in online advertenties"),
        Group("LOC", "Locaties",
            "Particuliere woning",
            "Vakantiepark, camping of hotel",
            "Bordeel of seksinrichting",
            "Massagesalon",
            "Nagelstudio",
            "Escort aangeboden via websites"),
        Group("SEC", "Sectoren arbeidsuitbuiting",
            "Land- en tuinbouw",
            "Naaiatelier",
            "Champignonteelt",
            "Hennepteelt",
            "Malafide uitzendbureau",
            "Huisjesmelker",
            "Horeca",
            "Bouw",
            "Schoonmaak",
            "Transport",
            "Autowasstraat"),
    ];

    private static readonly Dictionary<string, Indicator> ByCode =
        Groups.SelectMany(g => g.Indicators).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<Indicator> All => ByCode.Values;

    public static Indicator? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var i) ? i : null;

    public static bool IsKnown(string? code) => Find(code) is not null;
}
