using System.Text;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>
/// Edge lists, one-mode and two-mode matrices through the Analytics readers (EdgeListReader, MatrixReader), which
/// already handle BOMs, CR line endings, headers, repeated and reversed pairs and non-symmetric matrices, and say what
/// they did (their notes become the import report). Every tie becomes an undirected <see cref="RelationType.LinkedTo"/>
/// relation; vertices become nodes of the default kind (persons), a two-mode matrix's columns events.
/// </summary>
public static class MatrixAndEdgeListParser
{
    public static IEnumerable<ImportItem> Parse(string path, ImportFormat format, NodeKind defaultKind, DuplicateWeights duplicates)
    {
        EdgeListData data;
        var notes = new List<string>();
        try
        {
            switch (format)
            {
                case ImportFormat.EdgeList:
                    var dialect = SniffDialect(path);
                    data = EdgeListReader.ReadFile(path, duplicates, dialect);
                    notes.Add(dialect == EdgeListDialect.Csv
                        ? "kolommen gescheiden door komma's (namen mogen spaties bevatten)"
                        : "kolommen gescheiden door spaties, tabs of komma's");
                    notes.Add(duplicates == DuplicateWeights.Sum
                        ? "herhaalde en omgekeerde paren samengevoegd, gewichten opgeteld"
                        : "herhaalde en omgekeerde paren samengevoegd, eerste gewicht behouden");
                    break;
                case ImportFormat.Matrix:
                    using (var reader = Open(path)) data = MatrixReader.ReadAdjacency(reader);
                    break;
                case ImportFormat.TwoMode:
                    using (var reader = Open(path)) data = MatrixReader.ReadTwoMode(reader, defaultKind, NodeKind.Event);
                    notes.Add($"twee modi herkend: rijen als {NodeKindInfo.Of(defaultKind).DutchLabel.ToLowerInvariant()}, kolommen als gebeurtenis");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format));
            }
        }
        catch (FormatException e)
        {
            return [new ImportItem.Failed("Het bestand heeft niet de verwachte vorm: " + e.Message)];
        }
        return Items(data, notes, defaultKind);
    }

    private static IEnumerable<ImportItem> Items(EdgeListData data, List<string> notes, NodeKind defaultKind)
    {
        foreach (var note in notes) yield return new ImportItem.Note(note);
        foreach (var note in data.Notes) yield return new ImportItem.Note(note);
        for (int i = 0; i < data.NodeCount; i++)
            yield return new ImportItem.NodeItem(new ImportNode(data.Names[i], data.Kinds?[i] ?? defaultKind, data.Names[i],
                data.NodeLines?[i] ?? 0, []));
        for (int e = 0; e < data.EdgeCount; e++)
        {
            var (a, b) = (data.Names[data.U[e]], data.Names[data.V[e]]);
            yield return new ImportItem.RelationItem(new ImportRelation(null, a, b, RelationType.LinkedTo, data.Weights[e],
                data.EdgeLines?[e] ?? 0));
        }
    }

    /// <summary>Comma-separated when the first data line has a comma (names with spaces, as in the 9/11 list), else
    /// split on whitespace (Montagna's tabs, the Mexico list's spaces).</summary>
    private static EdgeListDialect SniffDialect(string path)
    {
        using var reader = Open(path);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#') continue;
            return t.Contains(',') ? EdgeListDialect.Csv : EdgeListDialect.Peers;
        }
        return EdgeListDialect.Peers;
    }

    internal static StreamReader Open(string path) =>
        new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
}
