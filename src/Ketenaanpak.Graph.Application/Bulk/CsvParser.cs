using System.Globalization;
using System.Text;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>
/// CSV nodes and edges through a <see cref="CsvMapping"/>, streamed row by row (memory does not grow with the file).
/// A path may be one file (a nodes file when it has the id column and no source/target columns, else an edges file)
/// or a folder with nodes.csv and edges.csv (as `generate` and `export --format csv` write), nodes first.
/// </summary>
public static class CsvParser
{
    public static IEnumerable<(string File, IEnumerable<ImportItem> Items)> Files(string path, CsvMapping mapping)
    {
        if (Directory.Exists(path))
        {
            var nodes = Path.Combine(path, "nodes.csv");
            var edges = Path.Combine(path, "edges.csv");
            if (!File.Exists(nodes) && !File.Exists(edges))
                return [(Path.GetFileName(path), [new ImportItem.Failed("De map bevat geen nodes.csv of edges.csv.")])];
            return new[] { nodes, edges }.Where(File.Exists).Select(f => (Path.GetFileName(f), Parse(f, mapping)));
        }
        return [(Path.GetFileName(path), Parse(path, mapping))];
    }

    public static IEnumerable<ImportItem> Parse(string path, CsvMapping mapping)
    {
        using var reader = MatrixAndEdgeListParser.Open(path);
        var row = new List<string>();
        int line = 0;
        int start = ReadRecord(reader, row, ref line, mapping.Delimiter);
        if (start == 0) yield break;
        var header = mapping.HasHeader ? row.ToArray() : Enumerable.Range(1, row.Count).Select(i => "#" + i).ToArray();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Length; i++) columns.TryAdd(header[i].Trim(), i);
        int Col(string? names)
        {
            if (names is null) return -1;
            foreach (var n in names.Split('|'))
                if (columns.TryGetValue(n.Trim(), out var i)) return i;
            return -1;
        }
        var e = mapping.Edges;
        var n = mapping.Nodes;
        int src = Col(e.Source), dst = Col(e.Target);
        bool edges = src >= 0 && dst >= 0;
        if (!edges && Col(n.Id) < 0)
        {
            yield return new ImportItem.Failed($"{Path.GetFileName(path)}: geen kolom '{n.Id}' (knopen) en geen kolommen '{e.Source}' en '{e.Target}' (relaties). " +
                "Pas de kolomindeling aan.");
            yield break;
        }
        bool firstIsData = !mapping.HasHeader;
        if (!BulkNames.TryKind(n.DefaultKind, out var defaultKind)) { yield return new ImportItem.Failed($"Onbekend soort entiteit '{n.DefaultKind}' in de kolomindeling."); yield break; }
        if (!BulkNames.TryRelationType(e.DefaultType, out var defaultType)) { yield return new ImportItem.Failed($"Onbekend soort relatie '{e.DefaultType}' in de kolomindeling."); yield break; }
        NodeKind? implied = null;
        if (e.ImpliedKind is not null)
        {
            if (!BulkNames.TryKind(e.ImpliedKind, out var ik)) { yield return new ImportItem.Failed($"Onbekend soort entiteit '{e.ImpliedKind}' in de kolomindeling."); yield break; }
            implied = ik;
        }
        if (edges)
        {
            int id = Col(e.Id), type = Col(e.Type), weight = Col(e.Weight), detail = Col(e.Detail), from = Col(e.ValidFrom), to = Col(e.ValidTo), group = Col(e.Group);
            if (e.Group is not null && group < 0) { yield return new ImportItem.Failed($"Geen kolom '{e.Group}' om netwerken te scheiden."); yield break; }
            if (group >= 0) yield return new ImportItem.Note($"netwerken gescheiden op kolom '{header[group]}': knoop-id's krijgen de netwerknaam als voorvoegsel");
            while (firstIsData || ReadRecord(reader, row, ref line, mapping.Delimiter) > 0)
            {
                firstIsData = false;
                if (row.Count == 1 && row[0].Length == 0) continue;
                string? Get(int i) => i >= 0 && i < row.Count && row[i].Length > 0 ? row[i] : null;
                var a = Get(src);
                var b = Get(dst);
                if (a is null || b is null) { yield return Reject(line, "Bron of doel ontbreekt."); continue; }
                if (Get(group) is { } g) { a = g + ":" + a; b = g + ":" + b; }
                var rt = defaultType;
                if (Get(type) is { } t && !BulkNames.TryRelationType(t, out rt)) { yield return Reject(line, $"Onbekend soort relatie '{t}'."); continue; }
                double w = 1;
                if (Get(weight) is { } ws && !double.TryParse(ws, NumberStyles.Float, CultureInfo.InvariantCulture, out w)) { yield return Reject(line, $"Gewicht '{ws}' is geen getal."); continue; }
                DateOnly? vf = null, vt = null;
                if (Get(from) is { } fs) { if (!TryDate(fs, out var d)) { yield return Reject(line, $"Begindatum '{fs}' is geen datum (jjjj-mm-dd)."); continue; } vf = d; }
                if (Get(to) is { } ts) { if (!TryDate(ts, out var d)) { yield return Reject(line, $"Einddatum '{ts}' is geen datum (jjjj-mm-dd)."); continue; } vt = d; }
                var relId = Get(id) is { } rid ? (Get(group) is { } g2 ? g2 + ":" + rid : rid) : null;
                if (relId is null && !RelationTypeInfo.Of(rt).Directed && string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
                yield return new ImportItem.RelationItem(new ImportRelation(relId, a, b, rt, w, line, Get(detail), vf, vt, implied));
            }
        }
        else
        {
            int id = Col(n.Id), kind = Col(n.Kind), caption = Col(n.Caption);
            // Without explicit property columns, columns named "p:<property>" (our own CSV export) are properties.
            var props = (n.Properties.Count > 0
                    ? n.Properties.Select(p => (p.Key, Col(p.Value)))
                    : header.Select((h, i) => (h.Trim(), i)).Where(h => h.Item1.StartsWith("p:", StringComparison.Ordinal)).Select(h => (h.Item1[2..], h.i)))
                .Where(p => p.Item2 >= 0).ToArray();
            while (firstIsData || ReadRecord(reader, row, ref line, mapping.Delimiter) > 0)
            {
                firstIsData = false;
                if (row.Count == 1 && row[0].Length == 0) continue;
                string? Get(int i) => i >= 0 && i < row.Count && row[i].Length > 0 ? row[i] : null;
                var nid = Get(id);
                if (nid is null) { yield return Reject(line, "De id ontbreekt."); continue; }
                var k = defaultKind;
                if (Get(kind) is { } ks && !BulkNames.TryKind(ks, out k)) { yield return Reject(line, $"Onbekend soort entiteit '{ks}'."); continue; }
                var values = props.Where(p => Get(p.Item2) is not null)
                    .SelectMany(p => row[p.Item2].Split('\n').Select(v => new KeyValuePair<string, string>(p.Item1, v))).ToList();
                yield return new ImportItem.NodeItem(new ImportNode(nid, k, Get(caption) ?? nid, line, values));
            }
        }
    }

