namespace Ketenaanpak.Graph.Application.Tests.Generation;

/// <summary>
/// The edge-list rules of /work/shared/bench/peers.py (read_edges), transcribed line for line, so the tests can show
/// that the peer comparison sees the graph the generator meant: '#' comments and blank lines skipped, commas and tabs
/// as separators, a first line without digits in its first two fields taken as a header, self-loops dropped, and
/// duplicate or reversed pairs collapsed. n is the number of vertices that occur in an edge.
/// </summary>
public static class PeersEdgeListReader
{
    public static (int N, int M) Read(string text)
    {
        var seen = new HashSet<(string, string)>();
        var vertices = new HashSet<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Replace(',', ' ').Replace('\t', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (!(parts[0] + parts[1]).Any(char.IsDigit) && seen.Count == 0) continue;
            var (u, v) = (parts[0], parts[1]);
            if (u == v) continue;
            // Python compares str by code point, as ordinal comparison does.
            var key = string.CompareOrdinal(u, v) < 0 ? (u, v) : (v, u);
            if (!seen.Add(key)) continue;
            vertices.Add(u);
            vertices.Add(v);
        }
        return (vertices.Count, seen.Count);
    }
}
