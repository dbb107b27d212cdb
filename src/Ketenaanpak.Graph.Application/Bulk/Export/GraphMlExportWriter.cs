using System.Buffers;
using System.Globalization;
using System.Text;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>
/// GraphML (graphml.graphdrawing.org) as Gephi, yEd, igraph and networkx read it: string/double keys declared up
/// front, the graph undirected when every exported relation type is undirected (imported networks), else directed,
/// with a boolean edge key "directed" (default true) that is false on the symmetric types (knows, family, …).
/// </summary>
/// <remarks>
/// Not GraphML's own per-edge <c>directed="false"</c> attribute: networkx refuses every file that has one in a directed
/// graph ("directed=false edge found in directed graph"), and igraph ignores it. A data key reads everywhere and keeps
/// the fact; our own import reads either.
/// </remarks>
/// <remarks>
/// Written by hand into a large <see cref="StreamWriter"/> buffer, byte for byte what an indenting
/// <see cref="System.Xml.XmlWriter"/> wrote before (the previous writer; <see cref="XmlText"/> falls back to one for
/// any value with characters beyond &amp; &lt; &gt; &quot;). At 5·10^6 edges × ~12 data elements the XmlWriter's
/// per-call checks and a string per value were most of the writer's CPU.
/// </remarks>
public sealed class GraphMlExportWriter(Stream output) : IExportWriter
{
    private static readonly string NewLine = Environment.NewLine; // the XmlWriter's default NewLineChars
    private readonly StreamWriter _w = new(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = Environment.NewLine };
    private bool _directed, _graphHasChildren;

    public async Task BeginAsync(ExportHeader header, CancellationToken ct)
    {
        _directed = header.Directed;
        _w.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        _w.Write(NewLine);
        _w.Write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">");
        Key("kind", "node", "string"); Key("caption", "node", "string"); Key("exactKey", "node", "string"); Key("storeId", "node", "string");
        foreach (var p in ExportValues.PropertyNames) Key(p, "node", "string");
        Key("type", "edge", "string"); Key("weight", "edge", "double"); Key("detail", "edge", "string");
        Key("validFrom", "edge", "string"); Key("validTo", "edge", "string"); Key("storeId", "edge", "string");
        foreach (var p in ExportValues.ProvenanceNames) Key(p, "all", "string");
        if (header.Directed)
        {
            _w.Write(NewLine);
            _w.Write("  <key id=\"e_directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"><default>true</default></key>");
        }
        _w.Write(NewLine);
        _w.Write("  <graph id=\"");
        XmlText.Attribute(_w, header.Dataset ?? "ketenaanpak");
        _w.Write("\" edgedefault=\"");
        _w.Write(header.Directed ? "directed" : "undirected");
        _w.Write('"');
        await Task.CompletedTask;
    }

    public async Task NodeAsync(ExportNode n, CancellationToken ct)
    {
        OpenGraph();
        _w.Write(NewLine);
        _w.Write("    <node id=\"");
        XmlText.Attribute(_w, n.Id);
        _w.Write("\">");
        Data(NodeKey.Kind, n.Kind.ToString()); Data(NodeKey.Caption, n.Caption); Data(NodeKey.ExactKey, n.ExactKey);
        Span<char> buffer = stackalloc char[36];
        n.StoreId.TryFormat(buffer, out int length);
        DataRaw(NodeKey.StoreId, buffer[..length]);
        for (int i = 0; i < ExportValues.PropertyNames.Length; i++)
            Data(NodeKey.Properties[i], ExportValues.Joined(n.Properties, ExportValues.PropertyNames[i]));
        Provenance(n.Provenance);
        _w.Write(NewLine);
        _w.Write("    </node>");
        await Maybe(ct);
    }

    public async Task RelationAsync(ExportRelation r, CancellationToken ct)
    {
        OpenGraph();
        var info = RelationTypeInfo.Of(r.Type);
        _w.Write(NewLine);
        _w.Write("    <edge id=\"");
        XmlText.Attribute(_w, r.Id);
        _w.Write("\" source=\"");
        XmlText.Attribute(_w, r.Source);
        _w.Write("\" target=\"");
        XmlText.Attribute(_w, r.Target);
        _w.Write("\">");
        Data(EdgeKey.Type, info.Neo4jType);
        if (_directed && !info.Directed) DataRaw(EdgeKey.Directed, "false");
        Span<char> buffer = stackalloc char[36];
        r.Weight.TryFormat(buffer, out int length, "R", CultureInfo.InvariantCulture);
        DataRaw(EdgeKey.Weight, buffer[..length]);
        Data(EdgeKey.Detail, r.Detail);
        if (r.ValidFrom is { } from && from.TryFormat(buffer, out length, "yyyy-MM-dd", CultureInfo.InvariantCulture)) DataRaw(EdgeKey.ValidFrom, buffer[..length]);
        if (r.ValidTo is { } to && to.TryFormat(buffer, out length, "yyyy-MM-dd", CultureInfo.InvariantCulture)) DataRaw(EdgeKey.ValidTo, buffer[..length]);
        r.StoreId.TryFormat(buffer, out length);
        DataRaw(EdgeKey.StoreId, buffer[..length]);
        Provenance(r.Provenance);
        _w.Write(NewLine);
        _w.Write("    </edge>");
        await Maybe(ct);
    }

