using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>Filters of the alert list; null means any. <paramref name="Status"/> null means open (new and in review).</summary>
public sealed record AlertFilter(AlertStatus? Status = null, AlertRuleKind? Rule = null, string? AssigneeUserId = null, bool AllStatuses = false);

public sealed record AlertListItem(Guid Id, AlertRuleKind Rule, string Summary, bool Urgent, AlertStatus Status, string? AssigneeName,
    DateTimeOffset FirstFiredAt, DateTimeOffset LastFiredAt, int Triggers);

public sealed record AlertNodeRow(NodeId Id, string Kind, string Caption, bool IsTrigger);

public sealed record AlertRelationRow(RelationId Id, string Type, string Source, string Target, DateOnly? ValidFrom);

public sealed record DossierChoice(string Number, string Title);

public sealed record AlertDetail(
    Guid Id, AlertRuleKind Rule, string Summary, bool Urgent, AlertStatus Status, string? AssigneeUserId, string? AssigneeName,
    string? DismissReason, string? AddedToDossierNumber, DateTimeOffset FirstFiredAt, DateTimeOffset LastFiredAt,
    DateTimeOffset? CaseMeetingRequestedAt, string? SignalNumber, IReadOnlyList<AlertNodeRow> Nodes, IReadOnlyList<AlertRelationRow> Relations,
    IReadOnlyList<AlertHistoryEntry> History, IReadOnlyList<string> Recipients, IReadOnlyList<DossierChoice> Dossiers,
    IReadOnlyList<AlertUser> Assignable, bool MayAct, bool MayRequestCaseMeeting)
{
    public bool IsOpen => Status is AlertStatus.New or AlertStatus.InReview;
}

