using System.Globalization;
using System.Xml;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>
/// GraphML with its attributes, streamed (the Analytics GraphMlReader keeps only an undirected simple graph; an import
/// needs the kinds, captions, types and directions our own export writes). Node data keys named kind/label/caption/
/// name and edge data keys named type/weight/detail are understood; the rest is ignored. In an undirected graph a
/// reversed pair is the same relation.
/// </summary>
public static class GraphMlParser
{
    public static IEnumerable<ImportItem> Parse(string path, NodeKind defaultKind)
    {
        using var text = MatrixAndEdgeListParser.Open(path);
        using var x = XmlReader.Create(text, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null });
        var info = (IXmlLineInfo)x;
        var keys = new Dictionary<string, string>(StringComparer.Ordinal); // key id -> attr.name
        bool directed = false;
        string? nodeId = null, src = null, dst = null, edgeId = null;
        bool edgeDirected = false, edgeDirectedGiven = false;
        int line = 0;
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? error = null;
        bool positioned = false; // ReadElementContentAsString already moved the reader to the next node
        while (error is null)
        {
            if (!positioned)
            {
                bool more;
                try { more = x.Read(); }
                catch (XmlException e) { error = $"Geen geldige GraphML: {e.Message}"; break; }
                if (!more) break;
            }
            positioned = false;
            if (x.NodeType == XmlNodeType.Element)
            {
                switch (x.LocalName)
                {
                    case "key":
                        if (x.GetAttribute("id") is { } kid) keys[kid] = x.GetAttribute("attr.name") ?? kid;
                        break;
                    case "graph":
                        directed = x.GetAttribute("edgedefault") == "directed";
                        break;
                    case "node":
                        nodeId = x.GetAttribute("id");
                        line = info.LineNumber;
                        data.Clear();
                        if (x.IsEmptyElement) { yield return FlushNode(); nodeId = null; }
                        break;
                    case "edge":
                        src = x.GetAttribute("source");
                        dst = x.GetAttribute("target");
                        edgeId = x.GetAttribute("id");
                        // GraphML's per-edge attribute; else the "directed" data key our export writes (read in FlushEdge).
                        edgeDirected = x.GetAttribute("directed") is { } d ? d == "true" : directed;
                        edgeDirectedGiven = x.GetAttribute("directed") is not null;
                        line = info.LineNumber;
                        data.Clear();
                        if (x.IsEmptyElement) { yield return FlushEdge(); src = null; }
                        break;
                    case "data" when nodeId is not null || src is not null:
                        var key = x.GetAttribute("key") ?? "";
                        try { data[keys.GetValueOrDefault(key, key)] = x.ReadElementContentAsString(); }
                        catch (XmlException e) { error = $"Geen geldige GraphML: {e.Message}"; }
                        positioned = true;
                        break;
                }
            }
            else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "node" && nodeId is not null) { yield return FlushNode(); nodeId = null; }
            else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "edge" && src is not null) { yield return FlushEdge(); src = null; }
        }
        if (error is not null) yield return new ImportItem.Failed($"Regel {info.LineNumber}: {error}");

        ImportItem FlushNode()
        {
            if (string.IsNullOrEmpty(nodeId)) return new ImportItem.Rejected(new ImportRejection(line, "Een knoop zonder id."));
            var kind = data.TryGetValue("kind", out var k) && BulkNames.TryKind(k, out var parsed) ? parsed : defaultKind;
            var caption = data.GetValueOrDefault("caption") ?? data.GetValueOrDefault("label") ?? data.GetValueOrDefault("name") ?? nodeId;
            var props = data.Where(p => NodeSchema.Property(kind, p.Key) is not null).ToList();
            return new ImportItem.NodeItem(new ImportNode(nodeId, kind, caption, line, props));
        }

        ImportItem FlushEdge()
        {
            if (string.IsNullOrEmpty(src) || string.IsNullOrEmpty(dst))
                return new ImportItem.Rejected(new ImportRejection(line, "Een verbinding zonder bron of doel."));
            var type = data.TryGetValue("type", out var t) && BulkNames.TryRelationType(t, out var rt) ? rt : RelationType.LinkedTo;
            double weight = 1;
            if (data.TryGetValue("weight", out var w) && !double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
                return new ImportItem.Rejected(new ImportRejection(line, $"Gewicht '{w}' is geen getal."));
            var (a, b) = (src, dst);
            if (!edgeDirectedGiven && data.TryGetValue("directed", out var dk) && bool.TryParse(dk.Trim(), out var fromKey)) edgeDirected = fromKey;
            if (!edgeDirected && !RelationTypeInfo.Of(type).Directed && string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
            DateOnly? from = null, to = null;
            if (data.TryGetValue("validFrom", out var vf)) { if (!TryDate(vf, out var d)) return Bad("begindatum", vf); from = d; }
            if (data.TryGetValue("validTo", out var vt)) { if (!TryDate(vt, out var d)) return Bad("einddatum", vt); to = d; }
            return new ImportItem.RelationItem(new ImportRelation(edgeId, a, b, type, weight, line, data.GetValueOrDefault("detail"),
                from, to, ImpliedKind: defaultKind));
        }

        ImportItem Bad(string what, string value) => new ImportItem.Rejected(new ImportRejection(line, $"De {what} '{value}' is geen datum (jjjj-mm-dd)."));

        static bool TryDate(string s, out DateOnly d) =>
            DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
    }
}

/// <summary>Node kinds and relation types by any of their names: enum name, Neo4j label/type, Dutch label, FtM schema.</summary>
public static class BulkNames
{
    public static bool TryKind(string? text, out NodeKind kind)
    {
        var t = (text ?? "").Trim();
        foreach (var info in NodeKindInfo.All)
            if (string.Equals(t, info.Kind.ToString(), StringComparison.OrdinalIgnoreCase) || string.Equals(t, info.Neo4jLabel, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t, info.DutchLabel, StringComparison.OrdinalIgnoreCase) || string.Equals(t, info.FtmSchema, StringComparison.OrdinalIgnoreCase))
            { kind = info.Kind; return true; }
        kind = default;
        return false;
    }

    public static bool TryRelationType(string? text, out RelationType type)
    {
        var t = (text ?? "").Trim();
        foreach (var info in RelationTypeInfo.All)
            if (string.Equals(t, info.Type.ToString(), StringComparison.OrdinalIgnoreCase) || string.Equals(t, info.Neo4jType, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t, info.DutchLabel, StringComparison.OrdinalIgnoreCase))
            { type = info.Type; return true; }
        type = default;
        return false;
    }
}
