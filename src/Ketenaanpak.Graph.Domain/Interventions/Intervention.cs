using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Interventions;

public enum InterventionType
{
    Criminal = 1,
    Administrative = 2,
    Fiscal = 3,
    Care = 4,
}

public enum InterventionStatus
{
    Proposed = 0,
    Accepted = 1,
    Declined = 2,
    InProgress = 3,
    Done = 4,
    Cancelled = 5,
}

public static class InterventionLabels
{
    public static string Dutch(this InterventionType type) => type switch
    {
        InterventionType.Criminal => "Strafrechtelijk",
        InterventionType.Administrative => "Bestuurlijk",
        InterventionType.Fiscal => "Fiscaal",
        InterventionType.Care => "Zorg en hulpverlening",
        _ => type.ToString(),
    };

    public static string Dutch(this InterventionStatus status) => status switch
    {
        InterventionStatus.Proposed => "Voorgesteld",
        InterventionStatus.Accepted => "Geaccepteerd",
        InterventionStatus.Declined => "Afgewezen (capaciteit)",
        InterventionStatus.InProgress => "In uitvoering",
        InterventionStatus.Done => "Afgerond",
        InterventionStatus.Cancelled => "Vervallen",
        _ => status.ToString(),
    };
}

/// <summary>
/// An intervention (interventie) agreed for a dossier: a barrier raised in one phase by one partner, aimed at one or
/// more nodes. The assigned partner accepts it or declines it for lack of capacity, with a reason. Every answer and
/// every reassignment is kept in <see cref="History"/>: a reassignment clears the current decline, but the chain must
/// still see who declined, when, why, and to whom it went next.
/// </summary>
public sealed class Intervention
{
    private readonly List<InterventionTarget> _targets = [];
    private readonly List<InterventionHistoryEntry> _history = [];

    private Intervention() { Title = BarrierPhaseCode = ""; }

    public Intervention(InterventionId id, DossierId dossier, InterventionType type, string title, string barrierPhaseCode,
        PartnerId assignedPartner, DateOnly? dueDate)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 300)
            throw new DomainException("Omschrijf de interventie in hoogstens 300 tekens.", nameof(Title));
        if (string.IsNullOrWhiteSpace(barrierPhaseCode))
            throw new DomainException("Kies de fase van het barrièremodel waarin deze interventie een barrière opwerpt.", nameof(BarrierPhaseCode));
        Id = id;
        DossierId = dossier;
        Type = type;
        Title = title.Trim();
        BarrierPhaseCode = barrierPhaseCode;
        AssignedPartnerId = assignedPartner;
        DueDate = dueDate;
        Status = InterventionStatus.Proposed;
    }

    public InterventionId Id { get; private set; }
    public DossierId DossierId { get; private set; }
    public InterventionType Type { get; private set; }
    public string Title { get; private set; }
    public string BarrierPhaseCode { get; private set; }
    public PartnerId AssignedPartnerId { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public InterventionStatus Status { get; private set; }
    public string? DeclineReason { get; private set; }
    public string? Result { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<InterventionTarget> Targets => _targets;
    public IReadOnlyList<InterventionHistoryEntry> History => _history;

    public void Target(NodeId node)
    {
        if (_targets.All(t => t.NodeId != node)) _targets.Add(new InterventionTarget(Id, node));
        Version++;
    }

    public void Accept(string by, DateTimeOffset at)
    {
        if (Status != InterventionStatus.Proposed)
            throw new DomainException("Alleen een voorgestelde interventie kan worden geaccepteerd.", nameof(Status));
        Record(InterventionStatus.Accepted, AssignedPartnerId, by, null, at);
    }

    public void Decline(string reason, string by, DateTimeOffset at)
    {
        if (Status != InterventionStatus.Proposed)
            throw new DomainException("Alleen een voorgestelde interventie kan worden afgewezen.", nameof(Status));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Geef aan waarom de interventie niet kan worden opgepakt.", nameof(DeclineReason));
        DeclineReason = reason.Trim();
        Record(InterventionStatus.Declined, AssignedPartnerId, by, DeclineReason, at);
    }

    /// <summary>A declined intervention is offered to another partner: it starts again as a proposal.</summary>
    /// <summary>A declined intervention is offered to another partner: it starts again as a proposal; the decline stays in the history.</summary>
    public void Reassign(PartnerId partner, string by, DateTimeOffset at)
    {
        if (Status != InterventionStatus.Declined)
            throw new DomainException("Alleen een afgewezen interventie kan aan een andere partner worden toegewezen.", nameof(Status));
        if (partner == AssignedPartnerId)
            throw new DomainException("Kies een andere partner dan de partner die afwees.", nameof(AssignedPartnerId));
        AssignedPartnerId = partner;
        DeclineReason = null;
        Record(InterventionStatus.Proposed, partner, by, null, at);
    }

    public void Start(string by, DateTimeOffset at)
    {
        if (Status != InterventionStatus.Accepted)
            throw new DomainException("Een interventie start pas als de partner haar heeft geaccepteerd.", nameof(Status));
        Record(InterventionStatus.InProgress, AssignedPartnerId, by, null, at);
    }

    public void Complete(string result, string by, DateTimeOffset at)
    {
        if (Status is not (InterventionStatus.Accepted or InterventionStatus.InProgress))
            throw new DomainException("Alleen een geaccepteerde of lopende interventie kan worden afgerond.", nameof(Status));
        if (string.IsNullOrWhiteSpace(result))
            throw new DomainException("Leg het resultaat van de interventie vast.", nameof(Result));
        Result = result.Trim();
        Record(InterventionStatus.Done, AssignedPartnerId, by, Result, at);
    }

    private void Record(InterventionStatus to, PartnerId partner, string by, string? note, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new DomainException("Wie dit vastlegt, ontbreekt.", nameof(by));
        _history.Add(new InterventionHistoryEntry(Id, Status, to, partner, by.Trim(), note, at));
        Status = to;
        Version++;
    }

    public bool IsOverdue(DateOnly today) =>
        DueDate is { } due && due < today && Status is InterventionStatus.Proposed or InterventionStatus.Accepted or InterventionStatus.InProgress;
}

/// <summary>
/// One answer or reassignment of an intervention: the status it left and reached, the partner concerned (the one that
/// answered, or the one it went to on a reassignment), who recorded it, the reason or result, and when.
/// </summary>
public sealed record InterventionHistoryEntry(InterventionId InterventionId, InterventionStatus From, InterventionStatus To,
    PartnerId PartnerId, string By, string? Note, DateTimeOffset At)
{
    public long Id { get; init; }
}

/// <summary>intervention → TARGETS → node.</summary>
public sealed record InterventionTarget(InterventionId InterventionId, NodeId NodeId);
