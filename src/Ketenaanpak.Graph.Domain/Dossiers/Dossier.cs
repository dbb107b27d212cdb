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

    public void AddSignal(SignalId signal)
    {
        if (_signals.All(s => s.SignalId != signal)) _signals.Add(new DossierSignal(Id, signal));
        Version++;
    }

    /// <summary>Moves the dossier to another step, recording who, when and why. Guards live in the workflow rules.</summary>
    public void MoveTo(DossierStage stage, string by, string reason, DateTimeOffset at)
    {
        if (stage == Stage)
            throw new DomainException($"Het dossier staat al in de stap {stage.Dutch()}.", nameof(Stage));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Geef een reden voor deze stap.", nameof(reason));
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
}

public sealed record DossierSignal(DossierId DossierId, SignalId SignalId);

/// <summary>A decision of the case meeting to share a dossier with a partner.</summary>
public sealed record DossierShare(DossierId DossierId, PartnerId PartnerId, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record DossierStageChange(DossierId DossierId, DossierStage From, DossierStage To, string By, string Reason, DateTimeOffset At)
{
    public long Id { get; init; }
}
