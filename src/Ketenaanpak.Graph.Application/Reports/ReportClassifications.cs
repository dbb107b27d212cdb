using Ketenaanpak.Graph.Domain.Barriers;

namespace Ketenaanpak.Graph.Application.Reports;

/// <summary>
/// The two classifications the store does not record as fields (ADR-012): the barrier phase a signal points to (from
/// its indicator codes) and the kind of result a completed intervention had (from its result text).
/// </summary>
public static class ReportClassifications
{
    /// <summary>
    /// Which phase of the barrier model (domain.md §3) an indicator of the signal card points to. Indicators that say
    /// something about the victim's situation but not about a step of the business process (violence, no outside
    /// contact) point to none. A signal counts once in every phase one of its indicators points to.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PhaseOfIndicator { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["BRP.01"] = "identity", ["BRP.02"] = "identity", ["BRP.03"] = "housing", ["BRP.04"] = "identity", ["BRP.05"] = "identity", ["BRP.06"] = "identity",
        ["AFH.01"] = "housing", ["AFH.02"] = "finance", ["AFH.03"] = "entry", ["AFH.04"] = "identity", ["AFH.05"] = "residence", ["AFH.06"] = "housing",
        ["VRH.04"] = "identity", ["VRH.05"] = "finance",
        ["ARB.01"] = "work", ["ARB.02"] = "work", ["ARB.03"] = "work",
        ["SEX.03"] = "recruitment",
        ["LOC.01"] = "housing", ["LOC.02"] = "housing", ["LOC.03"] = "work", ["LOC.04"] = "work", ["LOC.05"] = "work", ["LOC.06"] = "recruitment",
        ["SEC.01"] = "work", ["SEC.02"] = "work", ["SEC.03"] = "work", ["SEC.04"] = "work", ["SEC.05"] = "recruitment", ["SEC.06"] = "housing",
        ["SEC.07"] = "work", ["SEC.08"] = "work", ["SEC.09"] = "work", ["SEC.10"] = "entry", ["SEC.11"] = "work",
    };

    public static string PhaseName(string code) => BarrierPhase.Default.FirstOrDefault(p => p.Code == code)?.DutchName ?? code;

    /// <summary>The results domain.md §9 asks for, in the order of the report.</summary>
    public static IReadOnlyList<(string Key, string Label, string[] Words)> ResultKinds { get; } =
    [
        ("arrest", "Aanhoudingen en veroordelingen", ["aanhouding", "aangehouden", "veroordeeld"]),
        ("closure", "Sluitingen en stillegging", ["gesloten", "sluiting", "stilgelegd"]),
        ("bibob", "Bibob-weigeringen en -intrekkingen", ["bibob"]),
        ("tax", "Fiscale aanslagen en naheffingen", ["naheffing", "aanslag"]),
        ("care", "Verwijzingen naar zorg en opvang", ["opvang", "begeleid", "zorg", "doorverwezen"]),
    ];

    /// <summary>
    /// The kinds of result a completed intervention's result text reports (one text can report several: "aangehouden,
    /// pand gesloten"). A stopgap until the result is recorded as a choice (ADR-012): words, lower case, substring match.
    /// </summary>
    public static IEnumerable<string> ResultKindsOf(string? result)
    {
        if (string.IsNullOrWhiteSpace(result)) yield break;
        var text = result.ToLowerInvariant();
        foreach (var (key, _, words) in ResultKinds)
            if (words.Any(w => text.Contains(w, StringComparison.Ordinal))) yield return key;
    }
}
