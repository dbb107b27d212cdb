using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Names;
using Ketenaanpak.Graph.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>
/// Reads the store into <see cref="ResolutionRecord"/>s, one per entity that is not merged away. A survivor carries the
/// statements of the nodes merged into it (merge keeps them on their own node), so a merged group is compared as one.
/// Neighbours are the (survivor) ids of linked entities, prefixed with their kind.
/// </summary>
public static class StoreRecords
{
    private static readonly string[] PersonProperties = ["firstName", "lastName", "birthDate", "nationality"];
    // Imports set no exact keys (ADR-008): the bulk run derives them from the statements, so imported duplicates link too.
    private static readonly string[] KeyProperties = ["postcode", "houseNumber", "kvkNumber", "issuingCountry", "number", "iban", "licencePlate", "url"];

    public static async Task<List<ResolutionRecord>> LoadAsync(IGraphDbContext db, CancellationToken ct)
    {
        var nodes = await db.Nodes.AsNoTracking().Select(n => new { n.Id, n.Kind, n.Caption, n.ExactKey, n.MergedInto }).ToListAsync(ct);
        var survivorOf = nodes.Where(n => n.MergedInto is not null).ToDictionary(n => n.Id, n => n.MergedInto!.Value);
        NodeId Survivor(NodeId id)
        {
            for (var hops = 0; survivorOf.TryGetValue(id, out var next) && hops < 32; hops++) id = next;
            return id;
        }
        var kindOf = nodes.ToDictionary(n => n.Id, n => n.Kind);

        var values = new Dictionary<NodeId, Dictionary<string, string>>();
        var unkeyed = nodes.Where(n => n.Kind != NodeKind.Person && n.ExactKey is null && n.MergedInto is null).Select(n => n.Id).ToHashSet();
        var keyValues = new Dictionary<NodeId, Dictionary<string, string>>();
        var wanted = PersonProperties.Concat(unkeyed.Count > 0 ? KeyProperties : []).ToArray();
        await foreach (var s in db.Statements.AsNoTracking().Where(s => wanted.Contains(s.Property))
                           .Select(s => new { s.NodeId, s.Property, s.Value }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (unkeyed.Contains(s.NodeId))
            {
                if (!keyValues.TryGetValue(s.NodeId, out var kv)) keyValues[s.NodeId] = kv = [];
                kv.TryAdd(s.Property, s.Value);
                continue;
            }
            var owner = Survivor(s.NodeId);
            if (kindOf.GetValueOrDefault(owner) != NodeKind.Person) continue;
            if (!values.TryGetValue(owner, out var props)) values[owner] = props = [];
            // The first value seen per property wins; other partners' spellings stay in the store, side by side.
            props.TryAdd(s.Property, s.Value);
        }

        var neighbours = new Dictionary<NodeId, List<string>>();
        await foreach (var r in db.Relations.AsNoTracking().Select(r => new { r.SourceId, r.TargetId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var (a, b) = (Survivor(r.SourceId), Survivor(r.TargetId));
            if (a == b) continue;
            if (kindOf.GetValueOrDefault(a) == NodeKind.Person) Neighbour(a, b);
            if (kindOf.GetValueOrDefault(b) == NodeKind.Person) Neighbour(b, a);
        }
        void Neighbour(NodeId person, NodeId other)
        {
            if (!neighbours.TryGetValue(person, out var list)) neighbours[person] = list = [];
            list.Add($"{kindOf.GetValueOrDefault(other)}:{other}");
        }

        var records = new List<ResolutionRecord>(nodes.Count);
        foreach (var n in nodes)
        {
            if (n.MergedInto is not null) continue;
            if (n.Kind != NodeKind.Person)
            {
                var key = n.ExactKey ?? (keyValues.TryGetValue(n.Id, out var kv) ? ExactKeys.For(n.Kind, kv) : null);
                if (key is not null) records.Add(new ResolutionRecord(n.Id, n.Kind, key));
                continue;
            }
            var props = values.GetValueOrDefault(n.Id);
            var given = props?.GetValueOrDefault("firstName");
            var family = props?.GetValueOrDefault("lastName");
            var nationality = props?.GetValueOrDefault("nationality");
            var name = given is null && family is null ? PersonName.FromFull(n.Caption, nationality) : PersonName.FromParts(given, family);
            DateOfBirth? birth = props?.GetValueOrDefault("birthDate") is { } b && DateOfBirth.TryParse(b, out var d, out _) ? d : null;
            records.Add(new ResolutionRecord(n.Id, n.Kind, null, name, birth, nationality, neighbours.GetValueOrDefault(n.Id)));
        }
        return records;
    }
}
