using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.CaseMeetings;

public enum CaseMeetingKind
{
    Quarterly = 1,
    AdHoc = 2,
}

/// <summary>
/// A case meeting (casusoverleg): quarterly or ad hoc, chaired by the portfolio holder, where dossiers are weighed and
/// interventions agreed (domain.md §1).
/// </summary>
public sealed class CaseMeeting
{
    private CaseMeeting() { Title = ""; }

    public CaseMeeting(CaseMeetingId id, CaseMeetingKind kind, string title, DateTimeOffset scheduledAt, string? chair)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
            throw new DomainException("Geef het overleg een titel van hoogstens 200 tekens.", nameof(Title));
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
    public bool Held { get; private set; }
    public string? Minutes { get; private set; }
    public int Version { get; private set; }

    public void RecordMinutes(string minutes)
    {
        if (string.IsNullOrWhiteSpace(minutes))
            throw new DomainException("Het verslag is leeg.", nameof(Minutes));
        Minutes = minutes.Trim();
        Held = true;
        Version++;
    }
}
