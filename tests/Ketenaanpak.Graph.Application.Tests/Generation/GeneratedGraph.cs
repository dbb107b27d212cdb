using System.Globalization;
using Ketenaanpak.Graph.Application.Generation;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Tests.Generation;

/// <summary>
/// A generated graph read back from its CSV text by a reader written independently of the generator, so the tests
/// check the files a user gets, not the generator's own bookkeeping.
/// </summary>
public sealed record GeneratedGraph(string NodesCsv, string EdgesCsv, List<GeneratedNode> Nodes, List<GeneratedEdge> Edges)
{
    public static GeneratedGraph Create(long nodes, long edges, long seed)
    {
        var nodesText = new StringWriter();
        var edgesText = new StringWriter();
        SyntheticGraphGenerator.Generate(new SyntheticGraphOptions(nodes, edges, seed), nodesText, edgesText);
        return Parse(nodesText.ToString(), edgesText.ToString());
    }

    public static GeneratedGraph Parse(string nodesCsv, string edgesCsv)
    {
        var nodeRows = ReadRows(nodesCsv, ["id", "kind", "label"]);
        var nodes = nodeRows.Select(r => new GeneratedNode(long.Parse(r[0], CultureInfo.InvariantCulture), Enum.Parse<NodeKind>(r[1]), r[2])).ToList();
        var edgeRows = ReadRows(edgesCsv, ["source", "target", "type", "weight"]);
        var edges = edgeRows.Select(r => new GeneratedEdge(long.Parse(r[0], CultureInfo.InvariantCulture),
            long.Parse(r[1], CultureInfo.InvariantCulture), Enum.Parse<RelationType>(r[2]), int.Parse(r[3], CultureInfo.InvariantCulture))).ToList();
        return new GeneratedGraph(nodesCsv, edgesCsv, nodes, edges);
    }

    public long[] Degrees()
    {
        var degrees = new long[Nodes.Count];
        foreach (var e in Edges)
        {
            degrees[e.Source]++;
            degrees[e.Target]++;
        }
        return degrees;
    }

    /// <summary>Rows of an RFC 4180 file with LF line ends; checks the header and the field count of every row.</summary>
    private static List<string[]> ReadRows(string text, string[] header)
    {
        Assert.EndsWith("\n", text);
        Assert.DoesNotContain("\r", text);
        var lines = text[..^1].Split('\n');
        Assert.Equal(string.Join(',', header), lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var fields = SplitQuoted(line);
            Assert.True(fields.Length == header.Length, $"Expected {header.Length} fields in '{line}'.");
            return fields;
        }).ToList();
    }

    private static string[] SplitQuoted(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else
            {
                Assert.True(c != '"', $"A bare quote inside an unquoted field: '{line}'.");
                field.Append(c);
            }
        }
        Assert.False(quoted, $"An unterminated quoted field: '{line}'.");
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}

public sealed record GeneratedNode(long Id, NodeKind Kind, string Label);

public sealed record GeneratedEdge(long Source, long Target, RelationType Type, int Weight);
