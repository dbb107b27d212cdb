using System.Text.Json;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Interventions;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.CaseMeetings;

/// <summary>A member of the dossier as it stood at the meeting.</summary>
public sealed record SnapshotMember(string NodeId, string Role, string Caption);

/// <summary>An intervention of the dossier as it stood at the meeting.</summary>
public sealed record SnapshotIntervention(string Title, string Type, string Partner, DateOnly? Due, string Status, bool Overdue);

/// <summary>
/// A dossier frozen as the case meeting discussed it: stage, priority and its explanation, members, interventions.
/// Stored as JSON on the agenda item, so the minutes show what the meeting saw even after the dossier moved on (or
/// was deleted at the end of its retention).
/// </summary>
public sealed record DossierSnapshot(string Number, string Title, string Stage, string Form, string Municipality, string? Priority,
    string? PriorityExplanation, string? PlanOfApproach, IReadOnlyList<SnapshotMember> Members, IReadOnlyList<SnapshotIntervention> Interventions,
    int NewAlerts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DossierSnapshot? FromJson(string json)
    {
        try { return JsonSerializer.Deserialize<DossierSnapshot>(json, Json); }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// The snapshot as one reader may see it today: only the members in the reader's network (<see cref="Network.ViewerScope"/>,
    /// the decision of <c>/api/nodes/{id}</c>), each under the reader's label (a victim outside the reader's team by
    /// pseudonym). A member deleted since (end of retention) is left out for everyone.
    /// </summary>
    public DossierSnapshot SeenBy(Network.ViewerScope scope) => this with
    {
        Members = Members
            .Select(m => Guid.TryParse(m.NodeId, out var id) ? (m, Label: scope.LabelOf(new NodeId(id))) : (m, Label: null))
            .Where(x => x.Label is not null).Select(x => x.m with { Caption = x.Label! }).ToList(),
    };

    /// <summary>Takes the snapshot of a dossier whose members and weighings are loaded.</summary>
    public static async Task<DossierSnapshot> TakeAsync(IGraphDbContext db, Dossier dossier, DateOnly today, int newAlerts, CancellationToken ct)
    {
        var nodeIds = dossier.Members.Select(m => m.NodeId).Distinct().ToList();
        var captions = await db.Nodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Caption, ct);
        var interventions = await db.Interventions.AsNoTracking().Where(i => i.DossierId == dossier.Id).ToListAsync(ct);
        var partnerIds = interventions.Select(i => i.AssignedPartnerId).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var weighing = dossier.CurrentWeighing;
        return new DossierSnapshot(dossier.Number, dossier.Title, dossier.Stage.Dutch(), dossier.Form.ToString(),
            Domain.Partners.Municipality.NameOf(dossier.LeadMunicipalityCode), weighing?.Priority.Dutch(), weighing?.Explanation,
            weighing?.PlanOfApproach,
            dossier.Members.OrderBy(m => m.Role).Select(m => new SnapshotMember(m.NodeId.Value.ToString(), m.Role.Dutch(),
                captions.GetValueOrDefault(m.NodeId, "onbekend"))).ToList(),
            interventions.OrderBy(i => i.DueDate ?? DateOnly.MaxValue).Select(i => new SnapshotIntervention(i.Title, i.Type.Dutch(),
                partners.GetValueOrDefault(i.AssignedPartnerId, "onbekende partner"), i.DueDate, i.Status.Dutch(), i.IsOverdue(today))).ToList(),
            newAlerts);
    }
}
