using System.Globalization;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Analytics.Io;

/// <summary>
/// Reads adjacency matrices (one-mode, n×n) and incidence matrices (two-mode, rows × columns) from comma-, tab- or
/// space-separated text, handling a UTF-8 BOM, quoted header cells and CR-only line endings (Noordin Top).
/// </summary>
public static class MatrixReader
{
    /// <summary>
    /// Reads a one-mode matrix as an undirected graph. A first row whose first cell is not a number is a header of
    /// column names, and then every row starts with its row name; without a header, vertices are named "1".."n".
    /// A non-symmetric (valued) matrix becomes the undirected union with weights summed: w(i,j) = a[i,j] + a[j,i]
    /// (the CAVIAR rule); a symmetric matrix keeps w(i,j) = a[i,j]. The diagonal is ignored. Every row is a vertex, isolated ones included.
    /// </summary>
    public static EdgeListData ReadAdjacency(TextReader reader)
    {
        var lines = new List<int>();
        var (header, rows) = ReadCells(reader, lines);
        if (header is not null) lines.RemoveAt(0);
        int n = rows.Count;
        var names = new List<string>(n);
        var values = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var row = rows[i];
            int offset = header is null ? 0 : 1;
            names.Add(header is null ? (i + 1).ToString(CultureInfo.InvariantCulture) : Unquote(row[0]));
            if (row.Length - offset != n)
                throw new FormatException($"Matrix row {i + 1} has {row.Length - offset} values; expected {n}.");
            values[i] = row.Skip(offset).Select(ParseCell).ToArray();
        }
        // Column j of the header names a vertex; align columns to rows by name when the header gives names.
        var colToRow = Enumerable.Range(0, n).ToArray();
        var notes = new List<string>();
        if (header is not null)
        {
            var rowIndex = names.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
            for (int j = 0; j < n; j++)
            {
                var colName = Unquote(header[j + 1]);
                colToRow[j] = rowIndex.TryGetValue(colName, out int r)
                    ? r
                    : throw new FormatException($"Column '{colName}' names no row of the matrix.");
            }
        }
        var w = new double[n, n];
        bool symmetric = true;
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            w[i, colToRow[j]] = values[i][j];
        for (int i = 0; i < n && symmetric; i++)
        for (int j = i + 1; j < n; j++)
            if (w[i, j] != w[j, i]) { symmetric = false; break; }
        var u = new List<int>();
        var v = new List<int>();
        var ws = new List<double>();
        var edgeLines = new List<int>();
        for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
        {
            double sum = symmetric ? w[i, j] : w[i, j] + w[j, i];
            if (sum == 0) continue;
            u.Add(i); v.Add(j); ws.Add(sum);
            edgeLines.Add(lines[w[i, j] != 0 ? i : j]);
        }
        notes.Add(symmetric
            ? "symmetric matrix: one undirected tie per non-zero pair, weight a[i,j]"
            : "non-symmetric matrix: undirected union, weights summed a[i,j]+a[j,i]");
        return EdgeListData.Ordered(names, u, v, ws, notes, nodeLines: lines, edgeLines: edgeLines);
    }

    /// <summary>
    /// Reads a two-mode (rows × columns) incidence matrix with a header of column names and row names in the first
    /// column as a bipartite graph: rows become <paramref name="rowKind"/> vertices, columns
    /// <paramref name="columnKind"/> vertices (kinds may be null), a non-zero cell an edge weighted by its value.
    /// </summary>
    public static EdgeListData ReadTwoMode(TextReader reader, NodeKind? rowKind = null, NodeKind? columnKind = null)
    {
        var lines = new List<int>();
        var (header, rows) = ReadCells(reader, lines);
        if (header is null) throw new FormatException("A two-mode matrix needs a header row of column names.");
        int headerLine = lines[0];
        var nodeLines = lines.Skip(1).ToList();
        var edgeLines = new List<int>();
        var names = new List<string>();
        var kinds = new List<NodeKind?>();
        foreach (var row in rows) { names.Add(Unquote(row[0])); kinds.Add(rowKind); }
        int columns = header.Length - 1;
        for (int j = 0; j < columns; j++) { names.Add(Unquote(header[j + 1])); kinds.Add(columnKind); nodeLines.Add(headerLine); }
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new FormatException("Row and column names of a two-mode matrix must all differ.");
        var u = new List<int>();
        var v = new List<int>();
        var ws = new List<double>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length - 1 != columns)
                throw new FormatException($"Row {i + 1} has {rows[i].Length - 1} values; expected {columns}.");
            for (int j = 0; j < columns; j++)
            {
                double x = ParseCell(rows[i][j + 1]);
                if (x == 0) continue;
                u.Add(i); v.Add(rows.Count + j); ws.Add(x);
                edgeLines.Add(nodeLines[i]);
            }
        }
        var notes = new List<string> { $"two-mode matrix: {rows.Count} row vertices × {columns} column vertices, {u.Count} ties" };
        return EdgeListData.Ordered(names, u, v, ws, notes, kinds, nodeLines: nodeLines, edgeLines: edgeLines);
    }

    private static (string[]? Header, List<string[]> Rows) ReadCells(TextReader reader) => ReadCells(reader, []);

    /// <param name="lines">Receives the 1-based file line of the header (if any) and of each row, in order.</param>
    private static (string[]? Header, List<string[]> Rows) ReadCells(TextReader reader, List<int> lines)
    {
        // ReadLine splits on CR, LF and CRLF alike, which is what CR-only files need.
        var rows = new List<string[]>();
        string? line;
        int lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var t = line.Trim().TrimStart('\uFEFF');
            if (t.Length == 0) continue;
            lines.Add(lineNo);
            var sep = t.Contains(',') ? new[] { ',' } : new[] { '\t', ' ' };
            rows.Add(t.Split(sep, StringSplitOptions.TrimEntries | (sep.Length > 1 ? StringSplitOptions.RemoveEmptyEntries : 0)));
        }
        if (rows.Count == 0) return (null, rows);
        bool hasHeader = !double.TryParse(Unquote(rows[0][0]), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (!hasHeader) return (null, rows);
        return (rows[0], rows.Skip(1).ToList());
    }

    private static double ParseCell(string s) =>
        double.TryParse(Unquote(s), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw new FormatException($"Matrix cell '{s}' is not a number.");

    private static string Unquote(string s) => s.Trim().Trim('"').Trim();
}
