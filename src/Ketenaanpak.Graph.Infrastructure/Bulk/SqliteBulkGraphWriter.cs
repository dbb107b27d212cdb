using System.Globalization;
using Ketenaanpak.Graph.Application.Bulk;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>
/// SQLite bulk writer: one IMMEDIATE transaction (all or nothing, ADR-008), foreign keys deferred to the commit so
/// relations may precede their nodes. Rows are buffered per table, sorted by id (the primary-key index then takes
/// them in order instead of at random pages) and written with prepared multi-row
/// <c>INSERT … VALUES (…),(…) ON CONFLICT("Id") DO NOTHING</c> statements of <see cref="RowsPerStatement"/> rows,
/// bound by position through the raw SQLite API: Microsoft.Data.Sqlite looks every named parameter up by name on each
/// execution, which for hundreds of parameters costs more than the insert. The provenance of an import is the same
/// for every row except its reference, so it is bound once per statement, not once per row.
/// Values are written in the forms EF Core uses on SQLite: GUIDs as upper-case text, enums as names, instants as Unix
/// milliseconds, dates as yyyy-MM-dd.
/// </summary>
internal sealed class SqliteBulkGraphWriter : IBulkGraphWriter
{
    internal const int RowsPerStatement = 50;
    private const int SortedBatch = 16_384;

    /// <summary>From this many rows of one table in one import (and at least a quarter of what the table held), its
    /// non-unique secondary indexes are dropped and built again at the end: one sort-based build instead of a random
    /// B-tree insert per row. Safe in SQLite: DDL is transactional (a failed import rolls the drop back), the
    /// IMMEDIATE transaction already excludes other writers, and WAL readers keep seeing the last commit — indexes
    /// included — until the rebuilt ones are committed.</summary>
    internal const int RebuildIndexesFrom = 200_000;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly ImportProvenance _p;
    private readonly Table<BulkNode> _nodeTable;
    private readonly Table<BulkStatement> _statementTable;
    private readonly Table<BulkRelation> _relationTable;
    private bool _committed;

    // One VALUES tuple: "?v" marks a column bound per row (in this order), "@name" a provenance value that is the same
    // for every row of the import. Prepare numbers them: row r's columns ?1.., the constants after all rows.
    private const string NodeValues = "?v, ?v, ?v, NULL, NULL, 0, @partner, NULL, ?v, NULL, @recorded, @reliability, @validity, @basis, @handling, @retain";
    private const string StatementValues = "?v, ?v, ?v, ?v, @partner, NULL, ?v, NULL, @recorded, @reliability, @validity, @basis, @handling, @retain";
    private const string RelationValues = "?v, ?v, ?v, ?v, ?v, ?v, ?v, ?v, 0, @partner, NULL, ?v, NULL, @recorded, @reliability, @validity, @basis, @handling, @retain";
    private static readonly string[] Constants = ["@partner", "@recorded", "@reliability", "@validity", "@basis", "@handling", "@retain"];

    private SqliteBulkGraphWriter(SqliteConnection connection, ImportProvenance p)
    {
        _connection = connection;
        _p = p;
        // temp_store = MEMORY while inserting: every multi-row INSERT has a statement journal, which with FILE is a
        // temporary file (measured at 10^5: write 5.8 s → 14.6 s). Switched to FILE only for the index rebuild at the
        // end (RebuildIndexes): its sorter then spills sorted runs to a file beyond about cache_size instead of keeping
        // them all in RAM (10^6 nodes / 5·10^6 edges: peak 1.1 GB). Both pragmas are per connection and the connection
        // goes back to the pool: Dispose resets them.
        Exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        _transaction = connection.BeginTransaction(deferred: false);
        Exec("PRAGMA defer_foreign_keys = ON;");
        var db = connection.Handle!;
        _nodeTable = new Table<BulkNode>(db, this, "nodes", BulkColumns.Nodes, NodeValues, 4, n => Text(n.Id.Value), BindNode);
        // Nodes buffered so far are written before any batch of statements or relations: the importer adds a node
        // before anything that refers to it, and keeping that order in the table keeps SQLite's count of deferred
        // foreign-key violations at zero. Were a child written before its parent, every later parent insert would
        // look for its children — a scan of the table when its SourceId/TargetId indexes are dropped for the load.
        _statementTable = new Table<BulkStatement>(db, this, "statements", BulkColumns.Statements, StatementValues, 5, s => Text(s.Id.Value), BindStatement,
            before: () => _nodeTable.Flush());
        _relationTable = new Table<BulkRelation>(db, this, "relations", BulkColumns.Relations, RelationValues, 9, r => Text(r.Id.Value), BindRelation,
            before: () => _nodeTable.Flush());
    }

