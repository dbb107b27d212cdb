using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Alerts;

public enum AlertStatus
{
    New = 0,
    InReview = 1,
    AddedToDossier = 2,
    Dismissed = 3,
}

public static class AlertStatuses
{
    public static string Dutch(this AlertStatus status) => status switch
    {
        AlertStatus.New => "Nieuw",
        AlertStatus.InReview => "In behandeling",
        AlertStatus.AddedToDossier => "Toegevoegd aan dossier",
        AlertStatus.Dismissed => "Afgewezen",
        _ => status.ToString(),
    };
}

/// <summary>
/// One alert (signalering): a rule fired on a situation in the graph. It keeps the trigger node(s) and the subgraph
/// that made it fire, its status with the history of every change (who, when, why), and its assignee. The same
/// situation is recognised by <see cref="TriggerKey"/>: it refreshes the open alert instead of making a second one.
/// </summary>
public sealed class Alert
{
    public const int MaxReasonLength = 1000;
    public const int MaxSummaryLength = 500;
    public const int MaxKeyLength = 400;
    private readonly List<AlertNode> _nodes = [];
    private readonly List<AlertRelation> _relations = [];
    private readonly List<AlertHistoryEntry> _history = [];
    private readonly List<AlertRecipient> _recipients = [];

    private Alert() { TriggerKey = Summary = ""; }

    public Alert(Guid id, AlertRuleKind rule, string triggerKey, string summary, IReadOnlyCollection<NodeId> triggerNodes,
        IReadOnlyCollection<NodeId> subgraphNodes, IReadOnlyCollection<RelationId> subgraphRelations, SignalId? signal,
        DossierId? dossier, string? municipalityCode, DateTimeOffset at)
    {
        if (triggerNodes.Count == 0 && rule != AlertRuleKind.UrgentSignal)
            throw new DomainException("Een signalering heeft ten minste één entiteit die haar veroorzaakte.", nameof(Nodes));
        if (string.IsNullOrWhiteSpace(triggerKey) || triggerKey.Length > MaxKeyLength)
            throw new DomainException("De sleutel van de signalering ontbreekt of is te lang.", nameof(TriggerKey));
        Id = id;
        Rule = rule;
        TriggerKey = triggerKey;
        Summary = Clip(summary);
        SignalId = signal;
        DossierId = dossier;
        MunicipalityCode = municipalityCode;
        Urgent = rule == AlertRuleKind.UrgentSignal;
        FirstFiredAt = LastFiredAt = at;
        Status = AlertStatus.New;
        SetSubgraph(triggerNodes, subgraphNodes, subgraphRelations);
        _history.Add(new AlertHistoryEntry(Id, at, "systeem", null, AlertStatus.New, "Signalering aangemaakt: " + Summary));
    }

    public Guid Id { get; private set; }
    public AlertRuleKind Rule { get; private set; }
    /// <summary>The rule and its trigger node(s) (or signal), so the same situation maps to the same key.</summary>
    public string TriggerKey { get; private set; }
    /// <summary>A short, factual description without personal data ("14 personen ingeschreven binnen 330 dagen").</summary>
    public string Summary { get; private set; }
    public bool Urgent { get; private set; }
    /// <summary>The signal that caused it (urgent alerts, a signal touching an open dossier).</summary>
    public SignalId? SignalId { get; private set; }
    /// <summary>The open dossier a signal touched.</summary>
    public DossierId? DossierId { get; private set; }
    /// <summary>Where the signal plays (urgent alerts go to that municipality's coordinator).</summary>
    public string? MunicipalityCode { get; private set; }
    public DateTimeOffset FirstFiredAt { get; private set; }
    public DateTimeOffset LastFiredAt { get; private set; }
    public AlertStatus Status { get; private set; }
    public string? AssigneeUserId { get; private set; }
    public string? AssigneeName { get; private set; }
    public string? DismissReason { get; private set; }
    public string? AddedToDossierNumber { get; private set; }
    public DateTimeOffset? CaseMeetingRequestedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<AlertNode> Nodes => _nodes;
    public IReadOnlyList<AlertRelation> Relations => _relations;
    public IReadOnlyList<AlertHistoryEntry> History => _history;
    public IReadOnlyList<AlertRecipient> Recipients => _recipients;

    public bool IsOpen => Status is AlertStatus.New or AlertStatus.InReview;
    public IEnumerable<NodeId> TriggerNodes => _nodes.Where(n => n.IsTrigger).Select(n => n.NodeId);

    /// <summary>
    /// The same situation was found again: keeps the alert and its status, moves <see cref="LastFiredAt"/> and replaces
    /// the subgraph with what triggers it now. Returns whether the subgraph changed.
    /// </summary>
    public bool Refire(string summary, IReadOnlyCollection<NodeId> triggerNodes, IReadOnlyCollection<NodeId> subgraphNodes,
        IReadOnlyCollection<RelationId> subgraphRelations, DateTimeOffset at)
    {
        var changed = !SameSubgraph(triggerNodes.Concat(subgraphNodes).Distinct().ToList(), subgraphRelations);
        LastFiredAt = at;
        Summary = Clip(summary);
        if (changed)
        {
            _nodes.Clear();
            _relations.Clear();
            SetSubgraph(triggerNodes, subgraphNodes, subgraphRelations);
        }
        Version++;
        return changed;
    }

    /// <summary>Whether the subgraph found now is no more than what this alert already holds (nothing new to look at).</summary>
    public bool Covers(IReadOnlyCollection<NodeId> subgraphNodes, IReadOnlyCollection<RelationId> subgraphRelations) =>
        subgraphNodes.All(n => _nodes.Any(x => x.NodeId == n)) && subgraphRelations.All(r => _relations.Any(x => x.RelationId == r));

