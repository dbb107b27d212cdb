using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Dossiers;

/// <summary>
/// A weighing and qualification of a dossier by the case meeting: the criteria scores, the priority that follows with
/// its explanation, the plan of approach with its intended result, and the approach chosen per perpetrator, victim and
/// facilitator. A dossier can be weighed again; the latest weighing counts, the earlier ones stay as history.
/// </summary>
public sealed class DossierWeighing
{
    public const int MaxTextLength = 2000;
    private readonly List<MemberApproach> _approaches = [];

    private DossierWeighing() { Explanation = PlanOfApproach = IntendedResult = By = ""; }

    internal DossierWeighing(DossierId dossierId, WeighingScores scores, WeighingOutcome outcome, string planOfApproach,
        string intendedResult, IEnumerable<MemberApproach> approaches, string by, DateTimeOffset at)
    {
        DossierId = dossierId;
        Severity = scores.Severity;
        Urgency = scores.Urgency;
        Scale = scores.Scale;
        MinorsInvolved = scores.MinorsInvolved;
        Victims = scores.Victims;
        Evidence = scores.Evidence;
        Score = outcome.Score;
        Priority = outcome.Priority;
        Explanation = string.Join("\n", outcome.Explanation);
        PlanOfApproach = planOfApproach;
        IntendedResult = intendedResult;
        By = by;
        At = at;
        _approaches.AddRange(approaches);
    }

    public long Id { get; private set; }
    public DossierId DossierId { get; private set; }
    public int Severity { get; private set; }
    public int Urgency { get; private set; }
    public int Scale { get; private set; }
    public bool MinorsInvolved { get; private set; }
    public int Victims { get; private set; }
    public int Evidence { get; private set; }
    public double Score { get; private set; }
    public Priority Priority { get; private set; }
    /// <summary>One line per criterion and the conclusion, as shown to the case meeting.</summary>
    public string Explanation { get; private set; }
    public string PlanOfApproach { get; private set; }
    public string IntendedResult { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
    public IReadOnlyList<MemberApproach> Approaches => _approaches;

    public WeighingScores Scores => new(Severity, Urgency, Scale, MinorsInvolved, Victims, Evidence);
}

/// <summary>The approach the case meeting chose for one member of the dossier in one role.</summary>
public sealed record MemberApproach(NodeId NodeId, DossierRole Role, string Approach)
{
    public const int MaxLength = 500;
    public long WeighingId { get; init; }
}

/// <summary>
/// The public prosecutor's decision whether a criminal-law signal of an investigating partner (police, Inspectie SZW,
/// KMar, FIOD) may be discussed in the case meeting (domain.md §1, issue 7). A refusal keeps the signal out.
/// </summary>
public sealed record ProsecutorConsent(DossierId DossierId, SignalId SignalId, bool Granted, string By, string? Note, DateTimeOffset At)
{
    public long Id { get; init; }
}

/// <summary>The closing evaluation of a dossier: what the interventions achieved and what the chain learned.</summary>
public sealed record DossierEvaluation(DossierId DossierId, string Outcome, string Lessons, string By, DateTimeOffset At)
{
    public const int MaxLength = 4000;
}

internal static class DecisionText
{
    public static string Required(string? text, int max, string field, string missing, string tooLong)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException(missing, field);
        var trimmed = text.Trim();
        if (trimmed.Length > max) throw new DomainException(tooLong, field);
        return trimmed;
    }
}
