using System.Xml;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>
/// GraphML (graphml.graphdrawing.org) as Gephi, yEd and networkx read it: string/double keys declared up front, the
/// graph undirected when every exported relation type is undirected (imported networks), else directed with a
/// per-edge "directed" attribute for the symmetric types. Streamed with an XmlWriter.
/// </summary>
public sealed class GraphMlExportWriter(Stream output) : IExportWriter
{
    private readonly XmlWriter _x = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
    private bool _directed;

    public async Task BeginAsync(ExportHeader header, CancellationToken ct)
    {
        _directed = header.Directed;
        _x.WriteStartDocument();
        await Task.CompletedTask;
        _x.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        Key("kind", "node", "string"); Key("caption", "node", "string"); Key("exactKey", "node", "string"); Key("storeId", "node", "string");
        foreach (var p in ExportValues.PropertyNames) Key(p, "node", "string");
        Key("type", "edge", "string"); Key("weight", "edge", "double"); Key("detail", "edge", "string");
        Key("validFrom", "edge", "string"); Key("validTo", "edge", "string"); Key("storeId", "edge", "string");
        foreach (var p in ExportValues.ProvenanceNames) Key(p, "all", "string");
        _x.WriteStartElement("graph");
        _x.WriteAttributeString("id", header.Dataset ?? "ketenaanpak");
        _x.WriteAttributeString("edgedefault", header.Directed ? "directed" : "undirected");
    }

    public async Task NodeAsync(ExportNode n, CancellationToken ct)
    {
        _x.WriteStartElement("node");
        _x.WriteAttributeString("id", n.Id);
        Data("kind", n.Kind.ToString()); Data("caption", n.Caption); Data("exactKey", n.ExactKey); Data("storeId", n.StoreId.ToString());
        foreach (var p in ExportValues.PropertyNames) Data(p, ExportValues.Joined(n.Properties, p));
        Provenance(n.Provenance);
        _x.WriteEndElement();
        await Maybe(ct);
    }

    public async Task RelationAsync(ExportRelation r, CancellationToken ct)
    {
        _x.WriteStartElement("edge");
        _x.WriteAttributeString("id", r.Id);
        _x.WriteAttributeString("source", r.Source);
        _x.WriteAttributeString("target", r.Target);
        if (_directed && !RelationTypeInfo.Of(r.Type).Directed) _x.WriteAttributeString("directed", "false");
        Data("type", RelationTypeInfo.Of(r.Type).Neo4jType); Data("weight", ExportValues.Number(r.Weight)); Data("detail", r.Detail);
        Data("validFrom", ExportValues.Date(r.ValidFrom)); Data("validTo", ExportValues.Date(r.ValidTo)); Data("storeId", r.StoreId.ToString(), edge: true);
        Provenance(r.Provenance);
        _x.WriteEndElement();
        await Maybe(ct);
    }

    public async Task EndAsync(CancellationToken ct)
    {
        _x.WriteEndElement();
        _x.WriteEndElement();
        _x.WriteEndDocument();
        _x.Flush();
        await output.FlushAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        _x.Dispose();
        return ValueTask.CompletedTask;
    }

    private int _pending;
    // XmlWriter buffers itself; hand the bytes to the stream now and then so a web response streams too.
    private async Task Maybe(CancellationToken ct)
    {
        if (++_pending % 4096 != 0) return;
        _x.Flush();
        await output.FlushAsync(ct);
    }

    private void Key(string name, string scope, string type)
    {
        _x.WriteStartElement("key");
        _x.WriteAttributeString("id", (scope == "edge" ? "e_" : "n_") + name);
        _x.WriteAttributeString("for", scope);
        _x.WriteAttributeString("attr.name", name);
        _x.WriteAttributeString("attr.type", type);
        _x.WriteEndElement();
    }

    // The key attribute of each data element, made once (it was concatenated per value: ~20 strings per row).
    private static readonly Dictionary<string, string> NodeKeys = new(StringComparer.Ordinal), EdgeKeys = new(StringComparer.Ordinal);

    static GraphMlExportWriter()
    {
        foreach (var name in new[] { "kind", "caption", "exactKey", "storeId", "type", "weight", "detail", "validFrom", "validTo" }
                     .Concat(ExportValues.PropertyNames).Concat(ExportValues.ProvenanceNames))
        {
            NodeKeys[name] = KeyOf(name, edge: false);
            EdgeKeys[name] = KeyOf(name, edge: true);
        }
    }

    private static string KeyOf(string name, bool edge) =>
        (name is "type" or "weight" or "detail" or "validFrom" or "validTo" || (edge && name == "storeId") ? "e_" : "n_") + name;

    private void Data(string name, string? value, bool edge = false)
    {
        if (value is null) return;
        _x.WriteStartElement("data");
        _x.WriteAttributeString("key", (edge ? EdgeKeys : NodeKeys)[name]);
        _x.WriteString(value);
        _x.WriteEndElement();
    }

    private void Provenance(Domain.Provenance.Provenance p)
    {
        var values = ExportValues.Provenance(p);
        for (int i = 0; i < values.Length; i++) Data(ExportValues.ProvenanceNames[i], values[i]);
    }
}
