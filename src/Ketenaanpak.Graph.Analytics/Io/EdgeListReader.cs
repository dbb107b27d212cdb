using System.Globalization;

namespace Ketenaanpak.Graph.Analytics.Io;

/// <summary>What to do with the weight of a pair seen more than once.</summary>
public enum DuplicateWeights
{
    /// <summary>Keep the first weight (what peers.py does, which ignores weights anyway).</summary>
    First,
    /// <summary>Add the weights up (repeated meetings count as a stronger tie).</summary>
    Sum,
}

/// <summary>How fields and headers of an edge list are recognised.</summary>
public enum EdgeListDialect
{
    /// <summary>peers.py: fields split on whitespace and commas; before the first edge, a line whose first two fields
    /// contain no digit is a header.</summary>
    Peers,
    /// <summary>CSV: fields split on commas only (names may contain spaces, as in "Hani Hanjour"); only the first line
    /// can be a header, and only when none of its fields contains a digit.</summary>
    Csv,
}

/// <summary>
/// Reads undirected edge lists by the rules of <c>shared/bench/peers.py</c>, so results line up vertex by vertex:
/// lines split on whitespace, tabs or commas; blank lines and '#' comments skipped; lines with fewer than two fields
/// skipped; before the first edge, a line whose first two fields contain no digit is a header and skipped; self-loops
/// dropped; duplicate and reversed pairs collapse to one edge; a UTF-8 BOM and CR, LF or CRLF line endings are handled.
/// A third field that parses as a number is the weight (default 1). Vertices are numbered in peers.py's order
/// (shorter names first, then ordinal), so vertex 0 and n-1 are the same vertices there.
/// </summary>
public static class EdgeListReader
{
    /// <summary>Reads a file; see <see cref="Read(TextReader, DuplicateWeights, EdgeListDialect)"/>.</summary>
    public static EdgeListData ReadFile(string path, DuplicateWeights duplicates = DuplicateWeights.First,
        EdgeListDialect dialect = EdgeListDialect.Peers)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { BufferSize = 1 << 16 });
        return Read(reader, duplicates, dialect);
    }

    /// <summary>Reads an edge list. O(lines) expected time.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static EdgeListData Read(TextReader reader, DuplicateWeights duplicates = DuplicateWeights.First,
        EdgeListDialect dialect = EdgeListDialect.Peers)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var names = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var u = new List<int>();
        var v = new List<int>();
        var w = new List<double>();
        var seen = new Dictionary<long, int>(Internal.PairKeyComparer.Instance);
        int headers = 0, selfLoops = 0, dups = 0, comments = 0;
        bool started = false;
        string? line;
        Span<Range> parts = stackalloc Range[4];
        while ((line = reader.ReadLine()) is not null)
        {
            var span = line.AsSpan().Trim();
            if (span.IsEmpty) continue;
            if (span[0] == '#') { comments++; continue; }
            bool csv = dialect == EdgeListDialect.Csv;
            int count = csv ? SplitCsv(span, parts) : Split(span, parts);
            bool first = !started;
            started = true;
            if (count < 2) continue;
            var a = span[parts[0]];
            var b = span[parts[1]];
            if (csv ? first && !HasDigit(span) : u.Count == 0 && !HasDigit(a) && !HasDigit(b)) { headers++; continue; }
            if (a.IsEmpty || b.IsEmpty) continue;
            if (a.SequenceEqual(b)) { selfLoops++; continue; }
            double weight = 1.0;
            if (count >= 3 && double.TryParse(span[parts[2]], NumberStyles.Float, CultureInfo.InvariantCulture, out var pw))
                weight = pw;
            int ia = Intern(a), ib = Intern(b);
            long key = ia < ib ? ((long)ia << 32) | (uint)ib : ((long)ib << 32) | (uint)ia;
            if (seen.TryGetValue(key, out int existing))
            {
                dups++;
                if (duplicates == DuplicateWeights.Sum) w[existing] += weight;
                continue;
            }
            seen.Add(key, u.Count);
            u.Add(ia); v.Add(ib); w.Add(weight);
        }
        var notes = new List<string>();
        if (headers > 0) notes.Add($"skipped {headers} header line(s)");
        if (comments > 0) notes.Add($"skipped {comments} comment line(s)");
        if (selfLoops > 0) notes.Add($"dropped {selfLoops} self-loop(s)");
        if (dups > 0) notes.Add($"collapsed {dups} duplicate or reversed pair(s) ({(duplicates == DuplicateWeights.Sum ? "weights summed" : "first weight kept")})");
        return EdgeListData.Ordered(names, u, v, w, notes);

        int Intern(ReadOnlySpan<char> name)
        {
            if (lookup.TryGetValue(name, out int id)) return id;
            var s = name.ToString();
            id = names.Count;
            names.Add(s);
            ids.Add(s, id);
            return id;
        }
    }

    /// <summary>Splits on runs of whitespace and commas (peers.py replaces ',' and '\t' by ' ' then splits).</summary>
    internal static int Split(ReadOnlySpan<char> s, Span<Range> parts)
    {
        int count = 0, i = 0;
        while (i < s.Length && count < parts.Length)
        {
            while (i < s.Length && IsSep(s[i])) i++;
            if (i >= s.Length) break;
            int start = i;
            while (i < s.Length && !IsSep(s[i])) i++;
            parts[count++] = new Range(start, i);
        }
        return count;
    }

    /// <summary>Splits on commas only, trimming each field.</summary>
    internal static int SplitCsv(ReadOnlySpan<char> s, Span<Range> parts)
    {
        int count = 0, start = 0;
        for (int i = 0; i <= s.Length && count < parts.Length; i++)
        {
            if (i < s.Length && s[i] != ',') continue;
            int a = start, b = i;
            while (a < b && char.IsWhiteSpace(s[a])) a++;
            while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
            parts[count++] = new Range(a, b);
            start = i + 1;
        }
        return count;
    }

    private static bool IsSep(char c) => c == ',' || char.IsWhiteSpace(c);

    private static bool HasDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsDigit(c)) return true;
        return false;
    }
}
