using System.Text;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>
/// RFC 4180 CSV, shared by our own CSV export (nodes.csv, edges.csv: what `import --format csv` reads back with its
/// default mapping, property columns "p:name", provenance columns prov_*) and the neo4j-admin import files
/// (nodes.csv with id:ID and :LABEL, relationships.csv with :START_ID, :END_ID, :TYPE).
/// </summary>
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

    public async Task BeginAsync(ExportHeader header, CancellationToken ct)
    {
        var nodeHead = _neo4j
            ? new[] { "id:ID", ":LABEL", "caption", "exactKey", "storeId" }
            : new[] { "id", "kind", "caption", "exactKey", "storeId" };
        var props = ExportValues.PropertyNames.Select(p => _neo4j ? p : "p:" + p);
        await Line(_nodes, nodeHead.Concat(props).Concat(ExportValues.ProvenanceNames));
        var edgeHead = _neo4j
            ? new[] { ":START_ID", ":END_ID", ":TYPE", "id", "weight:double", "detail", "validFrom", "validTo", "storeId" }
            : new[] { "id", "source", "target", "type", "weight", "detail", "validFrom", "validTo", "storeId" };
        await Line(_edges, edgeHead.Concat(ExportValues.ProvenanceNames));
    }

    public Task NodeAsync(ExportNode n, CancellationToken ct) =>
        Line(_nodes, new[] { n.Id, _neo4j ? NodeKindInfo.Of(n.Kind).Neo4jLabel : n.Kind.ToString(), n.Caption, n.ExactKey, n.StoreId.ToString() }
            .Concat(ExportValues.PropertyNames.Select(p => ExportValues.Joined(n.Properties, p)))
            .Concat(ExportValues.Provenance(n.Provenance)));

    public Task RelationAsync(ExportRelation r, CancellationToken ct) =>
        Line(_edges, (_neo4j
                ? new[] { r.Source, r.Target, RelationTypeInfo.Of(r.Type).Neo4jType, r.Id }
                : new[] { r.Id, r.Source, r.Target, r.Type.ToString() })
            .Concat([ExportValues.Number(r.Weight), r.Detail, ExportValues.Date(r.ValidFrom), ExportValues.Date(r.ValidTo), r.StoreId.ToString()])
            .Concat(ExportValues.Provenance(r.Provenance)));

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

    private readonly StringBuilder _line = new();

    private Task Line(StreamWriter w, IEnumerable<string?> fields)
    {
        _line.Clear();
        bool first = true;
        foreach (var f in fields)
        {
            if (!first) _line.Append(',');
            first = false;
            if (f is null) continue;
            if (f.AsSpan().IndexOfAny(",\"\n\r") >= 0 || (f.Length > 0 && (f[0] == ' ' || f[^1] == ' ')))
                _line.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else _line.Append(f);
        }
        _line.Append('\n');
        w.Write(_line); // synchronous into the 1 MiB buffer: an await per line costs more than the write
        return Task.CompletedTask;
    }

    private static StreamWriter Open(string path) =>
        new(path, new UTF8Encoding(false), new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 20 });
}
