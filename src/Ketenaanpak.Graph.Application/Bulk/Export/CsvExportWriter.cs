using System.Buffers;
using System.Globalization;
using System.Text;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>
/// RFC 4180 CSV, shared by our own CSV export (nodes.csv, edges.csv: what `import --format csv` reads back with its
/// default mapping, property columns "p:name", provenance columns prov_*) and the neo4j-admin import files
/// (nodes.csv with id:ID and :LABEL, relationships.csv with :START_ID, :END_ID, :TYPE).
/// </summary>
/// <remarks>
/// Fields are written straight into the writers' buffers: ids, numbers and dates formatted into a stack buffer, a
/// field quoted only when it has to be. At 5·10^6 relations a string (or array) per field was a large part of the CPU.
/// </remarks>
public sealed class CsvExportWriter : IExportWriter
{
    private readonly StreamWriter _nodes, _edges;
    private readonly bool _neo4j;

    /// <param name="directory">Created if missing; nodes.csv and edges.csv (or relationships.csv for Neo4j) go in it.</param>
    public CsvExportWriter(string directory, bool neo4j)
    {
        Directory.CreateDirectory(directory);
        _neo4j = neo4j;
        _nodes = Open(Path.Combine(directory, "nodes.csv"));
        _edges = Open(Path.Combine(directory, neo4j ? "relationships.csv" : "edges.csv"));
    }

    /// <inheritdoc/>
    public bool UsesDirection => false;

    public Task BeginAsync(ExportHeader header, CancellationToken ct)
    {
        var nodeHead = _neo4j
            ? new[] { "id:ID", ":LABEL", "caption", "exactKey", "storeId" }
            : new[] { "id", "kind", "caption", "exactKey", "storeId" };
        var props = ExportValues.PropertyNames.Select(p => _neo4j ? p : "p:" + p);
        Line(_nodes, nodeHead.Concat(props).Concat(ExportValues.ProvenanceNames));
        var edgeHead = _neo4j
            ? new[] { ":START_ID", ":END_ID", ":TYPE", "id", "weight:double", "detail", "validFrom", "validTo", "storeId" }
            : new[] { "id", "source", "target", "type", "weight", "detail", "validFrom", "validTo", "storeId" };
        Line(_edges, edgeHead.Concat(ExportValues.ProvenanceNames));
        return Task.CompletedTask;
    }

    public Task NodeAsync(ExportNode n, CancellationToken ct)
    {
        var w = _nodes;
        Span<char> buffer = stackalloc char[36];
        Field(w, n.Id); w.Write(',');
        Field(w, _neo4j ? NodeKindInfo.Of(n.Kind).Neo4jLabel : n.Kind.ToString()); w.Write(',');
        Field(w, n.Caption); w.Write(',');
        Field(w, n.ExactKey); w.Write(',');
        n.StoreId.TryFormat(buffer, out int length); w.Write(buffer[..length]);
        foreach (var p in ExportValues.PropertyNames)
        {
            w.Write(',');
            Field(w, ExportValues.Joined(n.Properties, p));
        }
        Provenance(w, n.Provenance);
        w.Write('\n');
        return Task.CompletedTask; // synchronous into the buffer: an await per line costs more than the write
    }

    public Task RelationAsync(ExportRelation r, CancellationToken ct)
    {
        var w = _edges;
        Span<char> buffer = stackalloc char[64];
        if (_neo4j)
        {
            Field(w, r.Source); w.Write(',');
            Field(w, r.Target); w.Write(',');
            w.Write(RelationTypeInfo.Of(r.Type).Neo4jType); w.Write(',');
            Field(w, r.Id);
        }
        else
        {
            Field(w, r.Id); w.Write(',');
            Field(w, r.Source); w.Write(',');
            Field(w, r.Target); w.Write(',');
            w.Write(r.Type.ToString());
        }
        w.Write(',');
        r.Weight.TryFormat(buffer, out int length, "R", CultureInfo.InvariantCulture); w.Write(buffer[..length]); w.Write(',');
        Field(w, r.Detail); w.Write(',');
        Date(w, r.ValidFrom, buffer); w.Write(',');
        Date(w, r.ValidTo, buffer); w.Write(',');
        r.StoreId.TryFormat(buffer, out length); w.Write(buffer[..length]);
        Provenance(w, r.Provenance);
        w.Write('\n');
        return Task.CompletedTask;
    }

    public async Task EndAsync(CancellationToken ct)
    {
        await _nodes.FlushAsync(ct);
        await _edges.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _nodes.DisposeAsync();
        await _edges.DisposeAsync();
    }

    /// <summary>The ten prov_* columns, each preceded by its comma; the same spellings as <see cref="ExportValues.Provenance"/>.</summary>
    private static void Provenance(StreamWriter w, Domain.Provenance.Provenance p)
    {
        Span<char> buffer = stackalloc char[36];
        w.Write(','); w.Write(ExportValues.Partner(p.SourcePartner.Value));
        w.Write(',');
        if (p.SourceSignal is { } signal) { signal.Value.TryFormat(buffer, out int n); w.Write(buffer[..n]); }
        w.Write(','); Field(w, p.SourceReference);
        w.Write(','); Field(w, ExportValues.Instant(p.ObservedAt));
        w.Write(','); Field(w, ExportValues.Recorded(p.RecordedAt));
        w.Write(','); w.Write(p.Grading.Source.ToString());
        w.Write(','); ((int)p.Grading.Validity).TryFormat(buffer, out int v, default, CultureInfo.InvariantCulture); w.Write(buffer[..v]);
        w.Write(','); w.Write(p.LegalBasis.ToString());
        w.Write(','); w.Write(p.HandlingCode.ToString());
        w.Write(','); Field(w, ExportValues.Retain(p.RetainUntil));
    }

    private static void Date(StreamWriter w, DateOnly? d, Span<char> buffer)
    {
        if (d is not { } date) return;
        date.TryFormat(buffer, out int n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        w.Write(buffer[..n]);
    }

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\n\r");

    /// <summary>One field: neutralised against formula injection (<see cref="Abstractions.SpreadsheetCells"/>, which our
    /// CSV import reverses), quoted when it has to be.</summary>
    private static void Field(StreamWriter w, string? f)
    {
        if (f is null) return;
        if (Abstractions.SpreadsheetCells.StartsAsFormula(f)) f = "'" + f;
        if (f.AsSpan().IndexOfAny(NeedsQuotes) >= 0 || (f.Length > 0 && (f[0] == ' ' || f[^1] == ' ')))
        {
            w.Write('"'); w.Write(f.Replace("\"", "\"\"")); w.Write('"');
        }
        else w.Write(f);
    }

    private static void Line(StreamWriter w, IEnumerable<string?> fields)
    {
        bool first = true;
        foreach (var f in fields)
        {
            if (!first) w.Write(',');
            first = false;
            Field(w, f);
        }
        w.Write('\n');
    }

    // A 64k-character buffer in front of a 1 MiB file buffer: fewer encoder calls than StreamWriter's default 1k.
    private static StreamWriter Open(string path) =>
        new(new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 20 }),
            new UTF8Encoding(false), 1 << 16);
}
