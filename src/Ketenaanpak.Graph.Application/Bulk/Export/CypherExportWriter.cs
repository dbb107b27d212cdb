using System.Globalization;
using System.Text;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>
/// A Cypher script for Neo4j 5 (cypher-shell -f FILE, or paste into Neo4j Browser): first the constraints and indexes
/// of cypher/schema.cypher, then batched, idempotent MERGE statements — UNWIND over a literal list of up to
/// <see cref="BatchSize"/> maps per label (nodes) or per (type, start label, end label) (relationships), so that every
/// MATCH uses a label's id constraint. Running the script twice gives the same graph.
/// </summary>
public sealed class CypherExportWriter(Stream output, string schemaCypher) : IExportWriter
{
    public const int BatchSize = 500;
    private readonly StreamWriter _w = new(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
    private readonly Dictionary<NodeKind, List<string>> _nodes = [];
    private readonly Dictionary<(RelationType, NodeKind, NodeKind), List<string>> _relations = [];

    public async Task BeginAsync(ExportHeader header, CancellationToken ct)
    {
        await _w.WriteLineAsync($"// Ketenaanpak.Graph export{(header.Dataset is null ? "" : $" of dataset {header.Dataset}")} at {ExportValues.Instant(header.ExportedAt)}");
        await _w.WriteLineAsync("// Load with: cypher-shell -u neo4j -p <password> -f <this file>");
        await _w.WriteLineAsync();
        await _w.WriteLineAsync(schemaCypher.TrimEnd());
        await _w.WriteLineAsync();
        await _w.WriteLineAsync("// ---- data ----");
    }

    public async Task NodeAsync(ExportNode n, CancellationToken ct)
    {
        var sb = new StringBuilder("{id: ").Append(Str(n.Id)).Append(", props: {caption: ").Append(Str(n.Caption));
        if (n.ExactKey is not null) sb.Append(", exactKey: ").Append(Str(n.ExactKey));
        sb.Append(", storeId: ").Append(Str(n.StoreId.ToString()));
        foreach (var g in n.Properties.GroupBy(p => p.Key))
            sb.Append(", ").Append(Name(g.Key)).Append(": ").Append(g.Count() == 1 ? Str(g.First().Value) : "[" + string.Join(", ", g.Select(p => Str(p.Value))) + "]");
        Provenance(sb, n.Provenance);
        sb.Append("}}");
        if (!_nodes.TryGetValue(n.Kind, out var list)) _nodes[n.Kind] = list = [];
        list.Add(sb.ToString());
        if (list.Count >= BatchSize) await FlushNodes(n.Kind, list);
    }

    public async Task RelationAsync(ExportRelation r, CancellationToken ct)
    {
        var sb = new StringBuilder("{s: ").Append(Str(r.Source)).Append(", t: ").Append(Str(r.Target)).Append(", id: ").Append(Str(r.Id))
            .Append(", props: {weight: ").Append(r.Weight.ToString("R", CultureInfo.InvariantCulture));
        if (!double.IsFinite(r.Weight) || r.Weight % 1 == 0) sb.Append(".0");
        if (r.Detail is not null) sb.Append(", detail: ").Append(Str(r.Detail));
        if (r.ValidFrom is { } f) sb.Append(", validFrom: date(").Append(Str(ExportValues.Date(f)!)).Append(')');
        if (r.ValidTo is { } t) sb.Append(", validTo: date(").Append(Str(ExportValues.Date(t)!)).Append(')');
        sb.Append(", storeId: ").Append(Str(r.StoreId.ToString()));
        Provenance(sb, r.Provenance);
        sb.Append("}}");
        var key = (r.Type, r.SourceKind, r.TargetKind);
        if (!_relations.TryGetValue(key, out var list)) _relations[key] = list = [];
        list.Add(sb.ToString());
        if (list.Count >= BatchSize) await FlushRelations(key, list);
    }

    public async Task EndAsync(CancellationToken ct)
    {
        foreach (var (kind, list) in _nodes) await FlushNodes(kind, list);
        foreach (var (key, list) in _relations) await FlushRelations(key, list);
        await _w.FlushAsync(ct);
    }

    public ValueTask DisposeAsync() => _w.DisposeAsync();

    private async Task FlushNodes(NodeKind kind, List<string> rows)
    {
        if (rows.Count == 0) return;
        await _w.WriteAsync("UNWIND [");
        await _w.WriteAsync(string.Join(",\n  ", rows));
        await _w.WriteLineAsync($"] AS row\nMERGE (n:{NodeKindInfo.Of(kind).Neo4jLabel} {{id: row.id}}) SET n += row.props;");
        rows.Clear();
    }

    // Nodes come before relations from the exporter; the first relationship batch flushes the node batches still
    // pending, so that every MATCH finds its nodes.
    private bool _nodesDone;

    private async Task FlushRelations((RelationType Type, NodeKind From, NodeKind To) key, List<string> rows)
    {
        if (rows.Count == 0) return;
        if (!_nodesDone)
        {
            foreach (var (kind, list) in _nodes) await FlushNodes(kind, list);
            _nodesDone = true;
        }
        await _w.WriteAsync("UNWIND [");
        await _w.WriteAsync(string.Join(",\n  ", rows));
        await _w.WriteLineAsync($"] AS row\nMATCH (a:{NodeKindInfo.Of(key.From).Neo4jLabel} {{id: row.s}})\nMATCH (b:{NodeKindInfo.Of(key.To).Neo4jLabel} {{id: row.t}})\n" +
            $"MERGE (a)-[r:{RelationTypeInfo.Of(key.Type).Neo4jType} {{id: row.id}}]->(b) SET r += row.props;");
        rows.Clear();
    }

    private static void Provenance(StringBuilder sb, Domain.Provenance.Provenance p)
    {
        var values = ExportValues.Provenance(p);
        for (int i = 0; i < values.Length; i++)
            if (values[i] is { } v) sb.Append(", ").Append(ExportValues.ProvenanceNames[i]).Append(": ").Append(Str(v));
    }

    /// <summary>A Cypher string literal: single quotes, backslash escapes (quotes, backslashes, control characters).</summary>
    internal static string Str(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('\'');
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>A property key: plain when it is an identifier, else backquoted.</summary>
    private static string Name(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(key[0]) ? key : "`" + key.Replace("`", "``") + "`";
}
