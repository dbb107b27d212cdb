using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.CaseMeetings;

/// <summary>Why a dossier is on the agenda (several may hold).</summary>
[Flags]
public enum AgendaReason
{
    None = 0,
    AwaitingWeighing = 1,
    OverdueInterventions = 2,
    NewAlerts = 4,
    Urgent = 8,
    Requested = 16,
}

public enum DecisionKind
{
    /// <summary>What the meeting decided (besluit).</summary>
    Decision = 1,
    /// <summary>Something a partner will do, with a due date (actiepunt).</summary>
    Action = 2,
}

public static class AgendaReasons
{
    public static IEnumerable<string> Dutch(this AgendaReason reasons)
    {
        if (reasons.HasFlag(AgendaReason.Urgent)) yield return "acuut signaal";
        if (reasons.HasFlag(AgendaReason.AwaitingWeighing)) yield return "wacht op weging";
        if (reasons.HasFlag(AgendaReason.OverdueInterventions)) yield return "interventie over de termijn";
        if (reasons.HasFlag(AgendaReason.NewAlerts)) yield return "nieuwe signalering";
        if (reasons.HasFlag(AgendaReason.Requested)) yield return "op verzoek geagendeerd";
    }

    public static string Dutch(this DecisionKind kind) => kind == DecisionKind.Action ? "Actiepunt" : "Besluit";
}

/// <summary>One dossier on a meeting's agenda, frozen as it was when discussed, with what was decided about it.</summary>
public sealed class AgendaItem
{
    private readonly List<CaseMeetingDecision> _decisions = [];

    private AgendaItem() { DossierNumber = SnapshotJson = ""; }

    internal AgendaItem(AgendaItemId id, CaseMeetingId meeting, DossierId dossier, string dossierNumber, int order, AgendaReason reasons,
        string snapshotJson, DateTimeOffset at)
    {
        Id = id;
        MeetingId = meeting;
        DossierId = dossier;
        DossierNumber = dossierNumber;
        Order = order;
        Reasons = reasons;
        SnapshotJson = snapshotJson;
        SnapshotAt = at;
    }

    public AgendaItemId Id { get; private set; }
    public CaseMeetingId MeetingId { get; private set; }
    public DossierId DossierId { get; private set; }
    public string DossierNumber { get; private set; }
    public int Order { get; private set; }
    public AgendaReason Reasons { get; private set; }
    /// <summary>The dossier as it stood (stage, priority, members, interventions), serialised by the application.</summary>
    public string SnapshotJson { get; private set; }
    public DateTimeOffset SnapshotAt { get; private set; }
    public IReadOnlyList<CaseMeetingDecision> Decisions => _decisions;

    internal void Refresh(AgendaReason reasons, string snapshotJson, DateTimeOffset at)
    {
        Reasons |= reasons;
        if (_decisions.Count > 0) return; // what was decided was decided on the snapshot as it was
        SnapshotJson = snapshotJson;
        SnapshotAt = at;
    }

    /// <summary>
    /// Retention: the dossier was deleted, so what the meeting saw of it goes too — its snapshot becomes
    /// <paramref name="snapshotJson"/> (the number only) and its decisions lose their text and the entities they
    /// concerned. That the dossier was discussed, and by whom it was decided, stays in the minutes.
    /// </summary>
    public void RedactForRetention(string snapshotJson)
    {
        SnapshotJson = snapshotJson;
        foreach (var decision in _decisions) decision.Redact(CaseMeetingDecision.RedactedText, []);
    }

    /// <summary>Retention: entities deleted elsewhere leave this item's snapshot (rewritten by the caller) and its decisions.</summary>
    public void ForgetEntities(string snapshotJson, IReadOnlySet<NodeId> deleted, Func<string, string> scrub)
    {
        SnapshotJson = snapshotJson;
        foreach (var decision in _decisions)
            decision.Redact(scrub(decision.Text), decision.Concerns.Where(n => !deleted.Contains(n)).ToList());
    }

    internal CaseMeetingDecision Record(DecisionKind kind, string text, PartnerId? actionFor, DateOnly? due, IReadOnlyList<NodeId> concerns,
        string by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException("Kies besluit of actiepunt.", "Soort");
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainException("Schrijf op wat besloten of afgesproken is.", "Tekst");
        if (text.Trim().Length > 2000)
            throw new DomainException("Houd het besluit kort: hoogstens 2000 tekens.", "Tekst");
        if (kind == DecisionKind.Action && actionFor is null)
            throw new DomainException("Een actiepunt heeft een partner die het uitvoert.", "Partner");
        if (kind == DecisionKind.Action && due is null)
            throw new DomainException("Een actiepunt heeft een termijn.", "Termijn");
        var decision = new CaseMeetingDecision(DecisionId.New(), Id, kind, text.Trim(), kind == DecisionKind.Action ? actionFor : null,
            kind == DecisionKind.Action ? due : null, string.Join(',', concerns.Distinct().Select(n => n.Value.ToString("N"))), by, at);
        _decisions.Add(decision);
        return decision;
    }
}

/// <summary>A decision or action recorded against an agenda item, linked to the network nodes it concerns.</summary>
public sealed class CaseMeetingDecision
{
    private CaseMeetingDecision() { Text = ConcernsText = By = ""; }

    internal CaseMeetingDecision(DecisionId id, AgendaItemId item, DecisionKind kind, string text, PartnerId? actionFor, DateOnly? due,
        string concerns, string by, DateTimeOffset at)
    {
        Id = id;
        AgendaItemId = item;
        Kind = kind;
        Text = text;
        ActionFor = actionFor;
        Due = due;
        ConcernsText = concerns;
        By = by;
        At = at;
    }

    public DecisionId Id { get; private set; }
    public AgendaItemId AgendaItemId { get; private set; }
    public DecisionKind Kind { get; private set; }
    public string Text { get; private set; }
    public PartnerId? ActionFor { get; private set; }
    public DateOnly? Due { get; private set; }
    /// <summary>The node ids it concerns, comma-separated (stored as one column; read through <see cref="Concerns"/>).</summary>
    public string ConcernsText { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }

    public const string RedactedText = "[verwijderd: de bewaartermijn van het dossier is verstreken]";

    internal void Redact(string text, IReadOnlyList<NodeId> concerns)
    {
        Text = text;
        ConcernsText = string.Join(',', concerns.Distinct().Select(n => n.Value.ToString("N")));
    }

    public IReadOnlyList<NodeId> Concerns =>
        ConcernsText.Length == 0 ? [] : ConcernsText.Split(',').Select(s => new NodeId(Guid.ParseExact(s, "N"))).ToList();
}
