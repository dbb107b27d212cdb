namespace Ketenaanpak.Graph.Domain.Partners;

/// <summary>A municipality by its CBS code (e.g. GM0153 = Enschede).</summary>
public sealed record Municipality(string Code, string Name)
{
    /// <summary>The 14 municipalities of the Twente district (CBS codes, 2014 boundaries).</summary>
    public static IReadOnlyList<Municipality> Twente { get; } =
    [
        new("GM0141", "Almelo"),
        new("GM0147", "Borne"),
        new("GM1774", "Dinkelland"),
        new("GM0153", "Enschede"),
        new("GM0158", "Haaksbergen"),
        new("GM0163", "Hellendoorn"),
        new("GM0164", "Hengelo"),
        new("GM1735", "Hof van Twente"),
        new("GM0168", "Losser"),
        new("GM0173", "Oldenzaal"),
        new("GM1742", "Rijssen-Holten"),
        new("GM0183", "Tubbergen"),
        new("GM1700", "Twenterand"),
        new("GM0189", "Wierden"),
    ];

    public static Municipality? Find(string? code) => Twente.FirstOrDefault(m => m.Code == code);

    public static string NameOf(string? code) => Find(code)?.Name ?? code ?? "onbekend";
}
