using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Cli.Analyse;

/// <summary>Picks the reader for a --format value (or guesses it from the file) and reads the network.</summary>
internal static class GraphFileLoader
{
    public static EdgeListData Load(string path, string? format)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Input file not found: {path}", path);
        format ??= Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".graphml" => "graphml",
            ".ijson" or ".ftm" => "ftm",
            _ => "edgelist",
        };
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { BufferSize = 1 << 16 });
        return format switch
        {
            "edgelist" => EdgeListReader.Read(reader),
            "csv" => EdgeListReader.Read(reader, DuplicateWeights.First, EdgeListDialect.Csv),
            "edgelist-sum" => EdgeListReader.Read(reader, DuplicateWeights.Sum),
            "matrix" => MatrixReader.ReadAdjacency(reader),
            "twomode" => MatrixReader.ReadTwoMode(reader, NodeKind.Person, null),
            "graphml" => GraphMlReader.Read(reader),
            "ftm" => FtmReader.Read(reader),
            _ => throw new ArgumentException($"unknown --format {format} (edgelist|csv|edgelist-sum|matrix|twomode|graphml|ftm)"),
        };
    }
}
