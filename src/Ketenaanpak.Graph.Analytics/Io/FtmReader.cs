using System.Text.Json;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Analytics.Io;

/// <summary>
/// Reads FollowTheMoney entities (one JSON object per line) as an undirected graph. Interval schemata become edges
/// between their two endpoint properties (Payment payer–beneficiary, Ownership owner–asset, Directorship
/// director–organization, Employment employer–employee, Membership member–organization, Family person–relative,
/// Associate person–associate, Representation agent–client, UnknownLink subject–object); every other entity is a vertex,
/// and any property of a vertex whose value is the id of another vertex (e.g. addressEntity) is an edge too. Parallel
/// edges (several payments) collapse to one whose weight counts them. Vertex names are entity ids.
/// </summary>
public static class FtmReader
{
    private static readonly Dictionary<string, (string A, string B)> Intervals = new(StringComparer.Ordinal)
    {
        ["Payment"] = ("payer", "beneficiary"), ["Ownership"] = ("owner", "asset"),
        ["Directorship"] = ("director", "organization"), ["Employment"] = ("employer", "employee"),
        ["Membership"] = ("member", "organization"), ["Family"] = ("person", "relative"),
        ["Associate"] = ("person", "associate"), ["Representation"] = ("agent", "client"),
        ["UnknownLink"] = ("subject", "object"),
    };

    /// <summary>Reads FtM line-delimited JSON.</summary>
    public static EdgeListData Read(TextReader reader)
    {
        var entities = new List<(string Id, string Schema, JsonElement Props)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            entities.Add((root.GetProperty("id").GetString()!, root.GetProperty("schema").GetString()!,
                root.TryGetProperty("properties", out var p) ? p.Clone() : default));
        }
        var names = new List<string>();
        var kinds = new List<NodeKind?>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entities.Where(e => !Intervals.ContainsKey(e.Schema)))
        {
            ids[e.Id] = names.Count;
            names.Add(e.Id);
            kinds.Add(e.Schema switch
            {
                "Person" => NodeKind.Person, "Company" or "Organization" or "LegalEntity" => NodeKind.Company,
                "Address" => NodeKind.Address, "BankAccount" => NodeKind.BankAccount, "Vehicle" => NodeKind.Vehicle,
                "Passport" or "Identification" => NodeKind.Document, _ => null,
            });
        }
        var pairs = new Dictionary<long, int>(Internal.PairKeyComparer.Instance);
        var u = new List<int>();
        var v = new List<int>();
        var w = new List<double>();
        int dangling = 0;
        foreach (var e in entities)
        {
            if (e.Props.ValueKind != JsonValueKind.Object) continue;
            if (Intervals.TryGetValue(e.Schema, out var ends))
            {
                foreach (var a in Values(e.Props, ends.A))
                foreach (var b in Values(e.Props, ends.B))
                    Add(a, b);
            }
            else
            {
                foreach (var prop in e.Props.EnumerateObject())
                foreach (var val in Values(e.Props, prop.Name))
                    if (ids.ContainsKey(val)) Add(e.Id, val);
            }
        }
        var notes = new List<string> { $"{names.Count} entities as vertices, {u.Count} distinct ties" };
        if (dangling > 0) notes.Add($"skipped {dangling} tie(s) to entities not in the file");
        return EdgeListData.Ordered(names, u, v, w, notes, kinds);

        void Add(string a, string b)
        {
            if (!ids.TryGetValue(a, out int ia) || !ids.TryGetValue(b, out int ib)) { dangling++; return; }
            if (ia == ib) return;
            long key = ia < ib ? ((long)ia << 32) | (uint)ib : ((long)ib << 32) | (uint)ia;
            if (pairs.TryGetValue(key, out int at)) { w[at] += 1; return; }
            pairs[key] = u.Count;
            u.Add(ia); v.Add(ib); w.Add(1);
        }
    }

    private static IEnumerable<string> Values(JsonElement props, string name)
    {
        if (!props.TryGetProperty(name, out var arr) || arr.ValueKind != JsonValueKind.Array) yield break;
        foreach (var x in arr.EnumerateArray())
            if (x.ValueKind == JsonValueKind.String) yield return x.GetString()!;
    }
}
