namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>
/// A copy of the audit log's head kept where the database cannot rewrite it (ADR-004, addendum 1). The chain alone
/// cannot show entries removed from its end or a chain rewritten with recomputed hashes; against a head recorded after
/// every append, <see cref="AuditVerifier"/> catches truncation, rewriting, reordering and entries added behind the
/// application's back.
/// </summary>
public interface IAuditHeadWitness
{
    /// <summary>Where the head is kept, for messages to the data-protection officer.</summary>
    string Location { get; }

    /// <summary>Records the head after an append has been committed.</summary>
    Task RecordAsync(AuditHead head, CancellationToken cancellationToken = default);

    /// <summary>The highest head recorded; null when nothing has been recorded yet.</summary>
    Task<AuditHead?> LatestAsync(CancellationToken cancellationToken = default);
}
