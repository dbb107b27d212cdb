using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Infrastructure.Analytics;

/// <summary>
/// Builds the <see cref="StoreGraph"/> from the store with a handful of streaming projections (no tracking, no entity
/// materialisation). Merged nodes are folded into their survivor; their relations move with them.
/// </summary>
public sealed class EfStoreGraphSource(GraphDbContext db) : IStoreGraphSource
{
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Nodes.CountAsync(cancellationToken);
        var nodeVersions = nodes == 0 ? 0 : await db.Nodes.SumAsync(n => n.Version, cancellationToken);
        var relations = await db.Relations.CountAsync(cancellationToken);
        var relationVersions = relations == 0 ? 0 : await db.Relations.SumAsync(r => r.Version, cancellationToken);
        var members = await db.DossierMembers.CountAsync(cancellationToken);
        var dossiers = await db.Dossiers.CountAsync(cancellationToken);
        var dossierVersions = dossiers == 0 ? 0 : await db.Dossiers.SumAsync(d => d.Version, cancellationToken);
        return $"{nodes}:{nodeVersions}|{relations}:{relationVersions}|{members}|{dossiers}:{dossierVersions}";
    }

    public async Task<StoreGraph> LoadAsync(long version, CancellationToken cancellationToken)
    {
        var fingerprint = await FingerprintAsync(cancellationToken);
        var dossiers = (await db.Dossiers.AsNoTracking().Include(d => d.Shares).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id.ToString(), DossierAccessInfo.Of);

        var roles = new Dictionary<NodeId, Dictionary<string, NodeRole>>();
        await foreach (var m in db.DossierMembers.AsNoTracking().Select(m => new { m.DossierId, m.NodeId, m.Role }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!roles.TryGetValue(m.NodeId, out var perDossier)) roles[m.NodeId] = perDossier = [];
            var key = m.DossierId.ToString();
            perDossier[key] = perDossier.GetValueOrDefault(key) | Role(m.Role);
        }

        var builder = new SnapshotBuilder();
        var nodeFacts = new List<FactTag>();
        var survivor = new Dictionary<NodeId, NodeId>();
        await foreach (var n in db.Nodes.AsNoTracking()
                           .Select(n => new { n.Id, n.Kind, n.Caption, n.MergedInto, n.Provenance.SourcePartner, n.Provenance.HandlingCode, n.Provenance.LegalBasis })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (n.MergedInto is { } into) { survivor[n.Id] = into; continue; }
            var perDossier = roles.GetValueOrDefault(n.Id);
            var union = perDossier?.Values.Aggregate(NodeRole.None, (a, r) => a | r) ?? NodeRole.None;
            builder.AddNode(new SnapshotNode(n.Id.ToString(), n.Caption, n.Kind, union, (union & NodeRole.Facilitator) != 0, perDossier));
            nodeFacts.Add(new FactTag(n.SourcePartner, n.HandlingCode, n.LegalBasis));
        }

        var edgeFacts = new List<FactTag>();
        await foreach (var r in db.Relations.AsNoTracking()
                           .Select(r => new { r.SourceId, r.TargetId, r.Type, r.Weight, r.ValidFrom, r.ValidTo, r.Provenance.SourcePartner, r.Provenance.HandlingCode, r.Provenance.LegalBasis })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var source = builder.IndexOf(Resolve(r.SourceId, survivor).ToString());
            var target = builder.IndexOf(Resolve(r.TargetId, survivor).ToString());
            if (source is null || target is null || source == target) continue;
            builder.AddEdge(source.Value, target.Value, r.Type, r.Weight, r.ValidFrom, r.ValidTo);
            edgeFacts.Add(new FactTag(r.SourcePartner, r.HandlingCode, r.LegalBasis));
        }
        return new StoreGraph(builder.Build(version), nodeFacts.ToArray(), edgeFacts.ToArray(), dossiers, fingerprint);
    }

    private static NodeId Resolve(NodeId id, Dictionary<NodeId, NodeId> survivor)
    {
        for (var hops = 0; survivor.TryGetValue(id, out var next) && hops < 32; hops++) id = next;
        return id;
    }

    private static NodeRole Role(DossierRole role) => role switch
    {
        DossierRole.Perpetrator => NodeRole.Perpetrator,
        DossierRole.Victim => NodeRole.Victim,
        DossierRole.Facilitator => NodeRole.Facilitator,
        _ => NodeRole.Witness,
    };
}
