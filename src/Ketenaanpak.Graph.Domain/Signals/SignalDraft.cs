using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Signals;

/// <summary>
/// A signal the reporter is still writing (concept). It holds the input as typed — incomplete is allowed — and creates
/// no entities: persons, addresses and relations only enter the network when the signal is submitted, in one
/// transaction. The draft's id becomes the signal's id, so a partner system keeps one id from draft to submission.
/// Only the account that started it may read or change it.
/// </summary>
public sealed class SignalDraft
{
    /// <summary>Large enough for a signal with many mentioned entities, small enough to refuse a paste of a whole file.</summary>
    public const int MaxContentLength = 200_000;

    private SignalDraft() { OwnerUserId = Content = ""; }

    public SignalDraft(SignalId id, string ownerUserId, PartnerId partnerId, string content, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(ownerUserId) || ownerUserId.Length > Signal.MaxUserIdLength)
            throw new DomainException("Het account van de melder is niet geldig.", nameof(OwnerUserId));
        if (partnerId.Value == Guid.Empty)
            throw new DomainException("Een concept hoort bij een partnerorganisatie.", nameof(PartnerId));
        Id = id;
        OwnerUserId = ownerUserId;
        PartnerId = partnerId;
        CreatedAt = now;
        Content = "";
        Replace(content, now);
        Version = 0;
    }

    public SignalId Id { get; private set; }
    public string OwnerUserId { get; private set; }
    public PartnerId PartnerId { get; private set; }
    /// <summary>The intake input as JSON, exactly as last saved.</summary>
    public string Content { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOwnedBy(string userId) => string.Equals(OwnerUserId, userId, StringComparison.Ordinal);

    public void Replace(string content, DateTimeOffset now)
    {
        if (content is null || content.Length > MaxContentLength)
            throw new DomainException("Het concept is te groot om op te slaan; verdeel de melding over meerdere signalen.", nameof(Content));
        if (now < CreatedAt)
            throw new DomainException("Een concept kan niet vóór het aanmaken zijn gewijzigd.", nameof(UpdatedAt));
        Content = content;
        UpdatedAt = now;
        Version++;
    }
}
