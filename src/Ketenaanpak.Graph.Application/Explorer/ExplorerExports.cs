using System.Globalization;
using System.Text;
using System.Xml;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;

namespace Ketenaanpak.Graph.Application.Explorer;

public enum ExportFormat { GraphMl, Csv }

/// <summary>An export file: its bytes, media type and file name.</summary>
public sealed record ExportFile(byte[] Content, string MediaType, string FileName, int Nodes, int Edges);

/// <summary>
/// Exports the elements of an explorer view. The client only names node ids; what is written is decided here again,
/// on the user's visible snapshot, so a tampered request cannot export a node or edge the user may not see. Every
/// export is an audit-log entry with its counts.
/// </summary>
public sealed class ExplorerExports(GraphSnapshotService snapshots, ExplorerElements elements, IAuditLog audit, TimeProvider clock)
{
    public async Task<ExportFile> ExportAsync(Actor actor, IReadOnlyCollection<string> nodeIds, ExportFormat format, string? purpose,
        CancellationToken ct = default)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        var vertices = nodeIds.Select(scope.Visible.IndexOf).Where(v => v is not null).Select(v => v!.Value).ToHashSet();
        var graph = await elements.BuildAsync(scope, vertices, 0, ct: ct);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var file = format == ExportFormat.GraphMl
            ? new ExportFile(GraphMl(graph), "application/graphml+xml", $"netwerk-{stamp}.graphml", graph.Nodes.Count, graph.Edges.Count)
            : new ExportFile(Csv(graph), "text/csv", $"netwerk-{stamp}.csv", graph.Nodes.Count, graph.Edges.Count);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Export, "Netwerk", null,
            $"verkenner-export {(format == ExportFormat.GraphMl ? "GraphML" : "CSV")}: {file.Nodes} entiteiten, {file.Edges} relaties", purpose), ct);
        return file;
    }

    private static readonly (string Id, string For, string Name)[] Keys =
    [
        ("label", "node", "label"), ("kind", "node", "soort"), ("role", "node", "rol"), ("partner", "node", "bronpartner"),
        ("grading", "node", "beoordeling"), ("type", "edge", "type"), ("relation", "edge", "relatie"), ("from", "edge", "van"),
        ("to", "edge", "tot"), ("weight", "edge", "gewicht"),
    ];

    /// <summary>GraphML 1.0 (graphml.graphdrawing.org), undirected default, one data key per attribute.</summary>
    public static byte[] GraphMl(ExplorerGraphDto graph)
    {
        var output = new MemoryStream();
        using (var w = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            const string ns = "http://graphml.graphdrawing.org/xmlns";
            w.WriteStartDocument();
            w.WriteStartElement("graphml", ns);
            foreach (var (id, forWhat, name) in Keys)
            {
                w.WriteStartElement("key", ns);
                w.WriteAttributeString("id", id);
                w.WriteAttributeString("for", forWhat);
                w.WriteAttributeString("attr.name", name);
                w.WriteAttributeString("attr.type", id == "weight" ? "double" : "string");
                w.WriteEndElement();
            }
            w.WriteStartElement("graph", ns);
            w.WriteAttributeString("id", "verkenner");
            w.WriteAttributeString("edgedefault", "undirected");
            foreach (var n in graph.Nodes.Select(n => n.Data))
            {
                w.WriteStartElement("node", ns);
                w.WriteAttributeString("id", n.Id);
                Data(w, ns, "label", n.Label);
                Data(w, ns, "kind", n.KindLabel);
                Data(w, ns, "role", n.Role);
                Data(w, ns, "partner", n.Partner);
                Data(w, ns, "grading", n.Grading);
                w.WriteEndElement();
            }
            foreach (var e in graph.Edges.Select(e => e.Data))
            {
                w.WriteStartElement("edge", ns);
                w.WriteAttributeString("id", e.Id);
                w.WriteAttributeString("source", e.Source);
                w.WriteAttributeString("target", e.Target);
                Data(w, ns, "type", e.Type);
                Data(w, ns, "relation", e.Label);
                Data(w, ns, "from", e.From);
                Data(w, ns, "to", e.To);
                Data(w, ns, "weight", e.Weight.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return output.ToArray();
    }

    private static void Data(XmlWriter w, string ns, string key, string? value)
    {
        if (value is null) return;
        w.WriteStartElement("data", ns);
        w.WriteAttributeString("key", key);
        w.WriteString(value);
        w.WriteEndElement();
    }

    /// <summary>One CSV with a row per node and per relation (column "element"); cells guarded against formula injection.</summary>
    public static byte[] Csv(ExplorerGraphDto graph)
    {
        var sb = new StringBuilder();
        sb.Append(AuditCsv.Line(["element", "id", "label", "soort", "rol", "bronpartner", "beoordeling", "bron", "doel", "relatie", "van", "tot"]));
        foreach (var n in graph.Nodes.Select(n => n.Data))
            sb.Append(AuditCsv.Line(["knoop", n.Id, n.Label, n.KindLabel, n.Role, n.Partner, n.Grading, null, null, null, null, null]));
        foreach (var e in graph.Edges.Select(e => e.Data))
            sb.Append(AuditCsv.Line(["relatie", e.Id, null, null, null, null, null, e.Source, e.Target, e.Label, e.From, e.To]));
        return [.. AuditCsv.Encoding.GetPreamble(), .. AuditCsv.Encoding.GetBytes(sb.ToString())];
    }
}
