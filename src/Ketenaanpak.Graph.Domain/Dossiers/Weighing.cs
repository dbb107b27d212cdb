using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Dossiers;

public enum Priority
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public static class PriorityLabels
{
    public static string Dutch(this Priority priority) => priority switch
    {
        Priority.Low => "Laag",
        Priority.Medium => "Middel",
        Priority.High => "Hoog",
        _ => priority.ToString(),
    };
}

/// <summary>What the case meeting scores when it weighs a dossier (domain.md §2 step 3).</summary>
/// <param name="Severity">Seriousness of the exploitation, 1 (mild) – 5 (very serious).</param>
/// <param name="Urgency">How soon action is needed, 1 – 5 (5 = acute danger to a victim).</param>
/// <param name="Scale">Size of the operation, 1 (one person) – 5 (organised, many locations).</param>
/// <param name="MinorsInvolved">A victim is under 18.</param>
/// <param name="Victims">Number of (potential) victims in the dossier.</param>
/// <param name="Evidence">Strength of the information, 1 (unconfirmed) – 5 (confirmed by several sources).</param>
public sealed record WeighingScores(int Severity, int Urgency, int Scale, bool MinorsInvolved, int Victims, int Evidence)
{
    public const int VictimsForFullScore = 10;

    /// <summary>Field-by-field Dutch messages; empty when the scores are usable.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        void Range(int value, string field, string label)
        {
            if (value is < 1 or > 5) problems.Add((field, $"Geef {label} een score van 1 tot en met 5."));
        }
        Range(Severity, nameof(Severity), "de ernst");
        Range(Urgency, nameof(Urgency), "de urgentie");
        Range(Scale, nameof(Scale), "de omvang");
        Range(Evidence, nameof(Evidence), "de bewijskracht");
        if (Victims is < 0 or > 10_000) problems.Add((nameof(Victims), "Het aantal slachtoffers moet tussen 0 en 10.000 liggen."));
        return problems;
    }
}

/// <summary>
/// The weights of the weighing criteria and the score thresholds of the priorities; configurable per region
/// (configuration section <c>Weighing</c>), with the defaults below.
/// </summary>
public sealed class WeighingCriteria
{
    public double SeverityWeight { get; set; } = 3;
    public double UrgencyWeight { get; set; } = 3;
    public double ScaleWeight { get; set; } = 2;
    public double MinorsWeight { get; set; } = 2;
    public double VictimsWeight { get; set; } = 2;
    public double EvidenceWeight { get; set; } = 1;
    /// <summary>Score (0–100) from which the priority is high.</summary>
    public double HighFrom { get; set; } = 60;
    /// <summary>Score (0–100) from which the priority is medium.</summary>
    public double MediumFrom { get; set; } = 35;
    /// <summary>Minors involved always gives high priority, whatever the score.</summary>
    public bool MinorsAlwaysHigh { get; set; } = true;

    public IEnumerable<string> Problems()
    {
        double[] weights = [SeverityWeight, UrgencyWeight, ScaleWeight, MinorsWeight, VictimsWeight, EvidenceWeight];
        if (weights.Any(w => !double.IsFinite(w) || w < 0)) yield return "Weighing: every weight must be a number ≥ 0.";
        if (weights.Sum() <= 0) yield return "Weighing: at least one weight must be positive.";
        if (!(MediumFrom >= 0 && MediumFrom < HighFrom && HighFrom <= 100))
            yield return "Weighing: need 0 ≤ MediumFrom < HighFrom ≤ 100.";
    }
}

/// <summary>A priority with the explanation the case meeting reads: each criterion's share of the score.</summary>
public sealed record WeighingOutcome(double Score, Priority Priority, IReadOnlyList<string> Explanation);

public static class WeighingRules
{
    /// <summary>
    /// Weighted mean of the criteria, each scaled to 0–1 (scores 1–5 map to 0–1, minors to 0 or 1, victims capped at
    /// <see cref="WeighingScores.VictimsForFullScore"/>), times 100.
    /// </summary>
    public static WeighingOutcome Prioritise(WeighingScores s, WeighingCriteria c)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        if (s.Problems().FirstOrDefault() is { Message: { } problem })
            throw new DomainException(problem, nameof(WeighingScores));
        (string Label, double Part, double Weight, string Shown)[] parts =
        [
            ("Ernst", (s.Severity - 1) / 4.0, c.SeverityWeight, $"{s.Severity}/5"),
            ("Urgentie", (s.Urgency - 1) / 4.0, c.UrgencyWeight, $"{s.Urgency}/5"),
            ("Omvang", (s.Scale - 1) / 4.0, c.ScaleWeight, $"{s.Scale}/5"),
            ("Minderjarigen", s.MinorsInvolved ? 1 : 0, c.MinorsWeight, s.MinorsInvolved ? "ja" : "nee"),
            ("Slachtoffers", Math.Min(s.Victims, WeighingScores.VictimsForFullScore) / (double)WeighingScores.VictimsForFullScore,
                c.VictimsWeight, s.Victims.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Bewijskracht", (s.Evidence - 1) / 4.0, c.EvidenceWeight, $"{s.Evidence}/5"),
        ];
        double total = parts.Sum(p => p.Weight);
        double score = Math.Round(100 * parts.Sum(p => p.Part * p.Weight) / total, 1);
        var explanation = parts.Where(p => p.Weight > 0)
            .Select(p => $"{p.Label} {p.Shown}: {Points(100 * p.Part * p.Weight / total)} van {Points(100 * p.Weight / total)} punten")
            .ToList();
        var priority = score >= c.HighFrom ? Priority.High : score >= c.MediumFrom ? Priority.Medium : Priority.Low;
        if (c.MinorsAlwaysHigh && s.MinorsInvolved && priority != Priority.High)
        {
            priority = Priority.High;
            explanation.Add("Er zijn minderjarigen bij betrokken: de prioriteit is daarom altijd hoog.");
        }
        explanation.Add($"Totaal {Points(score)} punten: prioriteit {priority.Dutch().ToLowerInvariant()} " +
                        $"(hoog vanaf {Points(c.HighFrom)}, middel vanaf {Points(c.MediumFrom)}).");
        return new WeighingOutcome(score, priority, explanation);
    }

    private static string Points(double value) => value.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