    private static ImportItem Reject(int line, string reason) => new ImportItem.Rejected(new ImportRejection(line, reason));

    private static bool TryDate(string s, out DateOnly d) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);


    /// <summary>Reads one RFC 4180 record (quoted fields may hold delimiters, quotes as "" and line breaks) into
    /// <paramref name="row"/>; returns the line it started on, or 0 at the end of the file. A field that our exports
    /// neutralised against formula injection ("'=…") is read back as it was (<see cref="Abstractions.SpreadsheetCells"/>).</summary>
    internal static int ReadRecord(TextReader reader, List<string> row, ref int line, char delimiter)
    {
        row.Clear();
        var text = reader.ReadLine();
        if (text is null) return 0;
        int startLine = ++line;
        var field = new StringBuilder();
        bool quoted = false;
        int i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                if (quoted)
                {
                    var next = reader.ReadLine();
                    if (next is null) { row.Add(Abstractions.SpreadsheetCells.Restore(field.ToString())); return startLine; }
                    line++;
                    field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }
                row.Add(Abstractions.SpreadsheetCells.Restore(field.ToString().Trim()));
                return startLine;
            }
            char c = text[i++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { row.Add(Abstractions.SpreadsheetCells.Restore(field.ToString().Trim())); field.Clear(); }
            else field.Append(c);
        }
    }
}
