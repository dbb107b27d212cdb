using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>
/// What a case worker does with an alert: change its status (dismissing needs a reason), assign it, add its trigger
/// entities to an open dossier, ask for an ad-hoc case meeting. Each is recorded in the alert's history and audited;
/// a refusal changes nothing. Answers use <see cref="ProcessResult"/> (not found, forbidden, refused with Dutch reasons).
/// </summary>
public sealed class AlertActions(IGraphDbContext db, AlertQueries queries, DossierProcess dossiers, IAuditLog audit, TimeProvider clock)
{
    public async Task<ProcessResult> ChangeStatusAsync(Actor actor, Guid id, AlertStatus to, string? reason, CancellationToken ct)
    {
        if (await queries.LoadVisibleAsync(actor, id, ct) is not { } found) return ProcessResult.NotFound;
        if (!AlertAccess.MayAct(actor)) return ProcessResult.Forbidden;
        var alert = found.Alert;
        var from = alert.Status;
        try
        {
            alert.ChangeStatus(to, actor.UserName, reason, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field == "Reason" ? "Reden" : "Status", e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.StatusChange, "Signalering", alert.Id.ToString(),
            $"status {from.Dutch()} → {to.Dutch()}", reason?.Trim()), ct);
        return ProcessResult.Done;
    }

    /// <summary>Assigns to a case worker who may see the alert; an empty <paramref name="userId"/> withdraws the assignment.</summary>
    public async Task<ProcessResult> AssignAsync(Actor actor, Guid id, string? userId, CancellationToken ct)
    {
        if (await queries.LoadVisibleAsync(actor, id, ct) is not { } found) return ProcessResult.NotFound;
        if (!AlertAccess.MayAct(actor)) return ProcessResult.Forbidden;
        var alert = found.Alert;
        if (!alert.IsOpen) return ProcessResult.Refused("Toegewezen", "Een afgehandelde signalering wordt niet meer toegewezen.");
        AlertUser? user = null;
        if (!string.IsNullOrWhiteSpace(userId))
        {
            user = (await queries.AssignableAsync(alert, ct)).FirstOrDefault(u => u.UserId == userId);
            if (user is null) return ProcessResult.Refused("Toegewezen", "Kies een gebruiker die deze signalering mag zien.");
        }
        alert.Assign(user?.UserId, user?.DisplayName, actor.UserName, clock.GetUtcNow());
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Signalering", alert.Id.ToString(),
            user is null ? "toewijzing ingetrokken" : $"toegewezen aan {user.DisplayName}", null), ct);
        return ProcessResult.Done;
    }

    /// <summary>
    /// Adds the trigger entities to an open dossier the actor works on, in the chosen role, with the alert as source;
    /// the alert's signal goes into the dossier too. Dossier and alert are saved together: nothing half-saved.
    /// </summary>
    public async Task<ProcessResult> AddToDossierAsync(Actor actor, Guid id, string? dossierNumber, DossierRole? role, CancellationToken ct)
    {
        if (await queries.LoadVisibleAsync(actor, id, ct) is not { } found) return ProcessResult.NotFound;
        if (!AlertAccess.MayAct(actor)) return ProcessResult.Forbidden;
        var (alert, facts) = found;
        if (!alert.IsOpen) return ProcessResult.Refused("Status", "Alleen een nieuwe of in behandeling zijnde signalering kan aan een dossier worden toegevoegd.");
        if (string.IsNullOrWhiteSpace(dossierNumber)) return ProcessResult.Refused("Dossier", "Kies een open dossier.");
        if (role is not { } chosen || !Enum.IsDefined(chosen)) return ProcessResult.Refused("Rol", "Kies de rol van de entiteit in het dossier.");
        var dossier = await dossiers.FindAsync(actor, dossierNumber.Trim(), ct);
        if (dossier is null || dossier.Stage == DossierStage.Closed || !DossierProcess.MayAct(actor, dossier))
            return ProcessResult.Refused("Dossier", "Kies een open dossier waarin u mag werken.");
        var triggers = alert.TriggerNodes.Where(n => facts.TryGetValue(n, out var f) && AlertAccess.NodeVisible(actor, f)).ToList();
        if (triggers.Count == 0 && alert.SignalId is null)
            return ProcessResult.Refused("Dossier", "Deze signalering heeft geen entiteiten die u aan een dossier kunt toevoegen.");
        var now = clock.GetUtcNow();
        var added = 0;
        try
        {
            var source = new Provenance(actor.PartnerId, alert.SignalId, $"signalering {alert.Id}", null, now, Grading.Default,
                LegalBasis.Covenant, HandlingCode.Chain, dossier.RetainUntil);
            foreach (var node in triggers.Where(n => !dossier.Members.Any(m => m.NodeId == n && m.Role == chosen)))
            {
                dossier.AddMember(node, chosen, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, source);
                added++;
            }
            if (alert.SignalId is { } signal) dossier.AddSignal(signal);
            alert.MarkAddedToDossier(dossier.Number, actor.UserName, now);
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused("Dossier", e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendManyAsync(
        [
            new AuditRecord(actor, AuditAction.Update, "Dossier", dossier.Number, $"{added} entiteit(en) als {chosen.Dutch().ToLowerInvariant()} toegevoegd uit signalering", null),
            new AuditRecord(actor, AuditAction.StatusChange, "Signalering", alert.Id.ToString(), $"toegevoegd aan dossier {dossier.Number}", null),
        ], ct);
        return ProcessResult.Done;
    }

    /// <summary>The analyst asks for an ad-hoc case meeting; recorded on the alert and audited (the meeting is planned elsewhere).</summary>
    public async Task<ProcessResult> RequestCaseMeetingAsync(Actor actor, Guid id, string? note, CancellationToken ct)
    {
        if (await queries.LoadVisibleAsync(actor, id, ct) is not { } found) return ProcessResult.NotFound;
        if (!AlertAccess.MayRequestCaseMeeting(actor)) return ProcessResult.Forbidden;
        try
        {
            found.Alert.RequestCaseMeeting(actor.UserName, note, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused("Casusoverleg", e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "Casusoverleg", found.Alert.Id.ToString(),
            "ad-hoc casusoverleg aangevraagd vanuit signalering", note?.Trim()), ct);
        return ProcessResult.Done;
    }

    private async Task<ProcessResult?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (ConcurrencyConflictException e)
        {
            return ProcessResult.Refused("", e.Message);
        }
    }
}
