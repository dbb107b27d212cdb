namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>Chooses the writer of a format; file formats write to a stream, folder formats to a directory.</summary>
public static class ExportWriters
{
    public static bool IsFolderFormat(ExportFormat format) => format is ExportFormat.Csv or ExportFormat.Neo4jCsv;

    public static IExportWriter ForStream(ExportFormat format, Stream output) => format switch
    {
        ExportFormat.GraphMl => new GraphMlExportWriter(output),
        ExportFormat.Ftm => new FtmExportWriter(output),
        ExportFormat.Cypher => new CypherExportWriter(output, SchemaCypher()),
        _ => throw new ArgumentOutOfRangeException(nameof(format), "CSV exports write a folder."),
    };

    public static IExportWriter ForFolder(ExportFormat format, string directory) => format switch
    {
        ExportFormat.Csv => new CsvExportWriter(directory, neo4j: false),
        ExportFormat.Neo4jCsv => new CsvExportWriter(directory, neo4j: true),
        _ => throw new ArgumentOutOfRangeException(nameof(format), "This format writes one file."),
    };

    /// <summary>cypher/schema.cypher as built into this assembly.</summary>
    public static string SchemaCypher()
    {
        using var stream = typeof(ExportWriters).Assembly.GetManifestResourceStream("Ketenaanpak.Graph.cypher.schema.cypher")
            ?? throw new InvalidOperationException("cypher/schema.cypher is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static bool TryParse(string? text, out ExportFormat format)
    {
        (bool ok, format) = (text ?? "").ToLowerInvariant() switch
        {
            "graphml" => (true, ExportFormat.GraphMl),
            "ftm" => (true, ExportFormat.Ftm),
            "csv" => (true, ExportFormat.Csv),
            "cypher" => (true, ExportFormat.Cypher),
            "neo4j-csv" or "neo4jcsv" => (true, ExportFormat.Neo4jCsv),
            _ => (false, default),
        };
        return ok;
    }
}
