using System.Runtime.CompilerServices;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Names;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Search;

/// <summary>
/// Search across every kind of entity the user may see: identifiers (postcode + house number, IBAN, KvK, phone,
/// licence plate, document number) through the store's exact keys, and names and captions through
/// <see cref="NameKey"/> (diacritics, transliteration, name order, small typos). Hits come with the readable dossiers
/// they appear in and the role per dossier. Victims the user sees pseudonymised are never found by their name.
/// </summary>
public sealed class SearchService(IGraphDbContext db, GraphSnapshotService snapshots, IAuditLog audit)
{
    public const int MaxHits = 100;
    public const int MaxHitsPerKind = 25;

    // Name tokens per node, computed once per snapshot version and dropped with it.
    private static readonly ConditionalWeakTable<GraphSnapshot, string[][]> TokenIndex = new();

    public async Task<IReadOnlyList<SearchHitDto>> SearchAsync(Actor actor, string query, string? purpose, CancellationToken ct = default)
    {
        var scope = ViewerScope.For(actor, snapshots.Current);
        var root = scope.Graph.Snapshot;
        var found = new Dictionary<int, (int Cost, string MatchedOn)>();

        foreach (var candidate in IdentifierQuery.Read(query))
            foreach (var id in await ExactKeyMatchesAsync(candidate, ct))
                if (root.IndexOf(id.ToString()) is { } v && scope.Access.NodeVisible(v) && !scope.IsPseudonymised(root.Node(v)))
                    found.TryAdd(v, (-1, candidate.MatchedOn));

        var queryTokens = NameKey.Tokens(query);
        if (queryTokens.Length > 0)
        {
            var index = TokenIndex.GetValue(root, g => [.. g.Nodes.Select(n => NameKey.Tokens(n.Label))]);
            for (var v = 0; v < index.Length; v++)
            {
                if (found.ContainsKey(v) || NameKey.Match(queryTokens, index[v]) is not { } cost) continue;
                if (!scope.Access.NodeVisible(v) || scope.IsPseudonymised(root.Node(v))) continue;
                found[v] = (cost, cost == 0 ? "naam" : "naam (bij benadering)");
            }
        }

        var ranked = found.OrderBy(f => f.Value.Cost).ThenBy(f => root.Node(f.Key).Label, StringComparer.Ordinal)
            .GroupBy(f => root.Node(f.Key).Kind).SelectMany(g => g.Take(MaxHitsPerKind)).Take(MaxHits).ToList();
        var dossierKeys = ranked.SelectMany(f => Readable(scope, root.Node(f.Key))).Select(r => r.Key).Distinct().ToList();
        var dossierIds = dossierKeys.Select(k => new DossierId(Guid.Parse(k))).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Number, d.Title }).ToListAsync(ct);
        var byKey = dossiers.ToDictionary(d => d.Id.ToString(), d => (d.Number, d.Title));

        var hits = ranked.Select(f =>
        {
            var node = root.Node(f.Key);
            var roles = Readable(scope, node).Where(r => byKey.ContainsKey(r.Key))
                .Select(r => new DossierRoleDto(byKey[r.Key].Number, byKey[r.Key].Title, RoleLabel(r.Value)))
                .OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
            return new SearchHitDto(node.Key, scope.Label(node), node.Kind?.ToString() ?? "", Readable(scope, node).Select(r => r.Key).ToList())
            {
                KindLabel = node.Kind is { } k ? NodeKindInfo.Of(k).DutchLabel : "Entiteit",
                MatchedOn = f.Value.MatchedOn,
                DossierRoles = roles,
            };
        }).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Search, "Zoekopdracht", null, $"{hits.Count} resultaten voor '{query}'", purpose), ct);
        return hits;
    }

    private static IEnumerable<KeyValuePair<string, NodeRole>> Readable(ViewerScope scope, SnapshotNode node) =>
        node.DossierRoles?.Where(r => scope.ReadableDossiers.Contains(r.Key)) ?? [];

    /// <summary>The Dutch word for a node's role in one dossier.</summary>
    public static string RoleLabel(NodeRole role) =>
        (role & NodeRole.Perpetrator) != 0 ? DossierRole.Perpetrator.Dutch()
        : (role & NodeRole.Victim) != 0 ? DossierRole.Victim.Dutch()
        : (role & NodeRole.Facilitator) != 0 ? DossierRole.Facilitator.Dutch()
        : DossierRole.Other.Dutch();

    private async Task<List<NodeId>> ExactKeyMatchesAsync(IdentifierCandidate candidate, CancellationToken ct)
    {
        var nodes = db.Nodes.AsNoTracking().Where(n => n.Kind == candidate.Kind && n.MergedInto == null && n.ExactKey != null);
        nodes = !candidate.Prefix ? nodes.Where(n => n.ExactKey == candidate.Key)
            : candidate.Kind == NodeKind.Document ? nodes.Where(n => n.ExactKey!.EndsWith(candidate.Key))
            : nodes.Where(n => n.ExactKey!.StartsWith(candidate.Key));
        return await nodes.Select(n => n.Id).Take(MaxHitsPerKind * 4).ToListAsync(ct);
    }
}