/// <summary>
/// The alert list, detail and menu count, each cut to what the user may see (<see cref="AlertAccess"/>): alerts whose
/// trigger nodes they may not see do not exist for them, not even in a count, and a subgraph shows only what they read.
/// </summary>
public sealed class AlertQueries(IGraphDbContext db, AlertDataLoader loader, IAlertUserDirectory users, IAuditLog audit)
{
    /// <summary>How many alerts the list and count look at, newest first; beyond that the list says to filter.</summary>
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<AlertListItem>> ListAsync(Actor actor, AlertFilter filter, CancellationToken ct)
    {
        if (!AlertAccess.MayUseAlerts(actor)) return [];
        var query = db.Alerts.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        else if (!filter.AllStatuses) query = query.Where(a => a.Status == AlertStatus.New || a.Status == AlertStatus.InReview);
        if (filter.Rule is { } rule) query = query.Where(a => a.Rule == rule);
        if (!string.IsNullOrEmpty(filter.AssigneeUserId)) query = query.Where(a => a.AssigneeUserId == filter.AssigneeUserId);
        var rows = await query.OrderByDescending(a => a.Urgent).ThenByDescending(a => a.LastFiredAt).Take(MaxListed)
            .Select(a => new { a.Id, a.Rule, a.Summary, a.Urgent, a.Status, a.AssigneeName, a.FirstFiredAt, a.LastFiredAt, a.MunicipalityCode })
            .ToListAsync(ct);
        var visible = await VisibleAsync(actor, rows.Select(r => (r.Id, r.Urgent, r.MunicipalityCode)).ToList(), ct);
        var list = rows.Where(r => visible.ContainsKey(r.Id))
            .Select(r => new AlertListItem(r.Id, r.Rule, r.Summary, r.Urgent, r.Status, r.AssigneeName, r.FirstFiredAt, r.LastFiredAt, visible[r.Id]))
            .ToList();
        // A list of situations about persons is a read of personal data too (issue 14.6).
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signaleringen", null,
            $"{list.Count} signaleringen getoond{(filter.Status is { } st ? $", status {st}" : filter.AllStatuses ? ", alle statussen" : "")}{(filter.Rule is { } ru ? $", regel {ru}" : "")}", null), ct);
        return list;
    }

    /// <summary>New alerts the user may see: the menu badge. Two small queries plus the access facts of their triggers.</summary>
    public async Task<int> CountNewAsync(Actor actor, CancellationToken ct)
    {
        if (!AlertAccess.MayUseAlerts(actor)) return 0;
        var rows = await db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.New)
            .OrderByDescending(a => a.LastFiredAt).Take(MaxListed)
            .Select(a => new { a.Id, a.Urgent, a.MunicipalityCode }).ToListAsync(ct);
        return (await VisibleAsync(actor, rows.Select(r => (r.Id, r.Urgent, r.MunicipalityCode)).ToList(), ct)).Count;
    }

    /// <summary>The visible alerts among <paramref name="alerts"/>, each with its number of trigger nodes.</summary>
    private async Task<Dictionary<Guid, int>> VisibleAsync(Actor actor, IReadOnlyList<(Guid Id, bool Urgent, string? Municipality)> alerts, CancellationToken ct)
    {
        var ids = alerts.Select(a => a.Id).ToList();
        var triggers = new List<AlertNode>();
        var recipients = new List<AlertRecipient>();
        foreach (var chunk in ids.Chunk(500))
        {
            triggers.AddRange(await db.Alerts.AsNoTracking().Where(a => chunk.Contains(a.Id)).SelectMany(a => a.Nodes).Where(n => n.IsTrigger).ToListAsync(ct));
            var urgent = alerts.Where(a => a.Urgent && chunk.Contains(a.Id)).Select(a => a.Id).ToList();
            if (urgent.Count > 0)
                recipients.AddRange(await db.Alerts.AsNoTracking().Where(a => urgent.Contains(a.Id)).SelectMany(a => a.Recipients).ToListAsync(ct));
        }
        var facts = await loader.NodeAccessAsync(triggers.Select(t => t.NodeId).ToList(), ct);
        var byAlert = triggers.GroupBy(t => t.AlertId).ToDictionary(g => g.Key, g => g.Select(t => t.NodeId).ToList());
        var result = new Dictionary<Guid, int>();
        foreach (var a in alerts)
        {
            var nodes = byAlert.GetValueOrDefault(a.Id) ?? [];
            // A trigger node that no longer exists (retention) cannot be judged visible: the alert is then hidden.
            if (nodes.Any(n => !facts.ContainsKey(n)) && !actor.IsSystem) continue;
            var audience = new AlertAudience(a.Urgent, a.Municipality, recipients.Where(r => r.AlertId == a.Id).Select(r => r.UserId).ToList());
            if (AlertAccess.AlertVisible(actor, audience, nodes.Select(n => facts[n]).ToList())) result[a.Id] = nodes.Count;
        }
        return result;
    }

    /// <summary>The alert with its visible subgraph; null when missing or not visible. Reading it is audited.</summary>
    public async Task<AlertDetail?> DetailAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (await LoadVisibleAsync(actor, id, ct) is not { } found) return null;
        var (alert, facts) = found;
        var visibleNodes = alert.Nodes.Where(n => facts.TryGetValue(n.NodeId, out var f) && AlertAccess.NodeVisible(actor, f)).ToList();
        var relationFacts = await loader.RelationAccessAsync(alert.Relations.Select(r => r.RelationId).ToList(), ct);
        var visibleRelations = relationFacts.Where(r => AlertAccess.RelationVisible(actor, r, facts)).Select(r => r.Id).ToList();
        var nodeIds = visibleNodes.Select(n => n.NodeId).ToList();
        var nodes = await db.Nodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).Select(n => new { n.Id, n.Kind, n.Caption }).ToDictionaryAsync(n => n.Id, ct);
        string Caption(NodeId n) => !nodes.TryGetValue(n, out var x) ? "onbekend"
            : AlertAccess.Pseudonymised(actor, facts[n]) ? AccessPolicy.VictimPseudonym(n) : x.Caption;
        var nodeRows = visibleNodes.Where(n => nodes.ContainsKey(n.NodeId))
            .Select(n => new AlertNodeRow(n.NodeId, NodeKindInfo.Of(nodes[n.NodeId].Kind).DutchLabel, Caption(n.NodeId), n.IsTrigger))
            .OrderByDescending(n => n.IsTrigger).ThenBy(n => n.Kind).ThenBy(n => n.Caption, StringComparer.CurrentCulture).ToList();
        var relations = await db.Relations.AsNoTracking().Where(r => visibleRelations.Contains(r.Id))
            .Select(r => new { r.Id, r.Type, r.SourceId, r.TargetId, r.ValidFrom }).ToListAsync(ct);
        var relationRows = relations
            .Select(r => new AlertRelationRow(r.Id, RelationTypeInfo.Of(r.Type).DutchLabel, Caption(r.SourceId), Caption(r.TargetId), r.ValidFrom))
            .OrderBy(r => r.ValidFrom).ThenBy(r => r.Source, StringComparer.CurrentCulture).ToList();
        // A summary counts the whole subgraph; shown only to whom the whole subgraph is visible, so a count never leaks.
        var complete = visibleNodes.Count == alert.Nodes.Count && visibleRelations.Count == alert.Relations.Count;
        var summary = complete ? alert.Summary : $"{alert.Rule.Dutch()} (getoond: wat u mag zien)";
        var signalNumber = alert.SignalId is { } s ? await db.Signals.AsNoTracking().Where(x => x.Id == s).Select(x => x.Number).SingleOrDefaultAsync(ct) : null;
        var mayAct = AlertAccess.MayAct(actor);
        var dossiers = mayAct && alert.IsOpen ? await OpenDossiersAsync(actor, ct) : [];
        var assignable = mayAct && alert.IsOpen ? await AssignableAsync(alert, ct) : [];
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signalering", alert.Id.ToString(),
            $"{nodeRows.Count} entiteiten, {relationRows.Count} relaties", null), ct);
        return new AlertDetail(alert.Id, alert.Rule, summary, alert.Urgent, alert.Status, alert.AssigneeUserId, alert.AssigneeName, alert.DismissReason,
            alert.AddedToDossierNumber, alert.FirstFiredAt, alert.LastFiredAt, alert.CaseMeetingRequestedAt, signalNumber, nodeRows, relationRows,
            alert.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList(), alert.Recipients.Select(r => r.DisplayName).ToList(), dossiers, assignable,
            mayAct, AlertAccess.MayRequestCaseMeeting(actor));
    }

    /// <summary>The alert (tracked, with subgraph and history) and the access facts of its nodes, if the actor may see it.</summary>
    internal async Task<(Alert Alert, Dictionary<NodeId, NodeAccessFact> Facts)?> LoadVisibleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!AlertAccess.MayUseAlerts(actor)) return null;
        var alert = await db.Alerts.Include(a => a.Recipients).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null) return null;
        await db.Alerts.Where(a => a.Id == id).Include(a => a.Nodes).LoadAsync(ct);
        await db.Alerts.Where(a => a.Id == id).Include(a => a.Relations).LoadAsync(ct);
        await db.Alerts.Where(a => a.Id == id).Include(a => a.History).LoadAsync(ct);
        var facts = await loader.NodeAccessAsync(alert.Nodes.Select(n => n.NodeId).ToList(), ct);
        var triggers = alert.TriggerNodes.ToList();
        if (triggers.Any(t => !facts.ContainsKey(t)) && !actor.IsSystem) return null;
        var audience = new AlertAudience(alert.Urgent, alert.MunicipalityCode, alert.Recipients.Select(r => r.UserId).ToList());
        return AlertAccess.AlertVisible(actor, audience, triggers.Select(t => facts[t]).ToList()) ? (alert, facts) : null;
    }

    /// <summary>Open dossiers the actor works on (may act on, not closed).</summary>
    public async Task<IReadOnlyList<DossierChoice>> OpenDossiersAsync(Actor actor, CancellationToken ct)
    {
        var open = await db.Dossiers.AsNoTracking().Include(d => d.Shares).Where(d => d.Stage != DossierStage.Closed).ToListAsync(ct);
        return open.Where(d => DossierProcess.MayAct(actor, d)).OrderBy(d => d.Number, StringComparer.Ordinal)
            .Select(d => new DossierChoice(d.Number, d.Title)).ToList();
    }

    /// <summary>The case workers who would see this alert: only they can be assigned.</summary>
    public async Task<IReadOnlyList<AlertUser>> AssignableAsync(Alert alert, CancellationToken ct)
    {
        var workers = await users.CaseWorkersAsync(ct);
        var facts = await loader.NodeAccessAsync(alert.TriggerNodes.ToList(), ct);
        var audience = new AlertAudience(alert.Urgent, alert.MunicipalityCode, alert.Recipients.Select(r => r.UserId).ToList());
        var triggers = facts.Values.ToList();
        if (triggers.Count != alert.TriggerNodes.Count()) return [];
        return workers.Where(u => AlertAccess.AlertVisible(u.AsActor(), audience, triggers)).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
    }
}
