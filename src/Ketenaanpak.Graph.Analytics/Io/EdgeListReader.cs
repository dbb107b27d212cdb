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

    /// <summary>Reads an edge list. O(lines + m log m).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static EdgeListData Read(TextReader reader, DuplicateWeights duplicates = DuplicateWeights.First,
        EdgeListDialect dialect = EdgeListDialect.Peers)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var names = new NameTable();
        var keys = new List<long>();
        var w = new List<double>();
        var keyLines = new List<int>();
        var nodeLines = new List<int>();
        int headers = 0, selfLoops = 0, comments = 0, lineNo = 0;
        bool started = false;
        bool csv = dialect == EdgeListDialect.Csv;
        string? line;
        Span<Range> parts = stackalloc Range[4];
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty) continue;
            if (span[0] == '#') { comments++; continue; }
            int count = csv ? SplitCsv(span, parts) : Split(span, parts);
            bool first = !started;
            started = true;
            if (count < 2) continue;
            var a = span[parts[0]];
            var b = span[parts[1]];
            // peers.py's header test ("no digit in the first two fields, before any edge") — keys.Count counts
            // edges read so far, duplicates included, which is what "not edges" means there after the first edge.
            if (csv ? first && !HasDigit(span) : keys.Count == 0 && !HasDigit(a) && !HasDigit(b)) { headers++; continue; }
            if (a.IsEmpty || b.IsEmpty) continue;
            if (a.SequenceEqual(b)) { selfLoops++; continue; }
            double weight = 1.0;
            if (count >= 3 && double.TryParse(span[parts[2]], NumberStyles.Float, CultureInfo.InvariantCulture, out var pw))
                weight = pw;
            int ia = names.Intern(a), ib = names.Intern(b);
            while (nodeLines.Count < names.Count) nodeLines.Add(lineNo);
            keyLines.Add(lineNo);
            keys.Add(ia < ib ? ((long)ia << 32) | (uint)ib : ((long)ib << 32) | (uint)ia);
            w.Add(weight);
        }
        // Collapse duplicate and reversed pairs by sorting (a hash set of millions of pairs is bound by cache
        // misses); among equal keys the earliest line wins, as in peers.py.
        var keyArr = keys.ToArray();
        var lineOf = new int[keyArr.Length];
        for (int i = 0; i < lineOf.Length; i++) lineOf[i] = i;
        Array.Sort(keyArr, lineOf);
        var u = new List<int>(keyArr.Length);
        var v = new List<int>(keyArr.Length);
        var ws = new List<double>(keyArr.Length);
        var edgeLines = new List<int>(keyArr.Length);
        int dups = 0;
        for (int i = 0; i < keyArr.Length;)
        {
            int j = i, firstLine = lineOf[i];
            double sum = 0;
            while (j < keyArr.Length && keyArr[j] == keyArr[i])
            {
                firstLine = Math.Min(firstLine, lineOf[j]);
                sum += w[lineOf[j]];
                j++;
            }
            dups += j - i - 1;
            u.Add((int)(keyArr[i] >> 32));
            v.Add((int)(keyArr[i] & 0xffffffff));
            ws.Add(duplicates == DuplicateWeights.Sum ? sum : w[firstLine]);
            edgeLines.Add(keyLines[firstLine]);
            i = j;
        }
        var notes = new List<string>();
        if (headers > 0) notes.Add($"skipped {headers} header line(s)");
        if (comments > 0) notes.Add($"skipped {comments} comment line(s)");
        if (selfLoops > 0) notes.Add($"dropped {selfLoops} self-loop(s)");
        if (dups > 0) notes.Add($"collapsed {dups} duplicate or reversed pair(s) ({(duplicates == DuplicateWeights.Sum ? "weights summed" : "first weight kept")})");
        return EdgeListData.Ordered(names.Materialize(), u, v, ws, notes, null, names.NumericValues(), nodeLines, edgeLines);
    }

    /// <summary>
    /// Interns vertex names. Canonical non-negative integers below 2^24 (the usual case for generated and exported
    /// edge lists) are looked up in a flat array instead of a string dictionary: with a million names, dictionary
    /// lookups miss the cache three times each and dominated reading.
    /// </summary>
    private sealed class NameTable
    {
        public int Count => _names.Count;

        private const int DirectLimit = 1 << 24;
        private int[] _byNumber = [];
        private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
        private readonly List<string?> _names = [];
        private readonly List<int> _numbers = [];

        public int Intern(ReadOnlySpan<char> name)
        {
            if (TryCanonical(name, out int num) && num < DirectLimit)
            {
                if (num >= _byNumber.Length)
                {
                    int old = _byNumber.Length;
                    Array.Resize(ref _byNumber, Math.Max(num + 1, Math.Min(DirectLimit, Math.Max(1024, old * 2))));
                    _byNumber.AsSpan(old).Fill(-1);
                }
                int id = _byNumber[num];
                if (id >= 0) return id;
                id = _names.Count;
                _byNumber[num] = id;
                _names.Add(null);
                _numbers.Add(num);
                return id;
            }
            var lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(name, out int existing)) return existing;
            var s = name.ToString();
            int nid = _names.Count;
            _byName.Add(s, nid);
            _names.Add(s);
            _numbers.Add(-1);
            return nid;
        }

        public List<string> Materialize()
        {
            var list = new List<string>(_names.Count);
            for (int i = 0; i < _names.Count; i++)
                list.Add(_names[i] ?? _numbers[i].ToString(CultureInfo.InvariantCulture));
            return list;
        }

        /// <summary>Per id its integer value or -1: lets the peers ordering compare numbers, not strings.</summary>
        public List<int> NumericValues() => _numbers;

        private static bool TryCanonical(ReadOnlySpan<char> s, out int value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > 8 || (s[0] == '0' && s.Length > 1)) return false;
            foreach (var c in s)
            {
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
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
