using Ketenaanpak.Graph.Application.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>
/// PostgreSQL bulk writer: rows are buffered per table and sent with binary COPY into temporary staging tables
/// (dropped at commit), then moved with one INSERT … SELECT … ON CONFLICT ("Id") DO NOTHING per table — all in one
/// transaction, so a failed import leaves nothing. COPY cannot skip existing rows itself; the staging step is what
/// makes a re-import idempotent.
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
        long nodes = await ExecAsync($"INSERT INTO nodes ({BulkColumns.Nodes}) SELECT {BulkColumns.Nodes} FROM bulk_nodes ON CONFLICT (\"Id\") DO NOTHING", ct);
        long statements = await ExecAsync($"INSERT INTO statements ({BulkColumns.Statements}) SELECT {BulkColumns.Statements} FROM bulk_statements ON CONFLICT (\"Id\") DO NOTHING", ct);
        long relations = await ExecAsync($"INSERT INTO relations ({BulkColumns.Relations}) SELECT {BulkColumns.Relations} FROM bulk_relations ON CONFLICT (\"Id\") DO NOTHING", ct);
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
                await w.StartRowAsync(ct);
                await w.WriteAsync(n.Id.Value, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(n.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(n.Caption, NpgsqlDbType.Varchar, ct);
                await w.WriteNullAsync(ct);
                await w.WriteNullAsync(ct);
                await w.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await WriteProvenanceAsync(w, n.Reference, ct);
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
                await w.StartRowAsync(ct);
                await w.WriteAsync(s.Id.Value, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(s.NodeId.Value, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(s.Property, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Value, NpgsqlDbType.Varchar, ct);
                await WriteProvenanceAsync(w, s.Reference, ct);
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
                await w.StartRowAsync(ct);
                await w.WriteAsync(r.Id.Value, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(r.Type.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(r.Source.Value, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(r.Target.Value, NpgsqlDbType.Uuid, ct);
                if (r.ValidFrom is { } f) await w.WriteAsync(f, NpgsqlDbType.Date, ct); else await w.WriteNullAsync(ct);
                if (r.ValidTo is { } t) await w.WriteAsync(t, NpgsqlDbType.Date, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(r.Weight, NpgsqlDbType.Double, ct);
                if (r.Detail is { } d) await w.WriteAsync(d, NpgsqlDbType.Varchar, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await WriteProvenanceAsync(w, r.Reference, ct);
            }
            await w.CompleteAsync(ct);
        }
        _relations.Clear();
    }

    // Column order as BulkColumns.Provenance.
    private async Task WriteProvenanceAsync(NpgsqlBinaryImporter w, string reference, CancellationToken ct)
    {
        await w.WriteAsync(_p.Partner.Value, NpgsqlDbType.Uuid, ct);
        await w.WriteNullAsync(ct);
        await w.WriteAsync(reference, NpgsqlDbType.Varchar, ct);
        await w.WriteNullAsync(ct);
        await w.WriteAsync(_p.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(_p.Grading.Source.ToString(), NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(_p.Grading.Validity.ToString(), NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(_p.LegalBasis.ToString(), NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(_p.HandlingCode.ToString(), NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(_p.RetainUntil, NpgsqlDbType.Date, ct);
    }
}
