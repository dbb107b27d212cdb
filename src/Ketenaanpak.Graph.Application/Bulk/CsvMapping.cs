using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>
/// How the columns of a CSV file map onto nodes and relations. A column is named by its header or, in a file without
/// header, by its 1-based position as "#1". The defaults read what `ketenaanpak generate` and `export --format csv`
/// write (nodes: id,kind,caption; edges: source,target,type,weight). Saved as JSON and reusable (--mapping FILE, or a
/// mapping saved under a name on the import page).
/// </summary>
public sealed record CsvMapping
{
    public bool HasHeader { get; init; } = true;
    public char Delimiter { get; init; } = ',';
    public NodeColumns Nodes { get; init; } = new();
    public EdgeColumns Edges { get; init; } = new();

    public sealed record NodeColumns
    {
        public string Id { get; init; } = "id";
        public string? Kind { get; init; } = "kind";
        /// <summary>Caption column; several names may be given as "label|caption|name" (the first present wins).</summary>
        public string? Caption { get; init; } = "caption|label|name";
        public string DefaultKind { get; init; } = "Person";
        /// <summary>Property name (NodeSchema) → column, e.g. { "firstName": "voornaam" }.</summary>
        public Dictionary<string, string> Properties { get; init; } = [];
    }

    public sealed record EdgeColumns
    {
        public string Source { get; init; } = "source";
        public string Target { get; init; } = "target";
        public string? Id { get; init; } = "id";
        public string? Type { get; init; } = "type";
        public string? Weight { get; init; } = "weight";
        public string? Detail { get; init; } = "detail";
        public string? ValidFrom { get; init; } = "validFrom";
        public string? ValidTo { get; init; } = "validTo";
        public string DefaultType { get; init; } = "LinkedTo";
        /// <summary>A column that splits one file into several networks (classic_networks: "graph"): its value
        /// prefixes the node ids, so karate node 0 and Florentine node 0 stay apart.</summary>
        public string? Group { get; init; }
        /// <summary>Endpoints that no node row declared are created with this kind; null rejects such rows.</summary>
        public string? ImpliedKind { get; init; } = "Person";
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses a saved mapping; a Dutch message on error.</summary>
    public static CsvMapping Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CsvMapping>(json, Json) ?? new CsvMapping();
        }
        catch (JsonException e)
        {
            throw new ImportFailedException($"De kolomindeling is geen geldige JSON: {e.Message}", e);
        }
    }
}
