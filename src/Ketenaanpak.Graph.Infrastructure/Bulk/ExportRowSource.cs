using System.Data.Common;
using System.Runtime.CompilerServices;
using Ketenaanpak.Graph.Application.Bulk.Export;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>
/// The export's rows through a raw <see cref="DbDataReader"/> on the context's own connection. The SQL is still EF's
/// (<c>CreateDbCommand</c> of the same LINQ the exporter used, projected), so filters, order and both providers stay
/// exactly as they were; only the materialisation is done here, by column name, without entities or change tracking.
/// Statements are read through a second context (PostgreSQL allows one open reader per connection, and the exporter
/// merges statements with nodes).
/// </summary>
internal sealed class ExportRowSource(GraphDbContext db, IServiceScopeFactory scopes) : IExportRowSource
{
    public async IAsyncEnumerable<ExportNodeRow> NodesAsync(string? referencePrefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = db.Nodes.AsNoTracking().Where(n => n.MergedInto == null);
        if (referencePrefix is not null) query = query.Where(n => n.Provenance.SourceReference!.StartsWith(referencePrefix));
        var projected = query.OrderBy(n => n.Id).Select(n => new { n.Id, n.Kind, n.Caption, n.ExactKey, n.Provenance });
        await using var rows = await RowReader.OpenAsync(db, projected.CreateDbCommand(), ct);
        var r = rows.Reader;
        int id = r.GetOrdinal("Id"), kind = r.GetOrdinal("Kind"), caption = r.GetOrdinal("Caption"), key = r.GetOrdinal("ExactKey");
        var provenance = new ProvenanceColumns(r, db.IsSqlite);
        var kinds = new EnumText<NodeKind>();
        while (await r.ReadAsync(ct))
            yield return new ExportNodeRow(r.GetGuid(id), kinds.Parse(r.GetString(kind)), r.GetString(caption),
                r.IsDBNull(key) ? null : r.GetString(key), provenance.Read(r));
    }

    public async IAsyncEnumerable<ExportStatementRow> StatementsAsync(string? referencePrefix, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var query = own.Statements.AsNoTracking();
        if (referencePrefix is not null) query = query.Where(s => s.Provenance.SourceReference!.StartsWith(referencePrefix));
        var projected = query.OrderBy(s => s.NodeId).Select(s => new { s.NodeId, s.Property, s.Value, s.Provenance });
        await using var rows = await RowReader.OpenAsync(own, projected.CreateDbCommand(), ct);
        var r = rows.Reader;
        int node = r.GetOrdinal("NodeId"), property = r.GetOrdinal("Property"), value = r.GetOrdinal("Value");
        var provenance = new ProvenanceColumns(r, own.IsSqlite);
        while (await r.ReadAsync(ct))
            yield return new ExportStatementRow(r.GetGuid(node), r.GetString(property), r.GetString(value), provenance.Read(r));
    }

    public async IAsyncEnumerable<ExportRelationRow> RelationsAsync(string? referencePrefix, [EnumeratorCancellation] CancellationToken ct)
    {
        IQueryable<Relation> query = db.Relations.AsNoTracking();
        if (referencePrefix is not null) query = query.Where(r => r.Provenance.SourceReference!.StartsWith(referencePrefix));
        var projected = query.Select(x => new { x.Id, x.Type, x.SourceId, x.TargetId, x.Weight, x.Detail, x.ValidFrom, x.ValidTo, x.Provenance });
        await using var rows = await RowReader.OpenAsync(db, projected.CreateDbCommand(), ct);
        var r = rows.Reader;
        int id = r.GetOrdinal("Id"), type = r.GetOrdinal("Type"), source = r.GetOrdinal("SourceId"), target = r.GetOrdinal("TargetId"),
            weight = r.GetOrdinal("Weight"), detail = r.GetOrdinal("Detail"), from = r.GetOrdinal("ValidFrom"), to = r.GetOrdinal("ValidTo");
        var provenance = new ProvenanceColumns(r, db.IsSqlite);
        var types = new EnumText<RelationType>();
        while (await r.ReadAsync(ct))
            yield return new ExportRelationRow(r.GetGuid(id), types.Parse(r.GetString(type)), r.GetGuid(source), r.GetGuid(target), r.GetDouble(weight),
                r.IsDBNull(detail) ? null : r.GetString(detail), ProvenanceColumns.Date(r, from), ProvenanceColumns.Date(r, to), provenance.Read(r));
    }

    /// <summary>An open reader on the context's connection; closes both (and the connection, if it opened it).</summary>
    private sealed class RowReader(GraphDbContext db, DbCommand command, DbDataReader reader) : IAsyncDisposable
    {
        public DbDataReader Reader => reader;

        public static async Task<RowReader> OpenAsync(GraphDbContext db, DbCommand command, CancellationToken ct)
        {
            await db.Database.OpenConnectionAsync(ct); // through EF, so the connection's interceptors (pragmas) run
            try
            {
                return new RowReader(db, command, await command.ExecuteReaderAsync(ct));
            }
            catch
            {
                await command.DisposeAsync();
                await db.Database.CloseConnectionAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The prov_* columns of a row, read as EF's mapping stores them (ProvenanceMapping, UnixMillisecondsConverter on SQLite).</summary>
    private sealed class ProvenanceColumns(DbDataReader r, bool sqlite)
    {
        private readonly int _partner = r.GetOrdinal("prov_partner"), _signal = r.GetOrdinal("prov_signal"), _reference = r.GetOrdinal("prov_reference"),
            _observed = r.GetOrdinal("prov_observed_at"), _recorded = r.GetOrdinal("prov_recorded_at"), _reliability = r.GetOrdinal("prov_source_reliability"),
            _validity = r.GetOrdinal("prov_information_validity"), _basis = r.GetOrdinal("prov_legal_basis"), _handling = r.GetOrdinal("prov_handling_code"),
            _retain = r.GetOrdinal("prov_retain_until");
        private readonly EnumText<SourceReliability> _reliabilities = new();
        private readonly EnumText<InformationValidity> _validities = new();
        private readonly EnumText<LegalBasis> _bases = new();
        private readonly EnumText<HandlingCode> _handlings = new();

        public Provenance Read(DbDataReader r) => new(
            new PartnerId(r.GetGuid(_partner)),
            r.IsDBNull(_signal) ? null : new SignalId(r.GetGuid(_signal)),
            r.IsDBNull(_reference) ? null : r.GetString(_reference),
            r.IsDBNull(_observed) ? null : Instant(r, _observed),
            Instant(r, _recorded),
            new Grading(_reliabilities.Parse(r.GetString(_reliability)), _validities.Parse(r.GetString(_validity))),
            _bases.Parse(r.GetString(_basis)),
            _handlings.Parse(r.GetString(_handling)),
            r.GetFieldValue<DateOnly>(_retain));

        private DateTimeOffset Instant(DbDataReader r, int i) =>
            sqlite ? DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i)) : r.GetFieldValue<DateTimeOffset>(i);

        public static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
    }

    /// <summary>Enum names as EF stores them (HaveConversion&lt;string&gt;), parsed once per distinct name.</summary>
    private sealed class EnumText<T> where T : struct, Enum
    {
        private readonly Dictionary<string, T> _seen = new(StringComparer.Ordinal);

        public T Parse(string text)
        {
            if (_seen.TryGetValue(text, out var value)) return value;
            value = Enum.Parse<T>(text);
            if (_seen.Count < 256) _seen[text] = value;
            return value;
        }
    }
}
