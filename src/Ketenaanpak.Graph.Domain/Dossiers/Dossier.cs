using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Domain.Dossiers;

/// <summary>
/// A dossier: everything the partners know about one potential case, with the role each entity plays in it. The
/// coordinator of the lead municipality steers it; the owner partner and the partners the case meeting shared it
/// with may read it (domain.md §2, §7).
/// </summary>
public sealed class Dossier
{
    private readonly List<DossierMember> _members = [];
    private readonly List<DossierSignal> _signals = [];
    private readonly List<DossierStageChange> _stageChanges = [];
    private readonly List<DossierShare> _shares = [];
    private readonly List<DossierWeighing> _weighings = [];
    private readonly List<ProsecutorConsent> _consents = [];

    private Dossier() { Number = Title = LeadMunicipalityCode = ""; }

    public Dossier(DossierId id, string number, string title, string leadMunicipalityCode, PartnerId ownerPartner,
        ExploitationForm form, DateTimeOffset openedAt, DateOnly retainUntil)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
            throw new DomainException("Geef het dossier een titel van hoogstens 200 tekens.", nameof(Title));
        if (Partners.Municipality.Find(leadMunicipalityCode) is null)
            throw new DomainException("Kies de gemeente waar de casus speelt.", nameof(LeadMunicipalityCode));
        if (retainUntil <= DateOnly.FromDateTime(openedAt.UtcDateTime))
            throw new DomainException("De bewaartermijn van een dossier moet na de openingsdatum liggen.", nameof(RetainUntil));
        Id = id;
        Number = number;
        Title = title.Trim();
        LeadMunicipalityCode = leadMunicipalityCode;
        OwnerPartnerId = ownerPartner;
        Form = form;
        OpenedAt = openedAt;
        RetainUntil = retainUntil;
        Stage = DossierStage.Detection;
    }

    public DossierId Id { get; private set; }
    /// <summary>Human-readable number, e.g. DOS-2025-003.</summary>
    public string Number { get; private set; }
    public string Title { get; private set; }
    public string LeadMunicipalityCode { get; private set; }
    public string? CoordinatorName { get; private set; }
    public PartnerId OwnerPartnerId { get; private set; }
    public ExploitationForm Form { get; private set; }
    public DossierStage Stage { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateOnly RetainUntil { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<DossierMember> Members => _members;
    public IReadOnlyList<DossierSignal> Signals => _signals;
    public IReadOnlyList<DossierStageChange> StageChanges => _stageChanges;
    /// <summary>Partners the case meeting shared this dossier with (need to know, domain.md §7).</summary>
    public IReadOnlyList<DossierShare> Shares => _shares;
    /// <summary>Every weighing, oldest first; the last one counts.</summary>
    public IReadOnlyList<DossierWeighing> Weighings => _weighings;
    public DossierWeighing? CurrentWeighing => _weighings.Count == 0 ? null : _weighings.MaxBy(w => w.At);
    /// <summary>The prosecutor's decisions on criminal-law signals; the latest per signal counts.</summary>
    public IReadOnlyList<ProsecutorConsent> Consents => _consents;
    public DossierEvaluation? Evaluation { get; private set; }

    /// <summary>Records a weighing. Approaches are only for members of the dossier in that role.</summary>
    public DossierWeighing RecordWeighing(WeighingScores scores, WeighingCriteria criteria, string? planOfApproach,
        string? intendedResult, IEnumerable<MemberApproach> approaches, string by, DateTimeOffset at)
    {
        var outcome = WeighingRules.Prioritise(scores, criteria);
        var plan = DecisionText.Required(planOfApproach, DossierWeighing.MaxTextLength, "PlanOfApproach",
            "Beschrijf het plan van aanpak.", $"Het plan van aanpak mag hoogstens {DossierWeighing.MaxTextLength} tekens lang zijn.");
        var result = DecisionText.Required(intendedResult, DossierWeighing.MaxTextLength, "IntendedResult",
            "Beschrijf het beoogde resultaat.", $"Het beoogde resultaat mag hoogstens {DossierWeighing.MaxTextLength} tekens lang zijn.");
        var chosen = new List<MemberApproach>();
        foreach (var a in approaches)
        {
            if (string.IsNullOrWhiteSpace(a.Approach)) continue;
            if (!_members.Any(m => m.NodeId == a.NodeId && m.Role == a.Role))
                throw new DomainException("Een aanpak kan alleen gekozen worden voor een betrokkene in dit dossier.", "Approaches");
            if (a.Approach.Trim().Length > MemberApproach.MaxLength)
                throw new DomainException($"Een aanpak mag hoogstens {MemberApproach.MaxLength} tekens lang zijn.", "Approaches");
            chosen.Add(a with { Approach = a.Approach.Trim() });
        }
        var weighing = new DossierWeighing(Id, scores, outcome, plan, result, chosen, by, at);
        _weighings.Add(weighing);
        Version++;
        return weighing;
    }

    /// <summary>Records the prosecutor's decision on one of the dossier's signals.</summary>
    public void RecordConsent(SignalId signal, bool granted, string by, string? note, DateTimeOffset at)
    {
        if (_signals.All(s => s.SignalId != signal))
            throw new DomainException("Dit signaal hoort niet bij het dossier.", "Signal");
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > 1000 })
            throw new DomainException("De toelichting mag hoogstens 1000 tekens lang zijn.", "Note");
        if (!granted && trimmed is null)
            throw new DomainException("Geef bij een weigering een toelichting.", "Note");
        _consents.Add(new ProsecutorConsent(Id, signal, granted, by, trimmed, at));
        Version++;
    }

    /// <summary>Whether the prosecutor's latest decision on <paramref name="signal"/> is a consent.</summary>
    public bool HasConsent(SignalId signal) =>
        _consents.Where(c => c.SignalId == signal).MaxBy(c => c.At) is { Granted: true };

    /// <summary>Records (or replaces) the closing evaluation; only while the dossier is in the evaluation step.</summary>
    public void RecordEvaluation(string? outcome, string? lessons, string by, DateTimeOffset at)
    {
        if (Stage != DossierStage.Evaluation)
            throw new DomainException("De slotevaluatie wordt geschreven in de stap Evaluatie.", nameof(Stage));
        var o = DecisionText.Required(outcome, DossierEvaluation.MaxLength, "Outcome",
            "Beschrijf wat de interventies hebben opgeleverd.", $"De uitkomst mag hoogstens {DossierEvaluation.MaxLength} tekens lang zijn.");
        var l = DecisionText.Required(lessons, DossierEvaluation.MaxLength, "Lessons",
            "Beschrijf wat de keten hiervan leert.", $"De lessen mogen hoogstens {DossierEvaluation.MaxLength} tekens lang zijn.");
        Evaluation = new DossierEvaluation(Id, o, l, by, at);
        Version++;
    }

    public void ShareWith(PartnerId partner, string decidedBy, DateTimeOffset at)
    {
        if (partner == OwnerPartnerId || _shares.Any(s => s.PartnerId == partner))
            throw new DomainException("Deze partner heeft al toegang tot het dossier.", nameof(Shares));
        if (string.IsNullOrWhiteSpace(decidedBy))
            throw new DomainException("Vermeld wie tot delen besloot (het casusoverleg).", nameof(decidedBy));
        _shares.Add(new DossierShare(Id, partner, decidedBy.Trim(), at));
        Version++;
    }

    public void SetCoordinator(string? name)
    {
        CoordinatorName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        Version++;
    }

    public DossierMember AddMember(NodeId node, DossierRole role, PerpetratorRole perpetratorRole,
        FacilitatorAwareness awareness, Provenance.Provenance provenance)
    {
        if (_members.Any(m => m.NodeId == node && m.Role == role))
            throw new DomainException("Deze entiteit staat al met deze rol in het dossier.", nameof(Members));
        if (role != DossierRole.Perpetrator && perpetratorRole != PerpetratorRole.Unknown)
            throw new DomainException("Alleen een dader heeft een daderrol.", nameof(PerpetratorRole));
        if (role != DossierRole.Facilitator && awareness != FacilitatorAwareness.Unknown)
            throw new DomainException("Alleen een faciliteerder is bewust of onbewust.", nameof(FacilitatorAwareness));
        var member = new DossierMember(Id, node, role, perpetratorRole, awareness, provenance.Validated());
        _members.Add(member);
        Version++;
        return member;
    }

    /// <summary>
    /// Takes an entity out of the dossier in one role: a mistaken link, or a role that proved wrong (then it is added
    /// again in the right one). Who, when and why go to the audit log; the entity and its statements stay in the
    /// network. A closed dossier keeps its members as they were evaluated.
    /// </summary>
    public void RemoveMember(NodeId node, DossierRole role)
    {
        if (Stage == DossierStage.Closed)
            throw new DomainException("Een gesloten dossier verandert niet meer.", nameof(Members));
        var member = _members.FirstOrDefault(m => m.NodeId == node && m.Role == role)
            ?? throw new DomainException("Deze entiteit staat niet (meer) met deze rol in het dossier.", nameof(Members));
        _members.Remove(member);
        Version++;
    }

    /// <summary>
    /// Records which barrier phase a facilitator serves in this dossier (a company can house in one dossier and employ in
    /// another), or clears it (null) so that the app's suggestion counts again. Only for a facilitator member; the
    /// phase must be one of the configured ones.
    /// </summary>
    public void RecordBarrierPhase(NodeId node, string? phase, IReadOnlyCollection<string> phases)
    {
        if (Stage == DossierStage.Closed)
            throw new DomainException("Een gesloten dossier verandert niet meer.", nameof(Members));
        var member = _members.FirstOrDefault(m => m.NodeId == node && m.Role == DossierRole.Facilitator)
            ?? throw new DomainException("Alleen een faciliteerder van dit dossier heeft een barrièrefase.", "Fase");
        if (phase is not null && !phases.Contains(phase))
            throw new DomainException("Kies een van de fasen van het barrièremodel.", "Fase");
        member.BarrierPhase = phase;
        Version++;
    }

    public void AddSignal(SignalId signal)
    {
        if (_signals.All(s => s.SignalId != signal)) _signals.Add(new DossierSignal(Id, signal));
        Version++;
    }

    /// <summary>
    /// Moves the dossier one step forward or back, recording who, when and why, when <see cref="DossierWorkflow"/>
    /// finds nothing missing; otherwise throws with everything that is missing.
    /// </summary>
    public void MoveTo(DossierStage stage, string by, string reason, DateTimeOffset at, WorkflowFacts facts)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Geef een reden voor deze stap.", nameof(reason));
        if (reason.Trim().Length > 1000)
            throw new DomainException("De reden mag hoogstens 1000 tekens lang zijn.", nameof(reason));
        var missing = DossierWorkflow.Missing(Stage, stage, facts);
        if (missing.Count > 0) throw new DomainException(string.Join(" ", missing), nameof(Stage));
        Record(stage, by, reason, at);
    }

    /// <summary>
    /// Writes a step of a dossier's history without the workflow's guards: only for loading history that was decided
    /// elsewhere (the demo region, imports of existing case files).
    /// </summary>
    public void RecordHistoricStep(DossierStage stage, string by, string reason, DateTimeOffset at)
    {
        if (stage == Stage)
            throw new DomainException($"Het dossier staat al in de stap {stage.Dutch()}.", nameof(Stage));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Geef een reden voor deze stap.", nameof(reason));
        Record(stage, by, reason, at);
    }

    private void Record(DossierStage stage, string by, string reason, DateTimeOffset at)
    {
        _stageChanges.Add(new DossierStageChange(Id, Stage, stage, by, reason.Trim(), at));
        Stage = stage;
        ClosedAt = stage == DossierStage.Closed ? at : null;
        Version++;
    }

    /// <summary>An extension of the retention period is a recorded decision (domain.md §7).</summary>
    public void ExtendRetention(DateOnly until, string by, string reason, DateTimeOffset at)
    {
        if (until <= RetainUntil)
            throw new DomainException("Een verlenging moet na de huidige bewaartermijn eindigen.", nameof(RetainUntil));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Geef een reden voor de verlenging van de bewaartermijn.", nameof(reason));
        _stageChanges.Add(new DossierStageChange(Id, Stage, Stage, by, $"Bewaartermijn verlengd tot {until:dd-MM-yyyy}: {reason.Trim()}", at));
        RetainUntil = until;
        Version++;
    }
}

