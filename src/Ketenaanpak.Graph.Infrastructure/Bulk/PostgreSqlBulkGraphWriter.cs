using Ketenaanpak.Graph.Application.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>
/// PostgreSQL bulk writer: rows are buffered per table and sent with binary COPY into temporary staging tables
/// (dropped at commit), then moved with one INSERT … SELECT … ON CONFLICT ("Id") DO NOTHING per table — all in one
/// transaction, so a failed import leaves nothing. COPY cannot skip existing rows itself; the staging step is what
/// makes a re-import idempotent. Rows are written into the COPY stream with the synchronous Write calls: they only
/// fill Npgsql's buffer (an await per field, 19 per relation, cost more CPU than the encoding); the buffer is sent
/// when full.
/// </summary>
internal sealed class PostgreSqlBulkGraphWriter : IBulkGraphWriter
{
    private const int BatchRows = 50_000;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ImportProvenance _p;
    private readonly List<BulkNode> _nodes = new(BatchRows);
    private readonly List<BulkStatement> _statements = new(BatchRows);
    private readonly List<BulkRelation> _relations = new(BatchRows);
    private bool _committed;

    private PostgreSqlBulkGraphWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, ImportProvenance p)
    {
        _connection = connection;
        _transaction = transaction;
        _p = p;
    }

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
            return new PostgreSqlBulkGraphWriter(connection, tx, provenance);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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
        // In id order: the primary-key index then takes the rows page by page instead of at random (the ids are
        // hashes), which is most of the cost of this step for large imports; the sort itself is cheap next to it.
        await ExecAsync("SET LOCAL work_mem = '64MB'", ct);
        long nodes = await ExecAsync($"INSERT INTO nodes ({BulkColumns.Nodes}) SELECT {BulkColumns.Nodes} FROM bulk_nodes ORDER BY \"Id\" ON CONFLICT (\"Id\") DO NOTHING", ct);
        long statements = await ExecAsync($"INSERT INTO statements ({BulkColumns.Statements}) SELECT {BulkColumns.Statements} FROM bulk_statements ORDER BY \"Id\" ON CONFLICT (\"Id\") DO NOTHING", ct);
        long relations = await ExecAsync($"INSERT INTO relations ({BulkColumns.Relations}) SELECT {BulkColumns.Relations} FROM bulk_relations ORDER BY \"Id\" ON CONFLICT (\"Id\") DO NOTHING", ct);
        await _transaction.CommitAsync(ct);
        _committed = true;
        return new BulkWriteResult(nodes, statements, relations);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed) { try { await _transaction.RollbackAsync(); } catch (Exception e) when (e is InvalidOperationException or NpgsqlException) { } }
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task<int> ExecAsync(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task FlushNodesAsync(CancellationToken ct)
    {
        if (_nodes.Count == 0) return;
        await using (var w = await _connection.BeginBinaryImportAsync($"COPY bulk_nodes ({BulkColumns.Nodes}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var n in _nodes)
            {
                w.StartRow();
                w.Write(n.Id.Value, NpgsqlDbType.Uuid);
                w.Write(n.Kind.ToString(), NpgsqlDbType.Varchar);
                w.Write(n.Caption, NpgsqlDbType.Varchar);
                w.WriteNull();
                w.WriteNull();
                w.Write(0, NpgsqlDbType.Integer);
                WriteProvenance(w, n.Reference);
            }
            await w.CompleteAsync(ct);
        }
        _nodes.Clear();
    }

    private async Task FlushStatementsAsync(CancellationToken ct)
    {
        if (_statements.Count == 0) return;
        await using (var w = await _connection.BeginBinaryImportAsync($"COPY bulk_statements ({BulkColumns.Statements}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in _statements)
            {
                w.StartRow();
                w.Write(s.Id.Value, NpgsqlDbType.Uuid);
                w.Write(s.NodeId.Value, NpgsqlDbType.Uuid);
                w.Write(s.Property, NpgsqlDbType.Varchar);
                w.Write(s.Value, NpgsqlDbType.Varchar);
                WriteProvenance(w, s.Reference);
            }
            await w.CompleteAsync(ct);
        }
        _statements.Clear();
    }

    private async Task FlushRelationsAsync(CancellationToken ct)
    {
        if (_relations.Count == 0) return;
        await using (var w = await _connection.BeginBinaryImportAsync($"COPY bulk_relations ({BulkColumns.Relations}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in _relations)
            {
                w.StartRow();
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
            await w.CompleteAsync(ct);
        }
        _relations.Clear();
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
