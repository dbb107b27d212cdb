using System.Globalization;
using Ketenaanpak.Graph.Application.Bulk;
using Microsoft.Data.Sqlite;

namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>
/// SQLite bulk writer: one IMMEDIATE transaction, three prepared INSERT … ON CONFLICT("Id") DO NOTHING commands
/// reused for every row (parsing SQL once; SQLite's per-statement cost is then a few microseconds), foreign keys
/// deferred to the commit so relations may precede their nodes. Values are written in the forms EF Core uses on
/// SQLite: GUIDs as upper-case text, enums as names, instants as Unix milliseconds, dates as yyyy-MM-dd.
/// </summary>
internal sealed class SqliteBulkGraphWriter : IBulkGraphWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _node, _statement, _relation;
    private readonly object?[] _provenance;
    private long _nodes, _statements, _relations;
    private bool _committed;

    private SqliteBulkGraphWriter(SqliteConnection connection, ImportProvenance p)
    {
        _connection = connection;
        Exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        _transaction = connection.BeginTransaction(deferred: false);
        Exec("PRAGMA defer_foreign_keys = ON;");
        _provenance = [Text(p.Partner.Value), null, null, null, p.RecordedAt.ToUnixTimeMilliseconds(), p.Grading.Source.ToString(),
            p.Grading.Validity.ToString(), p.LegalBasis.ToString(), p.HandlingCode.ToString(), Date(p.RetainUntil)];
        _node = Prepare("nodes", BulkColumns.Nodes);
        _statement = Prepare("statements", BulkColumns.Statements);
        _relation = Prepare("relations", BulkColumns.Relations);
    }

    public static async Task<IBulkGraphWriter> BeginAsync(string connectionString, ImportProvenance provenance, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        try { return new SqliteBulkGraphWriter(connection, provenance); }
        catch { await connection.DisposeAsync(); throw; }
    }

    public ValueTask AddNodeAsync(BulkNode n, CancellationToken ct)
    {
        var p = _node.Parameters;
        p[0].Value = Text(n.Id.Value); p[1].Value = n.Kind.ToString(); p[2].Value = n.Caption; p[3].Value = DBNull.Value;
        p[4].Value = DBNull.Value; p[5].Value = 0;
        SetProvenance(p, 6, n.Reference);
        _nodes += _node.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public ValueTask AddStatementAsync(BulkStatement s, CancellationToken ct)
    {
        var p = _statement.Parameters;
        p[0].Value = Text(s.Id.Value); p[1].Value = Text(s.NodeId.Value); p[2].Value = s.Property; p[3].Value = s.Value;
        SetProvenance(p, 4, s.Reference);
        _statements += _statement.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public ValueTask AddRelationAsync(BulkRelation r, CancellationToken ct)
    {
        var p = _relation.Parameters;
        p[0].Value = Text(r.Id.Value); p[1].Value = r.Type.ToString(); p[2].Value = Text(r.Source.Value); p[3].Value = Text(r.Target.Value);
        p[4].Value = r.ValidFrom is { } f ? Date(f) : DBNull.Value; p[5].Value = r.ValidTo is { } t ? Date(t) : DBNull.Value;
        p[6].Value = r.Weight; p[7].Value = (object?)r.Detail ?? DBNull.Value; p[8].Value = 0;
        SetProvenance(p, 9, r.Reference);
        _relations += _relation.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public async Task<BulkWriteResult> CommitAsync(CancellationToken ct)
    {
        await _transaction.CommitAsync(ct);
        _committed = true;
        return new BulkWriteResult(_nodes, _statements, _relations);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed) { try { await _transaction.RollbackAsync(); } catch (InvalidOperationException) { } }
        await _node.DisposeAsync(); await _statement.DisposeAsync(); await _relation.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private void SetProvenance(SqliteParameterCollection p, int offset, string reference)
    {
        for (int i = 0; i < _provenance.Length; i++) p[offset + i].Value = _provenance[i] ?? DBNull.Value;
        p[offset + 2].Value = reference;
    }

    private SqliteCommand Prepare(string table, string columns)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({BulkColumns.Parameters(columns)}) ON CONFLICT(\"Id\") DO NOTHING";
        for (int i = 0; i < columns.Split(',').Length; i++) cmd.Parameters.Add(new SqliteParameter { ParameterName = "@p" + i });
        cmd.Prepare();
        return cmd;
    }

    private void Exec(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Text(Guid g) => g.ToString().ToUpperInvariant();
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
