using Ketenaanpak.Graph.Application.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>
/// PostgreSQL bulk writer, all in ONE transaction (a failed or killed import leaves nothing). Two paths:
/// <list type="bullet">
/// <item><b>Direct</b> (a fresh dataset, the common case of a large first import): binary COPY straight into
/// nodes/statements/relations, each batch sorted by id and inside a savepoint. COPY cannot skip an existing row, so a
/// batch that hits one (unique violation: a re-import the first-batch check did not see, or a row repeated in the file)
/// is rolled back to its savepoint and the writer switches to the staging path for it and everything after.</item>
/// <item><b>Staging</b> (re-imports): COPY into temporary staging tables, then one INSERT … SELECT … ORDER BY "Id"
/// ON CONFLICT ("Id") DO NOTHING per table at commit — this is what keeps a re-import free of duplicates.</item>
/// </list>
/// The path is chosen on the first batch: if none of its ids is stored, the dataset is taken as fresh. Two imports
/// of the same dataset are serialised by a transaction-scoped advisory lock on the dataset name, so the second sees
/// the first's rows (and takes the staging path); imports of different datasets (disjoint ids) run side by side.
/// <para>Foreign keys on the direct path: a statement or relation batch whose every endpoint is a node this writer
/// COPYed itself, earlier in this transaction, is sent with <c>session_replication_role = replica</c> (no per-row
/// foreign-key trigger; they were 83 of 153 s of the server's work on 5·10^6 relations). Those checks cannot fail and
/// their row locks guard nothing: the nodes exist, and no other session can see, let alone delete, rows this transaction
/// has not committed. Any other batch keeps its checks. It needs the right to set that parameter (a superuser, or
/// <c>GRANT SET ON PARAMETER session_replication_role</c>, PostgreSQL 15+); without it every batch is checked. ADR-008.</para>
/// Rows are written into the COPY stream with the synchronous Write calls: they only fill Npgsql's buffer (an await
/// per field, 19 per relation, cost more CPU than the encoding); the buffer is sent when full.
/// </summary>
internal sealed class PostgreSqlBulkGraphWriter : IBulkGraphWriter
{
    private const int StagingBatchRows = 50_000;
    // Larger in the direct path: one savepoint (subtransaction) per batch, and more than 64 of them in one transaction
    // make every other session's snapshot checks consult pg_subtrans for as long as the import runs.
    private const int DirectBatchRows = 200_000;
    private const string Savepoint = "bulk_direct";
    // No time limit on a COPY (Npgsql: zero = infinite). The default, the connection's 30 s command timeout, applies to
    // Complete(), which waits until the server has inserted the whole batch: 200k relations with their index and
    // foreign-key work took longer than that on a loaded machine, and the timeout broke the connection mid-import.
    private static readonly TimeSpan CopyTimeout = TimeSpan.Zero;
    private enum Path { Undecided, Direct, Staging }

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ImportProvenance _p;
    private List<BulkNode> _nodes = new(StagingBatchRows);
    private List<BulkStatement> _statements = new(StagingBatchRows);
    private List<BulkRelation> _relations = new(StagingBatchRows);
    // The batch being sent: the importer reads and hashes the next batch meanwhile (on 2 cores the server's inserts
    // and the client's parsing then overlap instead of taking turns). One operation at a time on the connection:
    // every flush waits for the previous one, so batches reach the server in the order they were filled.
    private Task _inFlight = Task.CompletedTask;
    private volatile Path _path;
    // Rows written straight into each table (the direct path), by table name.
    private readonly Dictionary<string, long> _direct = new() { ["nodes"] = 0, ["statements"] = 0, ["relations"] = 0 };
    private bool _staged, _committed;
    // Null when the role may not switch off the foreign-key triggers; else the ids of the nodes COPYed directly so far.
    private readonly HashSet<Guid>? _directNodeIds;
    private long _uncheckedRows;

    private PostgreSqlBulkGraphWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, ImportProvenance p, bool mayDisableTriggers)
    {
        _connection = connection;
        _transaction = transaction;
        _p = p;
        _directNodeIds = mayDisableTriggers ? [] : null;
    }

    /// <summary>Which path the writer took (tests): "direct", "staging", or "undecided" before the first batch.</summary>
    internal string PathTaken => _path.ToString().ToLowerInvariant();

    /// <summary>Statements and relations COPYed without their foreign-key triggers (tests).</summary>
    internal long RowsWithoutForeignKeyTriggers => _uncheckedRows;

    public static async Task<IBulkGraphWriter> BeginAsync(string connectionString, ImportProvenance provenance, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        try
        {
            var tx = await connection.BeginTransactionAsync(ct);
            await using var cmd = new NpgsqlCommand(
                $"CREATE TEMP TABLE bulk_nodes ON COMMIT DROP AS SELECT {BulkColumns.Nodes} FROM nodes WITH NO DATA; " +
                $"CREATE TEMP TABLE bulk_statements ON COMMIT DROP AS SELECT {BulkColumns.Statements} FROM statements WITH NO DATA; " +
                $"CREATE TEMP TABLE bulk_relations ON COMMIT DROP AS SELECT {BulkColumns.Relations} FROM relations WITH NO DATA;", connection, tx);
            await cmd.ExecuteNonQueryAsync(ct);
            if (provenance.Dataset is { } dataset)
            {
                // Held until commit or rollback (also when the connection dies): a second import of this dataset waits here.
                await using var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@k, 0))", connection, tx)
                    { CommandTimeout = 0 };
                lockCmd.Parameters.AddWithValue("k", ImportKeys.Prefix + dataset);
                await lockCmd.ExecuteNonQueryAsync(ct);
            }
            return new PostgreSqlBulkGraphWriter(connection, tx, provenance, await MayDisableTriggersAsync(connection, tx, ct));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether this role may set session_replication_role (tried in a savepoint: a refusal aborts only that).</summary>
    private static async Task<bool> MayDisableTriggersAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await tx.SaveAsync("probe_replication_role", ct);
        try
        {
            await using var cmd = new NpgsqlCommand("SET LOCAL session_replication_role = replica; SET LOCAL session_replication_role = origin", connection, tx);
            await cmd.ExecuteNonQueryAsync(ct);
            await tx.ReleaseAsync("probe_replication_role", ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            await tx.RollbackAsync("probe_replication_role", ct);
            return false;
        }
    }

    private int BatchRows => _path == Path.Staging ? StagingBatchRows : DirectBatchRows;

    public async ValueTask AddNodeAsync(BulkNode node, CancellationToken ct)
    {
        _nodes.Add(node);
        if (_nodes.Count >= BatchRows) await FlushNodesAsync(ct);
    }

    public async ValueTask AddStatementAsync(BulkStatement statement, CancellationToken ct)
    {
        _statements.Add(statement);
        if (_statements.Count >= BatchRows) await FlushStatementsAsync(ct);
    }

    public async ValueTask AddRelationAsync(BulkRelation relation, CancellationToken ct)
    {
        _relations.Add(relation);
        if (_relations.Count >= BatchRows) await FlushRelationsAsync(ct);
    }

    public async Task<BulkWriteResult> CommitAsync(CancellationToken ct)
    {
        await FlushNodesAsync(ct);
        await FlushStatementsAsync(ct);
        await FlushRelationsAsync(ct);
        await _inFlight;
        long nodes = _direct["nodes"], statements = _direct["statements"], relations = _direct["relations"];
        if (_staged)
        {
            // In id order: the primary-key index then takes the rows page by page instead of at random (the ids are
            // hashes), which is most of the cost of this step for large imports; the sort itself is cheap next to it.
            await ExecAsync("SET LOCAL work_mem = '64MB'", ct);
            nodes += await ExecAsync($"INSERT INTO nodes ({BulkColumns.Nodes}) SELECT {BulkColumns.Nodes} FROM bulk_nodes ORDER BY \"Id\" ON CONFLICT (\"Id\") DO NOTHING", ct);
            statements += await ExecAsync($"INSERT INTO statements ({BulkColumns.Statements}) SELECT {BulkColumns.Statements} FROM bulk_statements ORDER BY \"Id\" ON CONFLICT (\"Id\") DO NOTHING", ct);
            relations += await ExecAsync($"INSERT INTO relations ({BulkColumns.Relations}) SELECT {BulkColumns.Relations} FROM bulk_relations ORDER BY \"Id\" ON CONFLICT (\"Id\") DO NOTHING", ct);
        }
        await _transaction.CommitAsync(ct);
        _committed = true;
        return new BulkWriteResult(nodes, statements, relations);
    }

    public async ValueTask DisposeAsync()
    {
        // A batch still being sent when the import is abandoned: its error (if any) changes nothing, all is rolled back.
        try { await _inFlight; } catch (Exception) { }
        if (!_committed) { try { await _transaction.RollbackAsync(); } catch (Exception e) when (e is InvalidOperationException or NpgsqlException) { } }
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task<int> ExecAsync(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Fresh dataset if none of the ids of the first batch (its nodes, unless the import has none) is stored. A miss
    /// here is not a correctness problem: the direct COPY of a batch with a stored id fails on the unique index and
    /// falls back.
    /// </summary>
    private async Task DecidePathAsync(string table, Guid[] ids, CancellationToken ct)
    {
        if (_path != Path.Undecided) return;
        await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table} WHERE \"Id\" = ANY(@ids))", _connection, _transaction)
            { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        var stored = (bool)(await cmd.ExecuteScalarAsync(ct))!;
        _path = stored ? Path.Staging : Path.Direct;
    }

    /// <summary>COPY one batch into its table inside a savepoint; false (rolled back, path now staging) on a stored id.</summary>
    private async Task<bool> TryDirectAsync(Func<string, Task> copy, string table, bool withoutTriggers, CancellationToken ct)
    {
        if (_path != Path.Direct) return false;
        await _transaction.SaveAsync(Savepoint, ct);
        try
        {
            // Inside the savepoint: rolling it back also restores the setting.
            if (withoutTriggers) await ExecAsync("SET LOCAL session_replication_role = replica", ct);
            await copy(table);
            if (withoutTriggers) await ExecAsync("SET LOCAL session_replication_role = origin", ct);
            await _transaction.ReleaseAsync(Savepoint, ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await _transaction.RollbackAsync(Savepoint, ct);
            _path = Path.Staging;
            return false;
        }
    }

    private async Task FlushNodesAsync(CancellationToken ct)
    {
        if (_nodes.Count == 0) return;
        var batch = _nodes;
        _nodes = new List<BulkNode>(BatchRows);
        await SendAsync(batch, "nodes", BulkColumns.Nodes, n => n.Id.Value, WriteNode, null, ct);
    }

    private async Task FlushStatementsAsync(CancellationToken ct)
    {
        if (_statements.Count == 0) return;
        await FlushNodesAsync(ct); // the direct path checks foreign keys per row: parents first
        var batch = _statements;
        _statements = new List<BulkStatement>(BatchRows);
        await SendAsync(batch, "statements", BulkColumns.Statements, x => x.Id.Value, WriteStatement, x => IsDirectNode(x.NodeId.Value), ct);
    }

    private async Task FlushRelationsAsync(CancellationToken ct)
    {
        if (_relations.Count == 0) return;
        await FlushNodesAsync(ct);
        var batch = _relations;
        _relations = new List<BulkRelation>(BatchRows);
        await SendAsync(batch, "relations", BulkColumns.Relations, r => r.Id.Value, WriteRelation, r => IsDirectNode(r.Source.Value) && IsDirectNode(r.Target.Value), ct);
    }

    /// <summary>
    /// Sends one batch of <paramref name="table"/> after the previous one: straight into the table on the direct path
    /// (sorted by id, in a savepoint), else — or when the direct COPY met a stored id — into its staging table.
    /// </summary>
    /// <param name="endpointsWrittenHere">For rows with foreign keys: whether a row's every endpoint is a node this
    /// writer COPYed directly (then the batch may skip the foreign-key triggers); null for nodes.</param>
    private async Task SendAsync<T>(List<T> batch, string table, string columns, Func<T, Guid> id, Action<NpgsqlBinaryImporter, T> writeRow,
        Predicate<T>? endpointsWrittenHere, CancellationToken ct)
    {
        await _inFlight;
        _inFlight = Task.Run(async () =>
        {
            await DecidePathAsync(table, batch.Select(id).ToArray(), ct);
            if (_path == Path.Direct) batch.Sort((a, b) => id(a).CompareTo(id(b)));
            // Evaluated here, after the batches before it have been sent: their nodes are in _directNodeIds by now.
            bool withoutTriggers = _path == Path.Direct && _directNodeIds is not null && endpointsWrittenHere is not null
                && batch.TrueForAll(endpointsWrittenHere);
            if (await TryDirectAsync(t => CopyAsync(t, columns, batch, writeRow, ct), table, withoutTriggers, ct))
            {
                _direct[table] += batch.Count;
                if (withoutTriggers) _uncheckedRows += batch.Count;
                if (table == "nodes" && _directNodeIds is not null) foreach (var row in batch) _directNodeIds.Add(id(row));
            }
            else { await CopyAsync("bulk_" + table, columns, batch, writeRow, ct); _staged = true; }
        }, ct);
    }

    private bool IsDirectNode(Guid id) => _directNodeIds!.Contains(id);

    /// <summary>One binary COPY of a batch into <paramref name="table"/> (its own table or its staging table).</summary>
    private async Task CopyAsync<T>(string table, string columns, List<T> batch, Action<NpgsqlBinaryImporter, T> writeRow, CancellationToken ct)
    {
        await using var w = await _connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        w.Timeout = CopyTimeout;
        foreach (var row in batch)
        {
            w.StartRow();
            writeRow(w, row);
        }
        await w.CompleteAsync(ct);
    }

    // Column order as BulkColumns.Nodes / Statements / Relations.
    private void WriteNode(NpgsqlBinaryImporter w, BulkNode n)
    {
        w.Write(n.Id.Value, NpgsqlDbType.Uuid);
        w.Write(n.Kind.ToString(), NpgsqlDbType.Varchar);
        w.Write(n.Caption, NpgsqlDbType.Varchar);
        w.WriteNull();
        w.WriteNull();
        w.Write(0, NpgsqlDbType.Integer);
        WriteProvenance(w, n.Reference);
    }

    private void WriteStatement(NpgsqlBinaryImporter w, BulkStatement s)
    {
        w.Write(s.Id.Value, NpgsqlDbType.Uuid);
        w.Write(s.NodeId.Value, NpgsqlDbType.Uuid);
        w.Write(s.Property, NpgsqlDbType.Varchar);
        w.Write(s.Value, NpgsqlDbType.Varchar);
        WriteProvenance(w, s.Reference);
    }

    private void WriteRelation(NpgsqlBinaryImporter w, BulkRelation r)
    {
        w.Write(r.Id.Value, NpgsqlDbType.Uuid);
        w.Write(r.Type.ToString(), NpgsqlDbType.Varchar);
        w.Write(r.Source.Value, NpgsqlDbType.Uuid);
        w.Write(r.Target.Value, NpgsqlDbType.Uuid);
        if (r.ValidFrom is { } f) w.Write(f, NpgsqlDbType.Date); else w.WriteNull();
        if (r.ValidTo is { } t) w.Write(t, NpgsqlDbType.Date); else w.WriteNull();
        w.Write(r.Weight, NpgsqlDbType.Double);
        if (r.Detail is { } d) w.Write(d, NpgsqlDbType.Varchar); else w.WriteNull();
        w.Write(0, NpgsqlDbType.Integer);
        WriteProvenance(w, r.Reference);
    }

    // Column order as BulkColumns.Provenance.
    private void WriteProvenance(NpgsqlBinaryImporter w, string reference)
    {
        w.Write(_p.Partner.Value, NpgsqlDbType.Uuid);
        w.WriteNull();
        w.Write(reference, NpgsqlDbType.Varchar);
        w.WriteNull();
        w.Write(_p.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        w.Write(_p.Grading.Source.ToString(), NpgsqlDbType.Varchar);
        w.Write(_p.Grading.Validity.ToString(), NpgsqlDbType.Varchar);
        w.Write(_p.LegalBasis.ToString(), NpgsqlDbType.Varchar);
        w.Write(_p.HandlingCode.ToString(), NpgsqlDbType.Varchar);
        w.Write(_p.RetainUntil, NpgsqlDbType.Date);
    }
}
