using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>A signal that mentions the entity: its content when readable, otherwise only whom to ask.</summary>
public sealed record EntitySignalDto(string? Number, DateOnly? ObservedOn, string? Form, string? Sector, string? MentionRole,
    int Indicators, string SourcePartner, string? AskPartner);

/// <summary>A direct relation: its type in Dutch, direction, dates, and the node at the other end.</summary>
public sealed record EntityRelationDto(string Type, string TypeLabel, bool Outgoing, DateOnly? ValidFrom, DateOnly? ValidTo,
    string OtherId, string OtherLabel, string? OtherKind, string OtherRole, string SourcePartner);

/// <summary>Everything the entity page shows (see <see cref="EntityPageQueries"/>).</summary>
public sealed record EntityPageDto(NodeDetailsDto Node, IReadOnlyList<EntitySignalDto> Signals, IReadOnlyList<EntityRelationDto> Relations);

/// <summary>
/// The entity page: the node's statements side by side (through <see cref="NetworkQueries.NodeAsync"/>, which applies
/// the access policy, pseudonymises and audits), the signals that mention it as a timeline, and its direct relations
/// in the user's network. Invisible nodes answer null, exactly as missing ones.
/// </summary>
public sealed class EntityPageQueries(IGraphDbContext db, GraphSnapshotService snapshots, NetworkQueries nodes)
{
    public const int MaxRelations = 500;

    public async Task<EntityPageDto?> GetAsync(Actor actor, NodeId id, string? purpose, CancellationToken ct = default)
    {
        var details = await nodes.NodeAsync(actor, id, purpose ?? "entiteitpagina", ct);
        if (details is null) return null;
        var scope = ViewerScope.For(actor, snapshots.Current);
        var root = scope.Graph.Snapshot;
        var v = root.IndexOf(id.ToString())!.Value;
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string PartnerName(PartnerId p) => partners.GetValueOrDefault(p, "onbekende partner");

        var relations = new List<EntityRelationDto>();
        foreach (var e in root.IncidentEdges(v))
        {
            var edge = root.Edge(e);
            var other = edge.Source == v ? edge.Target : edge.Source;
            if (!scope.Access.NodeVisible(other) || !scope.Access.EdgeReadable(e, root.Node(edge.Source), root.Node(edge.Target))) continue; // not even counted: the page must not hint at relations the user may not see
            if (relations.Count >= MaxRelations) continue;
            var node = root.Node(other);
            relations.Add(new EntityRelationDto(edge.Type.ToString(), RelationTypeInfo.Of(edge.Type).DutchLabel, edge.Source == v,
                edge.ValidFrom, edge.ValidTo, node.Key, scope.Label(node), node.Kind is { } k ? NodeKindInfo.Of(k).DutchLabel : null,
                ViewerScope.RoleName(scope.RoleFor(node)), PartnerName(scope.Graph.EdgeFacts[e].Partner)));
        }
        relations = [.. relations.OrderBy(r => r.TypeLabel, StringComparer.Ordinal).ThenBy(r => r.OtherLabel, StringComparer.Ordinal)];

        var inTeam = scope.InTeam(root.Node(v));
        var mentions = await db.SignalMentions.AsNoTracking().Where(m => m.NodeId == id)
            .Join(db.Signals.AsNoTracking(), m => m.SignalId, s => s.Id, (m, s) => new { Mention = m.Role, Signal = s })
            .ToListAsync(ct);
        var signalIds = mentions.Select(m => m.Signal.Id).ToList();
        var indicatorCounts = await db.SignalIndicators.AsNoTracking().Where(i => signalIds.Contains(i.SignalId))
            .GroupBy(i => i.SignalId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var signals = mentions.Select(m =>
        {
            var s = m.Signal;
            var partner = PartnerName(s.Provenance.SourcePartner);
            return AccessPolicy.ForFact(actor, s.Provenance, inTeam) == FactAccess.Readable
                ? new EntitySignalDto(s.Number, s.ObservedOn, s.Form.Dutch(), s.Sector.Dutch(), m.Mention, indicatorCounts.GetValueOrDefault(s.Id), partner, null)
                : new EntitySignalDto(null, null, null, null, null, 0, partner, $"Er is een signaal van {partner} over deze entiteit; vraag het na bij {partner}.");
        }).OrderByDescending(s => s.ObservedOn ?? DateOnly.MinValue).ThenBy(s => s.Number, StringComparer.Ordinal).ToList();

        return new EntityPageDto(details, signals, relations);
    }
}
