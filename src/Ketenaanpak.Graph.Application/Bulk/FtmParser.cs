using System.Globalization;
using System.Text.Json;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>
/// FollowTheMoney entities, one JSON object per line, in two streaming passes: first the things (Person, Company,
/// Organization, Address, BankAccount, Vehicle, Identification, Event) as typed nodes with their properties mapped to
/// <see cref="NodeSchema"/> by FtM name; then the interval schemata (Payment, Ownership, Directorship, Employment,
/// Membership, Family, Associate, Representation, UnknownLink) and entity-valued properties (addressEntity) as typed
/// relations. Each payment stays its own relation (id = the FtM id), with amount and date.
/// </summary>
public static class FtmParser
{
    private static readonly Dictionary<string, NodeKind> Things = new(StringComparer.Ordinal)
    {
        ["Person"] = NodeKind.Person, ["Company"] = NodeKind.Company, ["Organization"] = NodeKind.Company,
        ["LegalEntity"] = NodeKind.Company, ["PublicBody"] = NodeKind.Company, ["Address"] = NodeKind.Address,
        ["BankAccount"] = NodeKind.BankAccount, ["Vehicle"] = NodeKind.Vehicle, ["Passport"] = NodeKind.Document,
        ["Identification"] = NodeKind.Document, ["Event"] = NodeKind.Event, ["Article"] = NodeKind.OnlineAd,
        ["Phone"] = NodeKind.Phone,
    };

    private static readonly Dictionary<string, (string From, string To, RelationType Type)> Intervals = new(StringComparer.Ordinal)
    {
        ["Payment"] = ("payer", "beneficiary", RelationType.PaysTo),
        ["Ownership"] = ("owner", "asset", RelationType.OwnerOf),
        ["Directorship"] = ("director", "organization", RelationType.DirectorOf),
        ["Employment"] = ("employee", "employer", RelationType.EmployedBy),
        ["Membership"] = ("member", "organization", RelationType.Associate),
        ["Family"] = ("person", "relative", RelationType.Family),
        ["Associate"] = ("person", "associate", RelationType.Associate),
        ["Representation"] = ("agent", "client", RelationType.Accompanies),
        ["UnknownLink"] = ("subject", "object", RelationType.LinkedTo),
    };

    /// <summary>The FtM schema of each interval relation type, for export (first match wins).</summary>
    public static (string Schema, string From, string To)? IntervalOf(RelationType type) =>
        Intervals.Where(i => i.Value.Type == type).Select(i => ((string, string, string)?)(i.Key, i.Value.From, i.Value.To)).FirstOrDefault();