    public async Task EndAsync(CancellationToken ct)
    {
        if (_graphHasChildren)
        {
            _w.Write(NewLine);
            _w.Write("  </graph>");
        }
        else _w.Write(" />"); // XmlWriter closes an element without children this way
        _w.Write(NewLine);
        _w.Write("</graphml>");
        await _w.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync() => await _w.DisposeAsync();

    private void OpenGraph()
    {
        if (_graphHasChildren) return;
        _graphHasChildren = true;
        _w.Write('>');
    }

    private int _pending;
    // Hand the bytes to the stream now and then so a web response streams too.
    private async Task Maybe(CancellationToken ct)
    {
        if (++_pending % 4096 != 0) return;
        await _w.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    private void Key(string name, string scope, string type)
    {
        _w.Write(NewLine);
        _w.Write("  <key id=\""); _w.Write((scope == "edge" ? "e_" : "n_") + name);
        _w.Write("\" for=\""); _w.Write(scope);
        _w.Write("\" attr.name=\""); _w.Write(name);
        _w.Write("\" attr.type=\""); _w.Write(type);
        _w.Write("\" />");
    }

    // The opening of each data element (indentation, tag, key attribute), made once.
    private static string Open(string key) => "      <data key=\"" + key + "\">";

    private static class NodeKey
    {
        public static readonly string Kind = Open("n_kind"), Caption = Open("n_caption"), ExactKey = Open("n_exactKey"), StoreId = Open("n_storeId");
        public static readonly string[] Properties = ExportValues.PropertyNames.Select(p => Open("n_" + p)).ToArray();
        public static readonly string[] Provenance = ExportValues.ProvenanceNames.Select(p => Open("n_" + p)).ToArray();
    }

    private static class EdgeKey
    {
        public static readonly string Type = Open("e_type"), Weight = Open("e_weight"), Detail = Open("e_detail"), ValidFrom = Open("e_validFrom"),
            ValidTo = Open("e_validTo"), StoreId = Open("e_storeId"), Directed = Open("e_directed");
    }

    private void Data(string open, string? value)
    {
        if (value is null) return;
        _w.Write(NewLine);
        _w.Write(open);
        XmlText.Content(_w, value);
        _w.Write("</data>");
    }

    /// <summary>A value known to need no escaping (formatted ids, numbers, dates).</summary>
    private void DataRaw(string open, ReadOnlySpan<char> value)
    {
        _w.Write(NewLine);
        _w.Write(open);
        _w.Write(value);
        _w.Write("</data>");
    }

    private void Provenance(Domain.Provenance.Provenance p)
    {
        var open = NodeKey.Provenance; // provenance keys are declared for="all" with the n_ prefix (as before)
        Data(open[0], ExportValues.Partner(p.SourcePartner.Value));
        if (p.SourceSignal is { } signal)
        {
            Span<char> buffer = stackalloc char[36];
            signal.Value.TryFormat(buffer, out int length);
            DataRaw(open[1], buffer[..length]);
        }
        Data(open[2], p.SourceReference);
        Data(open[3], ExportValues.Instant(p.ObservedAt));
        Data(open[4], ExportValues.Recorded(p.RecordedAt));
        Data(open[5], p.Grading.Source.ToString());
        Span<char> number = stackalloc char[11];
        ((int)p.Grading.Validity).TryFormat(number, out int n, default, CultureInfo.InvariantCulture);
        DataRaw(open[6], number[..n]);
        Data(open[7], p.LegalBasis.ToString());
        Data(open[8], p.HandlingCode.ToString());
        Data(open[9], ExportValues.Retain(p.RetainUntil));
    }
}

/// <summary>
/// XML escaping as <see cref="System.Xml.XmlWriter"/> does it: the common characters (&amp; &lt; &gt; and, in
/// attributes, &quot;) here; anything else special (control characters, line breaks, surrogates, characters XML does
/// not allow) through an XmlWriter itself, so its rules (newline handling, character references, the error on an
/// invalid character) stay exactly as they were.
/// </summary>
internal static class XmlText
{
    private static readonly SearchValues<char> TextSpecial = SearchValues.Create("&<>");
    private static readonly SearchValues<char> AttributeSpecial = SearchValues.Create("&<>\"");

    public static void Content(StreamWriter w, string value)
    {
        if (NeedsXmlWriter(value)) { w.Write(ByXmlWriter(value, attribute: false)); return; }
        Write(w, value, TextSpecial);
    }

    public static void Attribute(StreamWriter w, string value)
    {
        if (NeedsXmlWriter(value)) { w.Write(ByXmlWriter(value, attribute: true)); return; }
        Write(w, value, AttributeSpecial);
    }

    private static void Write(StreamWriter w, string value, SearchValues<char> special)
    {
        var rest = value.AsSpan();
        int i;
        while ((i = rest.IndexOfAny(special)) >= 0)
        {
            w.Write(rest[..i]);
            w.Write(rest[i] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&quot;" });
            rest = rest[(i + 1)..];
        }
        w.Write(rest);
    }

    // Below space (tab, line breaks, control characters), surrogates and U+FFFE/U+FFFF: rare in practice.
    private static bool NeedsXmlWriter(string value)
    {
        foreach (char c in value)
            if (c < ' ' || (c >= '\uD800' && c <= '\uDFFF') || c >= '\uFFFE') return true;
        return false;
    }

    private static string ByXmlWriter(string value, bool attribute)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var x = System.Xml.XmlWriter.Create(text, new System.Xml.XmlWriterSettings { ConformanceLevel = System.Xml.ConformanceLevel.Fragment }))
        {
            if (attribute)
            {
                x.WriteStartElement("a");
                x.WriteAttributeString("v", value);
                x.WriteEndElement();
            }
            else x.WriteString(value);
        }
        var written = text.ToString();
        return attribute ? written[("<a v=\"".Length)..written.LastIndexOf('"')] : written;
    }
}
