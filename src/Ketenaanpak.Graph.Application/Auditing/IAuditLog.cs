using Ketenaanpak.Graph.Application.Security;

namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>What was done to personal data (domain.md §7: every read, export and share lands in the audit log).</summary>
public enum AuditAction
{
    Read = 1,
    Search = 2,
    Export = 3,
    Share = 4,
    Merge = 5,
    Unmerge = 6,
    StatusChange = 7,
    Create = 8,
    Update = 9,
    Delete = 10,
    RetentionExtended = 11,
    SignIn = 12,
    SignInFailed = 13,
    SignOut = 14,
    Judgement = 15,
    Analysis = 16,
}

/// <summary>One entry to append: who did what to which subject, and why.</summary>
/// <param name="SubjectType">What was touched: "Node", "Dossier", "Signal", "Search", "Export", "User", …</param>
/// <param name="SubjectId">Its id (or the search text's hash, an export's file name); null when it has none.</param>
/// <param name="Detail">A short, factual description without copying personal data ("3 resultaten", "kolommen: …").</param>
/// <param name="Purpose">Why: the dossier or task this serves, as the user or the use case states it.</param>
public sealed record AuditRecord(Actor Actor, AuditAction Action, string SubjectType, string? SubjectId, string? Detail, string? Purpose);

/// <summary>
/// The append-only audit log. Each entry carries the hash of the previous one, so that altering or removing an
/// entry breaks the chain where it happened (`ketenaanpak audit verify`).
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    Task AppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default);
}