    private bool SameSubgraph(IReadOnlyCollection<NodeId> nodes, IReadOnlyCollection<RelationId> relations) =>
        Covers(nodes, relations) && nodes.Distinct().Count() == _nodes.Count && relations.Distinct().Count() == _relations.Count;

    /// <summary>Moves the alert to new, in review or dismissed. Dismissing needs a reason; reopening a dismissed one too.</summary>
    public void ChangeStatus(AlertStatus to, string by, string? reason, DateTimeOffset at)
    {
        if (!Enum.IsDefined(to))
            throw new DomainException("Onbekende status.", nameof(Status));
        if (to == AlertStatus.AddedToDossier)
            throw new DomainException("Gebruik 'Toevoegen aan dossier' om een signalering aan een dossier toe te voegen.", nameof(Status));
        if (Status == AlertStatus.AddedToDossier)
            throw new DomainException("Deze signalering is al aan een dossier toegevoegd; de status verandert niet meer.", nameof(Status));
        if (to == Status)
            throw new DomainException($"De signalering heeft de status '{to.Dutch()}' al.", nameof(Status));
        var trimmed = Reason(reason);
        if (to == AlertStatus.Dismissed && trimmed is null)
            throw new DomainException("Geef een reden waarom deze signalering wordt afgewezen.", "Reason");
        if (Status == AlertStatus.Dismissed && trimmed is null)
            throw new DomainException("Geef een reden om deze afgewezen signalering te heropenen.", "Reason");
        _history.Add(new AlertHistoryEntry(Id, at, Who(by), Status, to, trimmed));
        Status = to;
        DismissReason = to == AlertStatus.Dismissed ? trimmed : null;
        Version++;
    }

    public void Assign(string? userId, string? userName, string by, DateTimeOffset at)
    {
        if (userId is not null && string.IsNullOrWhiteSpace(userName))
            throw new DomainException("Kies een bestaande gebruiker.", "Assignee");
        if (userId == AssigneeUserId) return;
        _history.Add(new AlertHistoryEntry(Id, at, Who(by), Status, Status,
            userId is null ? "Toewijzing ingetrokken" : $"Toegewezen aan {userName!.Trim()}"));
        AssigneeUserId = userId;
        AssigneeName = userName?.Trim();
        Version++;
    }

    /// <summary>Records that the trigger entities went into a dossier; closes the alert.</summary>
    public void MarkAddedToDossier(string dossierNumber, string by, DateTimeOffset at)
    {
        if (!IsOpen)
            throw new DomainException("Alleen een nieuwe of in behandeling zijnde signalering kan aan een dossier worden toegevoegd.", nameof(Status));
        _history.Add(new AlertHistoryEntry(Id, at, Who(by), Status, AlertStatus.AddedToDossier, $"Toegevoegd aan dossier {dossierNumber}"));
        Status = AlertStatus.AddedToDossier;
        AddedToDossierNumber = dossierNumber;
        Version++;
    }

    /// <summary>An analyst asks for an ad-hoc case meeting (issue 6 §5); the meeting itself is planned elsewhere.</summary>
    public void RequestCaseMeeting(string by, string? note, DateTimeOffset at)
    {
        if (CaseMeetingRequestedAt is not null)
            throw new DomainException("Voor deze signalering is al een ad-hoc casusoverleg aangevraagd.", nameof(CaseMeetingRequestedAt));
        var trimmed = Reason(note);
        _history.Add(new AlertHistoryEntry(Id, at, Who(by), Status, Status,
            "Ad-hoc casusoverleg aangevraagd" + (trimmed is null ? "" : ": " + trimmed)));
        CaseMeetingRequestedAt = at;
        Version++;
    }

    public void AddRecipient(string userId, string displayName)
    {
        if (_recipients.All(r => r.UserId != userId)) _recipients.Add(new AlertRecipient(Id, userId, displayName));
    }

    private void SetSubgraph(IReadOnlyCollection<NodeId> triggers, IReadOnlyCollection<NodeId> nodes, IReadOnlyCollection<RelationId> relations)
    {
        foreach (var n in triggers.Concat(nodes).Distinct())
            _nodes.Add(new AlertNode(Id, n, triggers.Contains(n)));
        foreach (var r in relations.Distinct())
            _relations.Add(new AlertRelation(Id, r));
    }

    private static string? Reason(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length > MaxReasonLength)
            throw new DomainException($"De toelichting mag hoogstens {MaxReasonLength} tekens lang zijn.", "Reason");
        return trimmed;
    }

    private static string Who(string by) =>
        string.IsNullOrWhiteSpace(by) ? throw new DomainException("Vermeld wie de wijziging doet.", "By") : by.Trim();

    private static string Clip(string s) => s.Length <= MaxSummaryLength ? s : s[..(MaxSummaryLength - 1)] + "…";
}

/// <summary>A node of the subgraph that fired an alert; the trigger node(s) are marked.</summary>
public sealed record AlertNode(Guid AlertId, NodeId NodeId, bool IsTrigger);

/// <summary>A relation of the subgraph that fired an alert.</summary>
public sealed record AlertRelation(Guid AlertId, RelationId RelationId);

/// <summary>Who an urgent alert went to at once (the police contact and the municipal coordinator).</summary>
public sealed record AlertRecipient(Guid AlertId, string UserId, string DisplayName);

/// <summary>One change of an alert: status (from → to), assignment, a request; who, when and why.</summary>
public sealed record AlertHistoryEntry(Guid AlertId, DateTimeOffset At, string By, AlertStatus? From, AlertStatus To, string? Note)
{
    public long Id { get; init; }
}
