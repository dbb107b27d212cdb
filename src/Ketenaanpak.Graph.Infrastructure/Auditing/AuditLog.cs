using System.Transactions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ketenaanpak.Graph.Infrastructure.Auditing;

/// <summary>
/// Appends to the hash-chained audit log (docs/decisions/ADR-004).
/// </summary>
/// <remarks>
/// <para>
/// Own unit of work: every append opens its own context and connection from the store's options and commits its own
/// transaction. An audit entry therefore never rides along with the caller's pending changes, and is not rolled back
/// when the caller's work fails afterwards: the read or export it records has happened regardless. An ambient
/// <see cref="TransactionScope"/> is suppressed for the same reason (Npgsql would otherwise enlist in it).
/// </para>
/// <para>
/// Serialised: reading the head and inserting the next entry must not interleave with another appender, in this
/// process or another instance. PostgreSQL: a transaction-scoped advisory lock on <see cref="PostgreSqlLockKey"/>, taken
/// before the head is read and released at commit or rollback. SQLite: <c>BEGIN IMMEDIATE</c>, which takes the
/// database's write lock at the start of the transaction (a deferred <c>BEGIN</c> would let two appenders read the same
/// head); others wait for it up to the command timeout. Either way the sequence is also the primary key, so a writer
/// that bypassed the lock would fail rather than fork the chain.
/// </para>
/// </remarks>
public sealed class AuditLog(DbContextOptions<GraphDbContext> options, TimeProvider clock, IAuditHeadWitness? witness) : IAuditLog
{
    /// <summary>A log without a witness (tests of the chain itself).</summary>
    public AuditLog(DbContextOptions<GraphDbContext> options, TimeProvider clock) : this(options, clock, null) { }

    /// <summary>
    /// The advisory-lock key of the audit log on PostgreSQL ("KETENAUD" in ASCII). Advisory locks share one key space
    /// per database; nothing else in this product uses this key.
    /// </summary>
    public const long PostgreSqlLockKey = 0x4B4554454E415544;

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
        AppendManyAsync([record], cancellationToken);

    public async Task AppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) return;
        using var noAmbient = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
        await using var db = new GraphDbContext(options);
        await using var transaction = await BeginSerialisedAsync(db, cancellationToken);
        var last = await db.AuditEntries.OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var head = last is null ? null : new AuditHead(last.Sequence, last.Hash);
        var at = clock.GetUtcNow();
        foreach (var record in records)
        {
            var entry = AuditEntry.Next(head, at, record);
            db.Add(entry);
            head = entry.AsHead;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // After the commit: a head is never witnessed for entries that were rolled back. A crash in between leaves an
        // entry beyond the witnessed head, which verification reports rather than hides.
        if (witness is not null) await witness.RecordAsync(head!, CancellationToken.None);
    }

    private static async Task<IDbContextTransaction> BeginSerialisedAsync(GraphDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            // Serializable and not deferred is what makes Microsoft.Data.Sqlite issue BEGIN IMMEDIATE; said explicitly
            // rather than relying on EF's default.
            var sqliteTransaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
            return await db.Database.UseTransactionAsync(sqliteTransaction, cancellationToken)
                ?? throw new InvalidOperationException("The SQLite transaction of the audit log could not be used.");
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgreSqlLockKey})", cancellationToken);
        return transaction;
    }
}