/// <summary>dossier → CONTAINS → node, with the node's role in this dossier and the provenance of that judgement.</summary>
public sealed class DossierMember
{
    private DossierMember() { Provenance = null!; }

    internal DossierMember(DossierId dossierId, NodeId nodeId, DossierRole role, PerpetratorRole perpetratorRole,
        FacilitatorAwareness awareness, Provenance.Provenance provenance)
    {
        DossierId = dossierId;
        NodeId = nodeId;
        Role = role;
        PerpetratorRole = perpetratorRole;
        Awareness = awareness;
        Provenance = provenance;
    }

    public DossierId DossierId { get; private set; }
    public NodeId NodeId { get; private set; }
    public DossierRole Role { get; private set; }
    public PerpetratorRole PerpetratorRole { get; private set; }
    public FacilitatorAwareness Awareness { get; private set; }
    public Provenance.Provenance Provenance { get; private set; }

    /// <summary>The barrier phase (its code) the analyst recorded for this facilitator in this dossier; null when not
    /// recorded, and then the app's suggestion is used and shown as such.</summary>
    public string? BarrierPhase { get; internal set; }

    public const int MaxPhaseLength = 40;
}

public sealed record DossierSignal(DossierId DossierId, SignalId SignalId);

/// <summary>A decision of the case meeting to share a dossier with a partner.</summary>
public sealed record DossierShare(DossierId DossierId, PartnerId PartnerId, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record DossierStageChange(DossierId DossierId, DossierStage From, DossierStage To, string By, string Reason, DateTimeOffset At)
{
    public long Id { get; init; }
}
