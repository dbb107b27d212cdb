using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Resolution;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>
/// The analysts' review queue (issue 6.3): candidate pairs side by side, judgements kept in the decision graph with
/// transitive inference (a contradiction is refused in Dutch; what follows is marked decided and never asked again),
/// merge on "same" and unmerge ("ontkoppelen") that keep every statement and its source. Only RIEC analysts judge, and
/// only pairs of which they may see both entities; every view, judgement, merge and unmerge is audit-logged.
/// </summary>
public sealed class ResolutionService(IGraphDbContext db, GraphSnapshotService snapshots, IAuditLog audit, TimeProvider clock)
{
    public const int MaxQueue = 100;

    /// <summary>Who may judge pairs: RIEC analysts (the central point, which sees every dossier).</summary>
    public static bool MayResolve(Actor actor) => !actor.IsSystem && actor.Role == Roles.RiecAnalyst && AccessPolicy.MayReadNetwork(actor);

    public async Task<ResolutionQueueDto> QueueAsync(Actor actor, int take, string? purpose, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxQueue);
        await snapshots.RefreshIfChangedAsync(ct);
        var scope = ViewerScope.For(actor, snapshots.Current);
        var open = await db.ResolutionCandidates.AsNoTracking().Where(c => c.Status != CandidateStatus.Decided)
            .OrderBy(c => c.Status).ThenByDescending(c => c.Score).ThenBy(c => c.Id).Take(take * 4).ToListAsync(ct);
        var openCount = await db.ResolutionCandidates.CountAsync(c => c.Status == CandidateStatus.Open, ct);
        var merged = await db.ResolutionJudgements.AsNoTracking().Where(j => j.WithdrawnAt == null && j.Verdict == Verdict.Same)
            .OrderByDescending(j => j.JudgedAt).Take(MaxQueue).ToListAsync(ct);
        var ids = open.SelectMany(c => new[] { c.NodeA, c.NodeB }).Concat(merged.SelectMany(j => new[] { j.NodeA, j.NodeB })).Distinct().ToList();
        var mergedAway = await db.Nodes.AsNoTracking().Where(n => n.MergedInto != null).Select(n => new { n.Id, n.MergedInto }).ToListAsync(ct);
        var withMerged = ids.Concat(mergedAway.Where(m => ids.Contains(m.MergedInto!.Value)).Select(m => m.Id)).Distinct().ToList();
        var nodes = await db.Nodes.AsNoTracking().Include(n => n.Statements).Where(n => withMerged.Contains(n.Id)).ToListAsync(ct);
        var byId = nodes.ToDictionary(n => n.Id);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        var candidates = new List<CandidateDto>();
        foreach (var c in open)
        {
            if (candidates.Count >= take) break;
            if (!byId.TryGetValue(c.NodeA, out var a) || !byId.TryGetValue(c.NodeB, out var b) || !Visible(scope, a) || !Visible(scope, b)) continue;
            candidates.Add(new CandidateDto(c.Id.ToString(), Side(scope, a, nodes, partners), Side(scope, b, nodes, partners), c.Score, c.ReasonList,
                c.Status == CandidateStatus.Unsure ? "weet niet" : "open"));
        }
        var mergedPairs = merged.Where(j => byId.ContainsKey(j.NodeA) && byId.ContainsKey(j.NodeB) && Visible(scope, byId[j.NodeA]) && Visible(scope, byId[j.NodeB]))
            .Select(j => new MergedPairDto(j.NodeA.ToString(), byId[j.NodeA].Caption, j.NodeB.ToString(), byId[j.NodeB].Caption, j.JudgedByName, j.JudgedAt)).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "ResolutionQueue", null,
            $"{candidates.Count} kandidaatparen en {mergedPairs.Count} samengevoegde paren getoond", purpose), ct);
        return new ResolutionQueueDto(candidates, openCount, mergedPairs);
    }

    /// <summary>Records a judgement. Null when either entity does not exist or is not visible (answer as 404).</summary>
    public async Task<JudgementResultDto?> JudgeAsync(Actor actor, NodeId a, NodeId b, Verdict verdict, string? note, string? purpose, CancellationToken ct = default)
    {
        if (!MayResolve(actor)) return null;
        if (a == b) return new JudgementResultDto(false, "Een entiteit kan niet met zichzelf worden vergeleken.", []);
        var (graph, label, scope) = await LoadAsync(actor, [a, b], ct);
        if (label is null) return null;
        if (graph.Refusal(a, b, verdict, label) is { } refusal) return new JudgementResultDto(false, refusal, []);

        var now = clock.GetUtcNow();
        graph.Add(a, b, verdict, label);
        db.ResolutionJudgements.Add(new ResolutionJudgement(a, b, verdict, actor.UserId, actor.UserName, now, note));
        var (pa, pb) = DecisionGraph.Ordered(a, b);
        var inferred = new List<InferredDto>();
        foreach (var c in await db.ResolutionCandidates.Where(c => c.Status != CandidateStatus.Decided).ToListAsync(ct))
        {
            if (c.NodeA == pa && c.NodeB == pb)
            {
                if (verdict == Verdict.Unsure) c.MarkUnsure(now); else c.MarkDecided(now);
                continue;
            }
            var status = graph.Status(c.NodeA, c.NodeB, label);
            if (!status.IsDecided) continue;
            c.MarkDecided(now);
            inferred.Add(new InferredDto(c.NodeA.ToString(), c.NodeB.ToString(), status.Verdict == Verdict.Same ? "zelfde" : "niet dezelfde", status.Explanation));
        }
        if (verdict == Verdict.Same) await Merges.ReconcileAsync(db, graph, ct);
        await db.SaveChangesAsync(ct);
        var verdictText = verdict switch { Verdict.Same => "zelfde", Verdict.NotSame => "niet dezelfde", _ => "weet niet" };
        var records = new List<AuditRecord>
        {
            new(actor, AuditAction.Judgement, "Node", pa.ToString(), $"oordeel '{verdictText}' over {pa} en {pb}; {inferred.Count} paren afgeleid", purpose),
        };
        if (verdict == Verdict.Same) records.Add(new(actor, AuditAction.Merge, "Node", pb.ToString(), $"samengevoegd met {pa}", purpose));
        await audit.AppendManyAsync(records, ct);
        return new JudgementResultDto(true, null, inferred);
    }

    /// <summary>
    /// Ontkoppelen: withdraws the direct "same" judgement of the pair, records "not the same" in its place, and makes the
    /// merges follow; pairs that were decided only through the withdrawn judgement are queued again.
    /// </summary>
    public async Task<JudgementResultDto?> UnmergeAsync(Actor actor, NodeId a, NodeId b, string? note, string? purpose, CancellationToken ct = default)
    {
        if (!MayResolve(actor)) return null;
        var (pa, pb) = DecisionGraph.Ordered(a, b);
        var (before, label, _) = await LoadAsync(actor, [a, b], ct);
        if (label is null) return null;
        var same = await db.ResolutionJudgements.Where(j => j.NodeA == pa && j.NodeB == pb && j.Verdict == Verdict.Same && j.WithdrawnAt == null).ToListAsync(ct);
        if (same.Count == 0)
            return new JudgementResultDto(false, $"{label(a)} en {label(b)} zijn niet rechtstreeks als dezelfde beoordeeld; ontkoppel het paar waarop de samenvoeging berust.", []);
        var now = clock.GetUtcNow();
        var oldGroup = before.Group(a);
        foreach (var j in same) j.Withdraw(actor.UserName, now);
        var notSame = new ResolutionJudgement(a, b, Verdict.NotSame, actor.UserId, actor.UserName, now, note ?? "ontkoppeld");
        db.ResolutionJudgements.Add(notSame);
        var active = await db.ResolutionJudgements.AsNoTracking().Where(j => j.WithdrawnAt == null).OrderBy(j => j.JudgedAt).ToListAsync(ct);
        var graph = DecisionGraph.From(active.Where(j => !same.Any(s => s.Id == j.Id)).Select(j => (j.NodeA, j.NodeB, j.Verdict)).Append((pa, pb, Verdict.NotSame)));
        await Merges.ReconcileAsync(db, graph, ct, oldGroup);
        var reopened = 0;
        foreach (var c in await db.ResolutionCandidates.Where(c => c.Status == CandidateStatus.Decided && (oldGroup.Contains(c.NodeA) || oldGroup.Contains(c.NodeB))).ToListAsync(ct))
        {
            var status = graph.Status(c.NodeA, c.NodeB);
            if (status.Verdict is null) { c.Reopen(); reopened++; }
        }
        await db.SaveChangesAsync(ct);
        await audit.AppendManyAsync(
        [
            new(actor, AuditAction.Unmerge, "Node", pb.ToString(), $"ontkoppeld van {pa}; oordeel 'zelfde' ingetrokken, 'niet dezelfde' vastgelegd; {reopened} paren opnieuw in de wachtrij", purpose),
            new(actor, AuditAction.Judgement, "Node", pa.ToString(), $"oordeel 'niet dezelfde' over {pa} en {pb} (ontkoppelen)", purpose),
        ], ct);
        return new JudgementResultDto(true, null, []);
    }

    private async Task<(DecisionGraph Graph, Func<NodeId, string>? Label, ViewerScope Scope)> LoadAsync(Actor actor, NodeId[] pair, CancellationToken ct)
    {
        await snapshots.RefreshIfChangedAsync(ct);
        var scope = ViewerScope.For(actor, snapshots.Current);
        var nodes = await db.Nodes.AsNoTracking().Where(n => pair.Contains(n.Id)).ToListAsync(ct);
        var judgements = await db.ResolutionJudgements.AsNoTracking().Where(j => j.WithdrawnAt == null).OrderBy(j => j.JudgedAt)
            .Select(j => new { j.NodeA, j.NodeB, j.Verdict }).ToListAsync(ct);
        var graph = DecisionGraph.From(judgements.Select(j => (j.NodeA, j.NodeB, j.Verdict)));
        if (nodes.Count != pair.Distinct().Count() || nodes.Any(n => n.Kind != NodeKind.Person || !Visible(scope, n))) return (graph, null, scope);
        var captions = await db.Nodes.AsNoTracking().Select(n => new { n.Id, n.Caption }).ToDictionaryAsync(n => n.Id, n => n.Caption, ct);
        return (graph, id => captions.TryGetValue(id, out var c) ? c : id.ToString(), scope);
    }

    /// <summary>Visible: its survivor is in the user's network and the node's own provenance is readable.</summary>
    private static bool Visible(ViewerScope scope, Node node)
    {
        var root = scope.Graph.Snapshot;
        if (root.IndexOf((node.MergedInto ?? node.Id).ToString()) is not { } v || !scope.Access.NodeVisible(v)) return false;
        return AccessPolicy.ForFact(scope.Actor, node.Provenance, scope.InTeam(root.Node(v))) == FactAccess.Readable;
    }

    private static PairSideDto Side(ViewerScope scope, Node node, List<Node> all, Dictionary<PartnerId, string> partners)
    {
        var root = scope.Graph.Snapshot;
        var inTeam = root.IndexOf(node.Id.ToString()) is { } v && scope.InTeam(root.Node(v));
        var statements = all.Where(n => n.Id == node.Id || n.MergedInto == node.Id).SelectMany(n => n.Statements)
            .OrderBy(s => s.Property, StringComparer.Ordinal).Select(s =>
            {
                var label = NodeSchema.Property(node.Kind, s.Property)?.DutchLabel ?? s.Property;
                var partner = partners.GetValueOrDefault(s.Provenance.SourcePartner, "onbekende partner");
                return AccessPolicy.ForFact(scope.Actor, s.Provenance, inTeam) == FactAccess.Readable
                    ? new PairStatementDto(s.Property, label, s.Value, partner, s.Provenance.Grading.Code, null)
                    : new PairStatementDto(s.Property, label, null, partner, null, $"Er is een gegeven over {label.ToLowerInvariant()}; vraag het na bij {partner}.");
            }).ToList();
        return new PairSideDto(node.Id.ToString(), node.Caption, statements);
    }
}
