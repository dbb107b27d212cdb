using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.CaseMeetings;

public enum CaseMeetingKind
{
    Quarterly = 1,
    AdHoc = 2,
}

/// <summary>
/// A case meeting (casusoverleg): quarterly or ad hoc, chaired by the portfolio holder, where dossiers are weighed and
/// interventions agreed (domain.md §1). It has participants (fixed and case-dependent), an agenda of dossiers each
/// frozen as it was discussed, decisions and actions per agenda item, and minutes. Once the minutes are adopted the
/// meeting is held and nothing in it changes any more.
/// </summary>
public sealed class CaseMeeting
{
    public const int MaxMinutesLength = 20_000;
    private readonly List<CaseMeetingParticipant> _participants = [];
    private readonly List<AgendaItem> _agenda = [];

    private CaseMeeting() { Title = ""; }

    public CaseMeeting(CaseMeetingId id, CaseMeetingKind kind, string title, DateTimeOffset scheduledAt, string? chair)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException("Kies het soort overleg: kwartaaloverleg of ad hoc.", nameof(Kind));
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
            throw new DomainException("Geef het overleg een titel van hoogstens 200 tekens.", nameof(Title));
        if (chair?.Trim().Length > 200)
            throw new DomainException("De naam van de voorzitter is te lang (hoogstens 200 tekens).", nameof(Chair));
        Id = id;
        Kind = kind;
        Title = title.Trim();
        ScheduledAt = scheduledAt;
        Chair = string.IsNullOrWhiteSpace(chair) ? null : chair.Trim();
    }

    public CaseMeetingId Id { get; private set; }
    public CaseMeetingKind Kind { get; private set; }
    public string Title { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public string? Chair { get; private set; }
    /// <summary>True once the minutes are adopted; the meeting is then a closed record.</summary>
    public bool Held { get; private set; }
    public string? Minutes { get; private set; }
    public string? AdoptedBy { get; private set; }
    public DateTimeOffset? AdoptedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<CaseMeetingParticipant> Participants => _participants;
    public IReadOnlyList<AgendaItem> Agenda => _agenda;

    /// <summary>Invites a partner once; the first reason stays (fixed members are invited when the meeting is planned).</summary>
    public void Invite(PartnerId partner, bool fixedMember, string reason)
    {
        EnsureOpen();
        if (_participants.Any(p => p.PartnerId == partner)) return;
        _participants.Add(new CaseMeetingParticipant(Id, partner, fixedMember, Trim(reason, 200)));
        Version++;
    }

    /// <summary>
    /// Puts a dossier on the agenda with why it is there and a frozen copy of the dossier as it is now (the snapshot is
    /// what the meeting discussed, whatever happens to the dossier later). A dossier already on the agenda is refreshed
    /// instead: its reasons are joined and the snapshot renewed, as long as nothing was decided on it yet.
    /// </summary>
    public AgendaItem PutOnAgenda(DossierId dossier, string dossierNumber, AgendaReason reasons, string snapshotJson, DateTimeOffset at)
    {
        EnsureOpen();
        if (reasons == AgendaReason.None)
            throw new DomainException("Geef aan waarom het dossier op de agenda staat.", nameof(Agenda));
        var item = _agenda.FirstOrDefault(a => a.DossierId == dossier);
        if (item is null)
        {
            item = new AgendaItem(AgendaItemId.New(), Id, dossier, dossierNumber, _agenda.Count + 1, reasons, snapshotJson, at);
            _agenda.Add(item);
        }
        else item.Refresh(reasons, snapshotJson, at);
        Version++;
        return item;
    }

    public CaseMeetingDecision Decide(AgendaItemId item, DecisionKind kind, string text, PartnerId? actionFor, DateOnly? due,
        IReadOnlyList<NodeId> concerns, string by, DateTimeOffset at)
    {
        EnsureOpen();
        var agendaItem = _agenda.FirstOrDefault(a => a.Id == item)
            ?? throw new DomainException("Dit agendapunt hoort niet bij dit overleg.", "Agendapunt");
        var decision = agendaItem.Record(kind, text, actionFor, due, concerns, by, at);
        Version++;
        return decision;
    }

    /// <summary>Adopts the minutes: the meeting becomes a closed record (decisions and agenda no longer change).</summary>
    public void AdoptMinutes(string minutes, string by, DateTimeOffset at)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(minutes))
            throw new DomainException("Het verslag is leeg. Vat samen wat besproken en besloten is.", nameof(Minutes));
        if (minutes.Trim().Length > MaxMinutesLength)
            throw new DomainException($"Het verslag is te lang (hoogstens {MaxMinutesLength} tekens).", nameof(Minutes));
        Minutes = minutes.Trim();
        AdoptedBy = by;
        AdoptedAt = at;
        Held = true;
        Version++;
    }

    /// <summary>Demo history: a meeting of the past with its minutes already adopted.</summary>
    /// <summary>Retention: names of deleted entities are taken out of the adopted minutes (<paramref name="scrub"/>).</summary>
    public void ScrubMinutes(Func<string, string> scrub)
    {
        if (Minutes is null) return;
        var scrubbed = scrub(Minutes);
        if (scrubbed == Minutes) return;
        Minutes = scrubbed;
        Version++;
    }

    public void RecordMinutes(string minutes) => AdoptMinutes(minutes, "demo", ScheduledAt);

    private void EnsureOpen()
    {
        if (Held)
            throw new DomainException("Het verslag van dit overleg is vastgesteld; het overleg kan niet meer worden gewijzigd.");
    }

    internal static string Trim(string? text, int max)
    {
        var t = (text ?? "").Trim();
        return t.Length <= max ? t : t[..max];
    }
}

/// <summary>A partner taking part in a meeting: a fixed member, or invited for a dossier on the agenda.</summary>
public sealed record CaseMeetingParticipant(CaseMeetingId MeetingId, PartnerId PartnerId, bool Fixed, string Reason);
