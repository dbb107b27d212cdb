using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>
/// Reads what the rules need with a handful of set-based queries (one per kind of fact, filtered by relation type in the
/// database), never one query per node; and the access facts of the few nodes and relations an alert page shows.
/// </summary>
public sealed class AlertDataLoader(IGraphDbContext db)
{
    private static readonly RelationType[] RuleRelationTypes =
    [
        RelationType.RegisteredAt, RelationType.Accompanies, RelationType.AdvertisesVia, RelationType.UsesPhone,
        RelationType.PaysTo, RelationType.UsesAccount,
    ];

    public async Task<AlertGraphData> LoadAsync(IReadOnlyCollection<RuleSetting> rules, DateOnly today, CancellationToken ct)
    {
        var nodes = new Dictionary<NodeId, NodeFact>();
        var relations = new List<RelationFact>();
        var kinds = rules.Select(r => r.Kind).ToHashSet();
        if (kinds.Overlaps([AlertRuleKind.AddressRegistrations, AlertRuleKind.CompanionRegistrations, AlertRuleKind.PhoneInAds, AlertRuleKind.AccountPersons]))
        {
            var rows = await (
                from r in db.Relations.AsNoTracking()
                where RuleRelationTypes.Contains(r.Type)
                join s in db.Nodes.AsNoTracking() on r.SourceId equals s.Id
                join t in db.Nodes.AsNoTracking() on r.TargetId equals t.Id
                where s.MergedInto == null && t.MergedInto == null
                select new { r.Id, r.Type, r.SourceId, SourceKind = s.Kind, r.TargetId, TargetKind = t.Kind, r.ValidFrom, r.Provenance.ObservedAt, r.Provenance.RecordedAt })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                nodes.TryAdd(r.SourceId, new NodeFact(r.SourceId, r.SourceKind));
                nodes.TryAdd(r.TargetId, new NodeFact(r.TargetId, r.TargetKind));
                var on = r.ValidFrom ?? DateOnly.FromDateTime((r.ObservedAt ?? r.RecordedAt).UtcDateTime);
                relations.Add(new RelationFact(r.Id, r.Type, r.SourceId, r.TargetId, on));
            }
        }

        var memberships = new List<MembershipFact>();
        if (kinds.Overlaps([AlertRuleKind.CompanyInDossiers, AlertRuleKind.SignalTouchesOpenDossier]))
        {
            var rows = await (
                from m in db.DossierMembers.AsNoTracking()
                join d in db.Dossiers.AsNoTracking() on m.DossierId equals d.Id
                join n in db.Nodes.AsNoTracking() on m.NodeId equals n.Id
                select new { m.DossierId, m.NodeId, n.Kind, d.Stage })
                .Distinct().ToListAsync(ct);
            foreach (var m in rows)
            {
                nodes.TryAdd(m.NodeId, new NodeFact(m.NodeId, m.Kind));
                memberships.Add(new MembershipFact(m.DossierId, m.NodeId, m.Stage != DossierStage.Closed));
            }
        }

        var signals = new List<SignalFact>();
        if (rules.FirstOrDefault(r => r.Kind == AlertRuleKind.SignalTouchesOpenDossier) is { } touch)
        {
            var since = new DateTimeOffset(today.AddDays(-(touch.WindowDays ?? 0) - 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var recent = await db.Signals.AsNoTracking()
                .Where(s => s.Status != SignalStatus.Draft && s.SubmittedAt != null && s.SubmittedAt >= since)
                .Select(s => new { s.Id, s.Number, s.SubmittedAt }).ToListAsync(ct);
            var ids = recent.Select(s => s.Id).ToList();
            var mentions = await db.SignalMentions.AsNoTracking().Where(m => ids.Contains(m.SignalId)).ToListAsync(ct);
            var inDossiers = await db.Dossiers.AsNoTracking().SelectMany(d => d.Signals).Where(s => ids.Contains(s.SignalId)).ToListAsync(ct);
            signals.AddRange(recent.Select(s => new SignalFact(s.Id, s.Number, DateOnly.FromDateTime(s.SubmittedAt!.Value.UtcDateTime),
                mentions.Where(m => m.SignalId == s.Id).Select(m => m.NodeId).ToList(),
                inDossiers.Where(d => d.SignalId == s.Id).Select(d => d.DossierId).ToHashSet())));
        }
        return new AlertGraphData(nodes, relations, memberships, signals);
    }

    /// <summary>
    /// The nodes a signal touched: those it mentions, those it brought in, and both ends of the relations it brought in.
    /// A focused evaluation keeps only findings whose trigger is one of these.
    /// </summary>
    public async Task<HashSet<NodeId>> TouchedByAsync(SignalId signal, CancellationToken ct)
    {
        var touched = new HashSet<NodeId>();
        touched.UnionWith(await db.SignalMentions.AsNoTracking().Where(m => m.SignalId == signal).Select(m => m.NodeId).ToListAsync(ct));
        touched.UnionWith(await db.Nodes.AsNoTracking().Where(n => n.Provenance.SourceSignal == signal).Select(n => n.Id).ToListAsync(ct));
        var ends = await db.Relations.AsNoTracking().Where(r => r.Provenance.SourceSignal == signal)
            .Select(r => new { r.SourceId, r.TargetId }).ToListAsync(ct);
        foreach (var e in ends) { touched.Add(e.SourceId); touched.Add(e.TargetId); }
        return touched;
    }

    /// <summary>The access facts of <paramref name="ids"/>, with the dossiers each is a member of.</summary>
    public async Task<Dictionary<NodeId, NodeAccessFact>> NodeAccessAsync(IReadOnlyCollection<NodeId> ids, CancellationToken ct)
    {
        var result = new Dictionary<NodeId, NodeAccessFact>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var nodes = await db.Nodes.AsNoTracking().Where(n => chunk.Contains(n.Id))
                .Select(n => new { n.Id, n.Provenance.SourcePartner, n.Provenance.HandlingCode, n.Provenance.LegalBasis }).ToListAsync(ct);
            var members = await db.DossierMembers.AsNoTracking().Where(m => chunk.Contains(m.NodeId)).Select(m => new { m.NodeId, m.DossierId, m.Role }).Distinct().ToListAsync(ct);
            var dossierIds = members.Select(m => m.DossierId).Distinct().ToList();
            var dossiers = (await db.Dossiers.AsNoTracking().Include(d => d.Shares).Where(d => dossierIds.Contains(d.Id)).ToListAsync(ct))
                .ToDictionary(d => d.Id, DossierAccessInfo.Of);
            foreach (var n in nodes)
                result[n.Id] = new NodeAccessFact(n.Id, n.SourcePartner, n.HandlingCode, n.LegalBasis,
                    members.Where(m => m.NodeId == n.Id).Select(m => dossiers[m.DossierId]).Distinct().ToList(),
                    members.Where(m => m.NodeId == n.Id && m.Role == DossierRole.Victim).Select(m => dossiers[m.DossierId]).Distinct().ToList());
        }
        return result;
    }

    public async Task<List<RelationAccessFact>> RelationAccessAsync(IReadOnlyCollection<RelationId> ids, CancellationToken ct)
    {
        var result = new List<RelationAccessFact>();
        foreach (var chunk in ids.Distinct().Chunk(500))
            result.AddRange(await db.Relations.AsNoTracking().Where(r => chunk.Contains(r.Id))
                .Select(r => new RelationAccessFact(r.Id, r.SourceId, r.TargetId, r.Provenance.SourcePartner, r.Provenance.HandlingCode, r.Provenance.LegalBasis))
                .ToListAsync(ct));
        return result;
    }
}