    public static async Task<IBulkGraphWriter> BeginAsync(string connectionString, ImportProvenance provenance, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        try { return new SqliteBulkGraphWriter(connection, provenance); }
        catch { await connection.DisposeAsync(); throw; }
    }

    public ValueTask AddNodeAsync(BulkNode n, CancellationToken ct) { _nodeTable.Add(n); return ValueTask.CompletedTask; }

    public ValueTask AddStatementAsync(BulkStatement s, CancellationToken ct) { _statementTable.Add(s); return ValueTask.CompletedTask; }

    public ValueTask AddRelationAsync(BulkRelation r, CancellationToken ct) { _relationTable.Add(r); return ValueTask.CompletedTask; }

    public async Task<BulkWriteResult> CommitAsync(CancellationToken ct)
    {
        _nodeTable.Flush(last: true);
        _statementTable.Flush(last: true);
        _relationTable.Flush(last: true);
        await _transaction.CommitAsync(ct);
        _committed = true;
        return new BulkWriteResult(_nodeTable.Inserted, _statementTable.Inserted, _relationTable.Inserted);
    }

    public async ValueTask DisposeAsync()
    {
        _nodeTable.Dispose(); _statementTable.Dispose(); _relationTable.Dispose();
        if (!_committed) { try { await _transaction.RollbackAsync(); } catch (InvalidOperationException) { } }
        await _transaction.DisposeAsync();
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            using var reset = _connection.CreateCommand();
            reset.CommandText = "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;"; // SQLite's defaults
            try { reset.ExecuteNonQuery(); } catch (SqliteException) { }
        }
        await _connection.DisposeAsync();
    }

    private static int BindNode(sqlite3_stmt s, int i, in BulkNode n, string id)
    {
        Bind(s, i++, id); Bind(s, i++, n.Kind.ToString()); Bind(s, i++, n.Caption); Bind(s, i++, n.Reference);
        return i;
    }

    private static int BindStatement(sqlite3_stmt s, int i, in BulkStatement x, string id)
    {
        Bind(s, i++, id); Bind(s, i++, Text(x.NodeId.Value)); Bind(s, i++, x.Property); Bind(s, i++, x.Value); Bind(s, i++, x.Reference);
        return i;
    }

    private static int BindRelation(sqlite3_stmt s, int i, in BulkRelation r, string id)
    {
        Bind(s, i++, id); Bind(s, i++, r.Type.ToString()); Bind(s, i++, Text(r.Source.Value)); Bind(s, i++, Text(r.Target.Value));
        Bind(s, i++, r.ValidFrom is { } f ? Date(f) : null); Bind(s, i++, r.ValidTo is { } t ? Date(t) : null);
        Check(raw.sqlite3_bind_double(s, i++, r.Weight), s); Bind(s, i++, r.Detail); Bind(s, i++, r.Reference);
        return i;
    }

    // Order as Constants; first is the number Prepare gave "@partner".
    private void BindProvenance(sqlite3_stmt s, int first)
    {
        Bind(s, first, Text(_p.Partner.Value));
        Check(raw.sqlite3_bind_int64(s, first + 1, _p.RecordedAt.ToUnixTimeMilliseconds()), s);
        Bind(s, first + 2, _p.Grading.Source.ToString());
        Bind(s, first + 3, _p.Grading.Validity.ToString());
        Bind(s, first + 4, _p.LegalBasis.ToString());
        Bind(s, first + 5, _p.HandlingCode.ToString());
        Bind(s, first + 6, Date(_p.RetainUntil));
    }

    private static void Bind(sqlite3_stmt s, int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(s, index) : raw.sqlite3_bind_text(s, index, value), s);

    private static void Check(int rc, sqlite3_stmt s)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(raw.sqlite3_db_handle(s)).utf8_to_string(), rc);
    }

    private long Scalar(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
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

    private delegate int Binder<T>(sqlite3_stmt statement, int firstIndex, in T row, string id);

    /// <summary>One table's buffer and its two prepared statements (full batch, single row for the remainder).</summary>
    private sealed class Table<T> : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly SqliteBulkGraphWriter _owner;
        private readonly string _table;
        private List<string>? _dropped; // CREATE INDEX statements of the indexes dropped for this load
        private readonly sqlite3_stmt _many, _one;
        private readonly Func<T, string> _key;
        private readonly Binder<T> _bind;
        private readonly List<(string Id, T Row)> _buffer = new(SortedBatch);
        public long Inserted { get; private set; }

        private readonly Action? _before;

        public Table(sqlite3 db, SqliteBulkGraphWriter owner, string table, string columns, string values, int varying, Func<T, string> key, Binder<T> bind,
            Action? before = null)
        {
            (_db, _owner, _table, _key, _bind, _before) = (db, owner, table, key, bind, before);
            _many = Prepare(db, table, columns, values, RowsPerStatement, varying);
            _one = Prepare(db, table, columns, values, 1, varying);
            owner.BindProvenance(_many, RowsPerStatement * varying + 1);
            owner.BindProvenance(_one, varying + 1);
        }

        public void Add(T row)
        {
            _buffer.Add((_key(row), row));
            if (_buffer.Count >= SortedBatch) Flush();
        }

        public void Flush(bool last = false)
        {
            Write();
            if (!last) { DropIndexesIfLarge(); return; }
            if (_dropped is null) return;
            _owner.Exec("PRAGMA temp_store = FILE;");
            foreach (var create in _dropped) _owner.Exec(create);
            _dropped = null;
        }

        private void DropIndexesIfLarge()
        {
            if (_dropped is not null || Inserted < RebuildIndexesFrom) return;
            var before = _owner.Scalar($"SELECT count(*) FROM {_table}") - Inserted;
            if (Inserted * 4 < before) return;
            var indexes = new List<(string Name, string Sql)>();
            using (var cmd = _owner._connection.CreateCommand())
            {
                cmd.Transaction = _owner._transaction;
                // Only plain secondary indexes: never the primary key (sqlite_autoindex_*, sql IS NULL) nor a UNIQUE
                // one, whose check must happen row by row.
                cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL " +
                    "AND sql NOT LIKE 'CREATE UNIQUE%'";
                cmd.Parameters.AddWithValue("$t", _table);
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
            foreach (var (name, _) in indexes) _owner.Exec($"DROP INDEX \"{name.Replace("\"", "\"\"")}\"");
            _dropped = indexes.Select(i => i.Sql).ToList();
        }

        private void Write()
        {
            if (_buffer.Count == 0) return;
            _before?.Invoke();
            _buffer.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
            int i = 0;
            for (; i + RowsPerStatement <= _buffer.Count; i += RowsPerStatement)
            {
                int index = 1;
                for (int r = 0; r < RowsPerStatement; r++)
                {
                    var (id, row) = _buffer[i + r];
                    index = _bind(_many, index, row, id);
                }
                Step(_many);
            }
            for (; i < _buffer.Count; i++)
            {
                var (id, row) = _buffer[i];
                _bind(_one, 1, row, id);
                Step(_one);
            }
            _buffer.Clear();
        }

        private void Step(sqlite3_stmt statement)
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                var message = raw.sqlite3_errmsg(_db).utf8_to_string();
                raw.sqlite3_reset(statement);
                throw new SqliteException(message, rc);
            }
            Inserted += raw.sqlite3_changes(_db);
            raw.sqlite3_reset(statement);
        }

        private static sqlite3_stmt Prepare(sqlite3 db, string table, string columns, string values, int rows, int varying)
        {
            // Explicit numbers (?NNN): row r's varying columns are r·varying+1…, the constants follow all rows, so
            // binders can count and the constants are bound once for the statement's lifetime.
            var template = values;
            for (int c = 0; c < Constants.Length; c++) template = template.Replace(Constants[c], "?" + (rows * varying + 1 + c));
            var parts = template.Split("?v");
            if (parts.Length - 1 != varying) throw new InvalidOperationException($"{table}: {parts.Length - 1} varying columns, expected {varying}.");
            var tuples = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            {
                var tuple = new System.Text.StringBuilder("(").Append(parts[0]);
                for (int j = 1; j < parts.Length; j++) tuple.Append('?').Append(r * varying + j).Append(parts[j]);
                return tuple.Append(')').ToString();
            }));
            var sql = $"INSERT INTO {table} ({columns}) VALUES {tuples} ON CONFLICT(\"Id\") DO NOTHING";
            var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
            if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
            return statement;
        }

        public void Dispose()
        {
            _many.Dispose();
            _one.Dispose();
        }
    }
}
