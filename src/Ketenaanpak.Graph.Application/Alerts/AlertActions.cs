using System.Globalization;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

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
        if (string.IsNullOrWhiteSpace(dossierNumber)) return ProcessResult.Refused("Dossier", "Kies een open dossier of open een nieuw dossier.");
        if (role is not { } chosen || !Enum.IsDefined(chosen)) return ProcessResult.Refused("Rol", "Kies de rol van de entiteit in het dossier.");
        Dossier? dossier;
        var opened = false;
        if (dossierNumber.Trim() == NewDossier)
        {
            if (!MayOpenDossier(actor)) return ProcessResult.Forbidden;
            // The alert's municipality, else that of its signal, else the town of a trigger address (pattern alerts carry
            // neither a municipality nor a signal of their own).
            var signalFacts = alert.SignalId is { } signalId
                ? await db.Signals.AsNoTracking().Where(s => s.Id == signalId).Select(s => new { s.MunicipalityCode, s.Form }).FirstOrDefaultAsync(ct)
                : null;
            var municipality = alert.MunicipalityCode ?? signalFacts?.MunicipalityCode ?? await TownOfAsync(VisibleTriggers(actor, alert, facts), ct);
            if (municipality is null || Domain.Partners.Municipality.Find(municipality) is null)
                return ProcessResult.Refused("Dossier", "Deze signalering hoort bij geen gemeente; voeg haar toe aan een bestaand dossier.");
            dossier = await OpenDossierAsync(actor, alert, municipality, signalFacts?.Form ?? ExploitationForm.Unknown, ct);
            opened = true;
        }
        else dossier = await dossiers.FindAsync(actor, dossierNumber.Trim(), ct);
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
        var records = new List<AuditRecord>();
        if (opened)
            records.Add(new AuditRecord(actor, AuditAction.Create, "Dossier", dossier.Number, $"dossier geopend vanuit signalering: {dossier.Title}", null));
        records.Add(new AuditRecord(actor, AuditAction.Update, "Dossier", dossier.Number, $"{added} entiteit(en) als {chosen.Dutch().ToLowerInvariant()} toegevoegd uit signalering", null));
        records.Add(new AuditRecord(actor, AuditAction.StatusChange, "Signalering", alert.Id.ToString(), $"toegevoegd aan dossier {dossier.Number}", null));
        await audit.AppendManyAsync(records, ct);
        return ProcessResult.Done;
    }

    private static List<NodeId> VisibleTriggers(Actor actor, Alert alert, Dictionary<NodeId, NodeAccessFact> facts) =>
        alert.TriggerNodes.Where(n => facts.TryGetValue(n, out var f) && AlertAccess.NodeVisible(actor, f)).ToList();

    /// <summary>The municipality of the first trigger node with a Twente town (an address), if any.</summary>
    private async Task<string?> TownOfAsync(IReadOnlyList<NodeId> nodes, CancellationToken ct)
    {
        var towns = await db.Nodes.AsNoTracking().Where(n => nodes.Contains(n.Id))
            .SelectMany(n => n.Statements).Where(st => st.Property == "town").Select(st => st.Value).ToListAsync(ct);
        return towns.Select(t => Domain.Partners.Municipality.Twente.FirstOrDefault(m => m.Name == t)?.Code).FirstOrDefault(c => c is not null);
    }

    /// <summary>The value of the dossier choice that opens a new dossier for the alert instead of using an existing one.</summary>
    public const string NewDossier = "nieuw";

    /// <summary>
    /// Opening a dossier is dossier formation (domain.md §2): the RIEC analyst, who builds dossiers from all partners'
    /// signals, and the municipal coordinator, who steers the municipality's cases.
    /// </summary>
    public static bool MayOpenDossier(Actor actor) => !actor.IsSystem && actor.Role is Roles.RiecAnalyst or Roles.MunicipalCoordinator;

    /// <summary>
    /// A new dossier in the given municipality, owned by the actor's organisation, at the first step (detection), with
    /// the form of exploitation of the alert's signal; tracked, saved with the members in one go.
    /// </summary>
    private async Task<Dossier> OpenDossierAsync(Actor actor, Alert alert, string municipality, ExploitationForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var prefix = $"DOS-{now.Year}-";
        var numbers = await db.Dossiers.AsNoTracking().Where(d => d.Number.StartsWith(prefix)).Select(d => d.Number).ToListAsync(ct);
        var last = numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        var title = alert.Summary.Length <= 200 ? alert.Summary : alert.Summary[..197] + "…";
        var dossier = new Dossier(DossierId.New(), string.Create(CultureInfo.InvariantCulture, $"{prefix}{last + 1:000}"), title,
            municipality, actor.PartnerId, form, now, DateOnly.FromDateTime(now.UtcDateTime).AddYears(Intake.SignalIntake.RetentionYears));
        db.Dossiers.Add(dossier);
        return dossier;
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
