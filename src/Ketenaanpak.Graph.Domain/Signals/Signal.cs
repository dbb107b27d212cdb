using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Signals;

public enum SignalStatus
{
    Draft = 0,
    Submitted = 1,
    InReview = 2,
    AddedToDossier = 3,
    NoFollowUp = 4,
}

/// <summary>
/// An observation by a partner (signaal): who, where, when, what was seen, which indicators apply and which form of
/// exploitation is suspected. Its own provenance describes the report; the entities it mentions are linked
/// through <see cref="SignalMention"/>. Once submitted it is immutable: corrections are new statements.
/// </summary>
public sealed class Signal
{
    public const int MaxNoteLength = 2000;
    public const int MaxUserIdLength = 100;
    private readonly List<SignalIndicator> _indicators = [];
    private readonly List<SignalMention> _mentions = [];

    private Signal() { Number = ReporterName = ""; Provenance = null!; }

    public Signal(SignalId id, string number, string reporterName, DateOnly observedOn, string? municipalityCode,
        ExploitationForm form, Sector sector, string? note, bool urgent, Provenance.Provenance provenance)
    {
        if (string.IsNullOrWhiteSpace(reporterName) || reporterName.Length > 200)
            throw new DomainException("Vul de naam van de melder in (maximaal 200 tekens).", nameof(ReporterName));
        if (note is { Length: > MaxNoteLength })
            throw new DomainException($"De toelichting is te lang: maximaal {MaxNoteLength} tekens. Gebruik zo veel mogelijk indicatoren.", nameof(Note));
        if (municipalityCode is not null && Partners.Municipality.Find(municipalityCode) is null)
            throw new DomainException("Deze gemeente is onbekend.", nameof(MunicipalityCode));
        Id = id;
        Number = number;
        ReporterName = reporterName.Trim();
        ObservedOn = observedOn;
        MunicipalityCode = municipalityCode;
        Form = form;
        Sector = sector;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Urgent = urgent;
        Provenance = provenance.Validated();
        Status = SignalStatus.Draft;
    }

    public SignalId Id { get; private set; }
    /// <summary>Human-readable number, e.g. SIG-2025-0042.</summary>
    public string Number { get; private set; }
    public string ReporterName { get; private set; }
    public DateOnly ObservedOn { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public ExploitationForm Form { get; private set; }
    public string? LegalQualification { get; private set; }
    public Sector Sector { get; private set; }
    public string? Note { get; private set; }
    public bool Urgent { get; private set; }
    public SignalStatus Status { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Feedback to the reporter (terugkoppeling), the only thing besides status a reporter reads back.</summary>
    public string? Feedback { get; private set; }
    public Provenance.Provenance Provenance { get; private set; }
    /// <summary>The account that filed the signal through the intake (null for imported and demo signals).</summary>
    public string? ReporterUserId { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<SignalIndicator> Indicators => _indicators;
    public IReadOnlyList<SignalMention> Mentions => _mentions;

    public void AddIndicator(string code)
    {
        EnsureDraft();
        var indicator = IndicatorCatalog.Find(code)
            ?? throw new DomainException($"Indicator '{Truncate(code)}' staat niet op de signaalkaart.", nameof(Indicators));
        if (_indicators.All(i => i.Code != indicator.Code))
            _indicators.Add(new SignalIndicator(Id, indicator.Code));
    }

    public void Mention(NodeId node, string? role = null)
    {
        EnsureDraft();
        if (_mentions.All(m => m.NodeId != node))
            _mentions.Add(new SignalMention(Id, node, role));
    }

    /// <summary>Records which account filed the signal, so the intake can show the reporter their own drafts and signals.</summary>
    public void RecordReporterAccount(string userId)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > MaxUserIdLength)
            throw new DomainException("Het account van de melder is niet geldig.", nameof(ReporterUserId));
        ReporterUserId = userId;
    }

    public void Submit(DateTimeOffset now)
    {
        EnsureDraft();
        Status = SignalStatus.Submitted;
        SubmittedAt = now;
        Version++;
    }

    public void SetLegalQualification(string? qualification)
    {
        EnsureDraft();
        LegalQualification = string.IsNullOrWhiteSpace(qualification) ? null : qualification.Trim();
    }

    /// <summary>Moves a submitted signal through review; the report itself stays as it was submitted.</summary>
    public void SetStatus(SignalStatus status, string? feedback)
    {
        if (Status == SignalStatus.Draft)
            throw new DomainException("Een concept moet eerst worden ingediend.", nameof(Status));
        if (status == SignalStatus.Draft)
            throw new DomainException("Een ingediend signaal kan niet terug naar concept.", nameof(Status));
        Status = status;
        if (!string.IsNullOrWhiteSpace(feedback)) Feedback = feedback.Trim();
        Version++;
    }

    private void EnsureDraft()
    {
        if (Status != SignalStatus.Draft)
            throw new DomainException("Een ingediend signaal kan niet meer worden gewijzigd; leg een correctie vast als nieuw gegeven.");
    }

    private static string Truncate(string? s) => s is null ? "" : s.Length <= 20 ? s : s[..20] + "…";
}

public sealed record SignalIndicator(SignalId SignalId, string Code);

/// <summary>signal → MENTIONS → entity, with the role in which the signal mentions it (e.g. "begeleider").</summary>
public sealed record SignalMention(SignalId SignalId, NodeId NodeId, string? Role);