    public static IEnumerable<ImportItem> Parse(string path)
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, root, error) in Lines(path))
        {
            if (error is not null) { yield return Reject(line, error); continue; }
            var (id, schema, props) = root;
            if (Intervals.ContainsKey(schema)) continue;
            if (!Things.TryGetValue(schema, out var kind)) { yield return Reject(line, $"FtM-schema '{schema}' wordt niet ondersteund."); continue; }
            counts[schema] = counts.GetValueOrDefault(schema) + 1;
            nodes.Add(id);
            yield return new ImportItem.NodeItem(new ImportNode(id, kind, CaptionOf(schema, props, id), line, PropertiesOf(kind, props)));
        }
        yield return new ImportItem.Note("FtM-entiteiten getypeerd: " + string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));

        int dangling = 0;
        foreach (var (line, root, error) in Lines(path))
        {
            if (error is not null) continue; // reported in the first pass
            var (id, schema, props) = root;
            if (Intervals.TryGetValue(schema, out var ends))
            {
                var from = Values(props, ends.From).ToList();
                var to = Values(props, ends.To).ToList();
                if (from.Count == 0 || to.Count == 0) { yield return Reject(line, $"{schema} zonder {ends.From} of {ends.To}."); continue; }
                // Our own export writes types FtM lacks as UnknownLink (and Membership, Associate, Representation)
                // with the type as role: read it back so a round trip keeps the type.
                var type = First(props, "role") is { } role && BulkNames.TryRelationType(role, out var roleType) ? roleType : ends.Type;
                var detail = schema == "Payment" ? PaymentDetail(props) ?? First(props, "description")
                    : type != ends.Type ? First(props, "summary") : First(props, "role") ?? First(props, "relationship") ?? First(props, "summary");
                double weight = First(props, "weight") is { } ws && double.TryParse(ws, NumberStyles.Float, CultureInfo.InvariantCulture, out var wv) ? wv : 1;
                var date = ParseDate(First(props, "date") ?? First(props, "startDate"));
                var end = ParseDate(First(props, "endDate"));
                int n = 0;
                foreach (var a in from)
                foreach (var b in to)
                {
                    if (!nodes.Contains(a) || !nodes.Contains(b)) { dangling++; continue; }
                    var relId = n++ == 0 ? id : $"{id}#{n}";
                    yield return new ImportItem.RelationItem(new ImportRelation(relId, a, b, type, weight, line, detail, date,
                        end is { } e && date is { } d && e < d ? null : end));
                }
                continue;
            }
            if (props.ValueKind != JsonValueKind.Object) continue;
            foreach (var prop in props.EnumerateObject())
            foreach (var value in Values(props, prop.Name))
            {
                if (!nodes.Contains(value) || value == id) continue;
                var type = prop.Name == "addressEntity" ? RelationType.RegisteredAt : RelationType.LinkedTo;
                yield return new ImportItem.RelationItem(new ImportRelation(null, id, value, type, 1, line,
                    type == RelationType.LinkedTo ? prop.Name : null));
            }
        }
        if (dangling > 0) yield return new ImportItem.Note($"{dangling} relatie(s) naar entiteiten die niet in het bestand staan overgeslagen");
    }

    private static ImportItem Reject(int line, string reason) => new ImportItem.Rejected(new ImportRejection(line, reason));

    private static IEnumerable<(int Line, (string Id, string Schema, JsonElement Props) Root, string? Error)> Lines(string path)
    {
        using var reader = MatrixAndEdgeListParser.Open(path);
        string? text;
        int line = 0;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            (string, string, JsonElement) root = default;
            string? error = null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var r = doc.RootElement;
                if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                    || !r.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
                    error = "Een FtM-regel heeft een 'id' en een 'schema' nodig.";
                else if (id.GetString()!.Length is 0 or > ImportKeys.MaxSourceIdLength)
                    error = $"Een FtM-id heeft 1–{ImportKeys.MaxSourceIdLength} tekens.";
                else
                    root = (id.GetString()!, schema.GetString()!, r.TryGetProperty("properties", out var p) ? p.Clone() : default);
            }
            catch (JsonException)
            {
                error = "Geen geldige JSON op deze regel.";
            }
            yield return (line, root, error);
        }
    }

    private static string CaptionOf(string schema, JsonElement props, string id) =>
        First(props, "name") ?? First(props, "full") ?? First(props, "caption") ?? First(props, "number")
        ?? First(props, "iban") ?? First(props, "registrationNumber") ?? $"{schema} {id[..Math.Min(12, id.Length)]}";

    private static IReadOnlyList<KeyValuePair<string, string>> PropertiesOf(NodeKind kind, JsonElement props)
    {
        if (props.ValueKind != JsonValueKind.Object) return [];
        var list = new List<KeyValuePair<string, string>>();
        foreach (var def in NodeSchema.Of(kind))
        foreach (var value in Values(props, def.FtmName))
            list.Add(new(def.Name, value));
        return list;
    }

    private static string? PaymentDetail(JsonElement props)
    {
        var amount = First(props, "amountEur") ?? First(props, "amount");
        if (amount is null) return null;
        var currency = First(props, "amountEur") is not null ? "EUR" : First(props, "currency") ?? "";
        return $"{amount} {currency}".Trim();
    }

    private static DateOnly? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? First(JsonElement props, string name) => Values(props, name).FirstOrDefault();

    private static IEnumerable<string> Values(JsonElement props, string name)
    {
        if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty(name, out var arr)) yield break;
        if (arr.ValueKind == JsonValueKind.String) { yield return arr.GetString()!; yield break; }
        if (arr.ValueKind != JsonValueKind.Array) yield break;
        foreach (var x in arr.EnumerateArray())
            if (x.ValueKind == JsonValueKind.String && x.GetString() is { Length: > 0 } s) yield return s;
    }
}
