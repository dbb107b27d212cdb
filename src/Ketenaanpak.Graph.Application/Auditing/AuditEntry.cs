using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>
/// One stored entry of the audit log (table <c>audit_log</c>). It lives in Application, next to <see cref="IAuditLog"/>,
/// because the data-protection officer's page, the verifier and the CLI read it through the store abstraction; only
/// Infrastructure's audit log writes it, and the store refuses to update or delete it (docs/decisions/ADR-004).
/// </summary>
/// <remarks>
/// <see cref="Hash"/> is the lower-case hex SHA-256 of <see cref="AuditHash.Canonical"/>: every other field, including
/// <see cref="Sequence"/> and <see cref="PreviousHash"/>, so that altering any field, reordering or removing an entry
/// breaks the chain at that point.
/// </remarks>
public sealed class AuditEntry
{
    public const int MaxActorIdLength = 200;
    public const int MaxActorNameLength = 200;
    public const int MaxRoleLength = 40;
    public const int MaxSubjectTypeLength = 60;
    public const int MaxSubjectIdLength = 200;
    public const int MaxDetailLength = 1000;
    public const int MaxPurposeLength = 500;
    public const int HashLength = 64;

    private AuditEntry()
    {
    }

    /// <summary>Gap-free position in the chain, starting at 1; also the primary key.</summary>
    public long Sequence { get; private set; }

    /// <summary>When it was appended (UTC, whole milliseconds: what both stores keep exactly).</summary>
    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string Role { get; private set; } = "";

    /// <summary>The actor's partner organisation; null for the system itself.</summary>
    public PartnerId? PartnerId { get; private set; }

    public AuditAction Action { get; private set; }

    public string SubjectType { get; private set; } = "";

    public string? SubjectId { get; private set; }

    public string? Detail { get; private set; }

    public string? Purpose { get; private set; }

    /// <summary>The <see cref="Hash"/> of entry <c>Sequence - 1</c>, or <see cref="AuditHash.Genesis"/> for the first.</summary>
    public string PreviousHash { get; private set; } = AuditHash.Genesis;

    public string Hash { get; private set; } = "";

    /// <summary>This entry as the head of the chain, for the next append or for an operator to keep outside the store.</summary>
    public AuditHead AsHead => new(Sequence, Hash);

    /// <summary>
    /// The entry that follows <paramref name="head"/> (null: the chain is empty), with its text cleaned and cut to the
    /// column limits and its hash computed. Cleaning never fails: an audit write must not be lost to an odd character
    /// or a long description.
    /// </summary>
    public static AuditEntry Next(AuditHead? head, DateTimeOffset at, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var actor = record.Actor;
        var utc = at.ToUniversalTime();
        var entry = new AuditEntry
        {
            Sequence = (head?.Sequence ?? 0) + 1,
            At = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)),
            ActorId = AuditText.Required(actor.UserId, MaxActorIdLength),
            ActorName = AuditText.Required(actor.UserName, MaxActorNameLength),
            Role = AuditText.Required(actor.Role, MaxRoleLength),
            PartnerId = actor.PartnerId == default ? null : actor.PartnerId,
            Action = record.Action,
            SubjectType = AuditText.Required(record.SubjectType, MaxSubjectTypeLength),
            SubjectId = AuditText.Optional(record.SubjectId, MaxSubjectIdLength),
            Detail = AuditText.Optional(record.Detail, MaxDetailLength),
            Purpose = AuditText.Optional(record.Purpose, MaxPurposeLength),
            PreviousHash = head?.Hash ?? AuditHash.Genesis,
        };
        entry.Hash = AuditHash.Compute(entry);
        return entry;
    }
}

/// <summary>
/// The last entry of the chain: its sequence and hash. A hash chain cannot show that entries were removed from its end,
/// so operators keep the head printed by <c>ketenaanpak audit verify</c> outside the store and pass it back with
/// <c>--expect-head</c>.
/// </summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    public override string ToString() => $"{Sequence}:{Hash}";

    /// <summary>Reads "SEQUENCE:HASH" as printed by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? text, out AuditHead? head)
    {
        head = null;
        var parts = text?.Trim().Split(':');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1 || parts[1].Length != AuditEntry.HashLength || !parts[1].All(char.IsAsciiHexDigit))
            return false;
        head = new AuditHead(sequence, parts[1].ToLowerInvariant());
        return true;
    }
}
