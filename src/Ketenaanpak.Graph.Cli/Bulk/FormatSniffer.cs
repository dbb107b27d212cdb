using System.Globalization;
using Ketenaanpak.Graph.Application.Bulk;

namespace Ketenaanpak.Graph.Cli.Bulk;

/// <summary>Guesses a file's format when --format is not given; --format always wins.</summary>
public static class FormatSniffer
{
    public static ImportFormat Detect(string path)
    {
        if (Directory.Exists(path)) return ImportFormat.Csv;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".ijson" or ".jsonl" or ".ndjson" or ".json") return ImportFormat.Ftm;
        if (ext is ".graphml" or ".xml") return ImportFormat.GraphMl;
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null && lines.Count < 2000)
            if (line.Trim().Length > 0) lines.Add(line.Trim());
        if (lines.Count == 0) return ImportFormat.EdgeList;
        char sep = lines[0].Contains(',') ? ',' : lines[0].Contains('\t') ? '\t' : ' ';
        var first = lines[0].Split(sep, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = first.Select(c => c.Trim('"').ToLowerInvariant()).ToArray();
        if (header.Contains("source") && header.Contains("target") || header.Contains("id")) return ImportFormat.Csv;
        bool numericFirst = double.TryParse(first[0].Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (first.Length >= 3 && reader.EndOfStream)
        {
            int rows = numericFirst ? lines.Count : lines.Count - 1;
            int cols = numericFirst ? first.Length : first.Length - 1;
            if (rows == cols) return ImportFormat.Matrix;
            if (!numericFirst && rows > 1 && lines[1].Split(sep).Skip(1).All(c => double.TryParse(c.Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                return ImportFormat.TwoMode;
        }
        return ImportFormat.EdgeList;
    }

    /// <summary>The file name without extension, reduced to the characters a dataset name allows.</summary>
    public static string DatasetName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));
        var clean = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return clean.Length == 0 ? "import" : clean[..Math.Min(clean.Length, ImportKeys.MaxDatasetLength)];
    }
}
