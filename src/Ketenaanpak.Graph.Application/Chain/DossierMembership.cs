using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Provenance;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Chain;

/// <summary>What the analyst typed to add an entity to a dossier; text, so every problem gets a Dutch message.</summary>
public sealed record MemberInput(string? Dossier, string? Entity, string? Role, string? PerpetratorRole, string? Awareness,
    string? Signal, string? Reference);

/// <summary>An open dossier the actor may work on, for a choice list.</summary>
public sealed record WorkableDossier(string Number, string Title);

/// <summary>
/// Dossier formation by hand (issue 7.1): an analyst, coordinator or case-meeting member adds an entity they can see to
/// a dossier they work on, in a role, with its source — a signal (which then joins the dossier) or a reference such as
/// a police report number — and links further signals to the dossier. The weighing step requires a source for every
/// member, so the source is asked for here rather than later. Each change is saved whole and audited.
/// </summary>
public sealed class DossierMembership(IGraphDbContext db, DossierProcess process, IAuditLog audit, TimeProvider clock, Network.ViewerScopes scopes)
{
    public const int MaxReferenceLength = 200;
    public const int MaxReasonLength = 500;

    /// <summary>Open dossiers the actor may act on, by number.</summary>
    public async Task<IReadOnlyList<WorkableDossier>> WorkableAsync(Actor actor, CancellationToken ct = default)
    {
        var open = await db.Dossiers.AsNoTracking().Include(d => d.Shares)
            .Where(d => d.Stage != DossierStage.Closed).OrderBy(d => d.Number).ToListAsync(ct);
        return open.Where(d => DossierProcess.MayAct(actor, d)).Select(d => new WorkableDossier(d.Number, d.Title)).ToList();
    }

    /// <summary>
    /// The entity's caption for the actor (a victim outside the actor's team under its pseudonym) when the entity is in
    /// the actor's network — the decision of <c>/api/nodes/{id}</c>, through <see cref="Network.ViewerScope"/>; null
    /// otherwise, for a hidden entity exactly as for one that does not exist.
    /// </summary>
    public async Task<string?> CaptionAsync(Actor actor, NodeId id, CancellationToken ct = default) =>
        (await scopes.ForAsync(actor, [id], ct)).LabelOf(id);

    /// <summary>The add-to-dossier page's read of an entity: audited, whether shown or refused.</summary>
    public async Task<string?> ShowAsync(Actor actor, NodeId id, string? purpose, CancellationToken ct = default)
    {
        var caption = await CaptionAsync(actor, id, ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Node", id.ToString(),
            caption is null ? "toevoegen aan dossier: geweigerd (onbekend of niet in het netwerk van de gebruiker)" : "toevoegen aan dossier: naam getoond", purpose), ct);
        return caption;
    }

    public async Task<(ProcessResult Result, string? Number)> AddMemberAsync(Actor actor, MemberInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        NodeId? node = Guid.TryParse(input.Entity, out var g) ? new NodeId(g) : null;
        string? caption = node is { } n ? await CaptionAsync(actor, n, ct) : null;
        if (caption is null) errors["Entiteit"] = "Deze entiteit bestaat niet of u mag haar niet inzien.";
        var role = ParseEnum<DossierRole>(input.Role);
        if (role is null) errors["Rol"] = "Kies de rol in dit dossier: dader, slachtoffer, faciliteerder of getuige / overig.";
        var perpetratorRole = string.IsNullOrWhiteSpace(input.PerpetratorRole) ? Domain.Dossiers.PerpetratorRole.Unknown : ParseEnum<PerpetratorRole>(input.PerpetratorRole);
        if (perpetratorRole is null) errors["Daderrol"] = "Kies een daderrol uit de lijst.";
        var awareness = string.IsNullOrWhiteSpace(input.Awareness) ? FacilitatorAwareness.Unknown : ParseEnum<FacilitatorAwareness>(input.Awareness);
        if (awareness is null) errors["Bewustzijn"] = "Kies bewust, onbewust of onbekend.";
        var reference = input.Reference?.Trim();
        if (reference is { Length: > MaxReferenceLength }) errors["Bron"] = $"De bronverwijzing heeft hoogstens {MaxReferenceLength} tekens.";
        else if (reference is { Length: > 0 } && reference.Any(char.IsControl)) errors["Bron"] = "De bronverwijzing mag geen regeleinden of stuurtekens bevatten.";
        var signal = await SignalAsync(actor, input.Signal, errors, ct);
        if (signal is null && string.IsNullOrEmpty(reference) && !errors.ContainsKey("Signaal") && !errors.ContainsKey("Bron"))
            errors["Bron"] = "Noem de bron: een signaalnummer of een verwijzing, bijvoorbeeld het nummer van een proces-verbaal.";

        if (string.IsNullOrWhiteSpace(input.Dossier)) { errors["Dossier"] = "Kies het dossier."; return (ProcessResult.Refused(errors), null); }
        var dossier = await process.FindAsync(actor, input.Dossier.Trim(), ct);
        if (dossier is null || dossier.Stage == DossierStage.Closed || !DossierProcess.MayAct(actor, dossier))
            errors["Dossier"] = "Kies een open dossier waarin u mag werken.";
        if (errors.Count > 0) return (ProcessResult.Refused(errors), null);

        try
        {
            var source = new Provenance(actor.PartnerId, signal?.Id, string.IsNullOrEmpty(reference) ? null : reference, null,
                clock.GetUtcNow(), Grading.Default, LegalBasis.Covenant, HandlingCode.Chain, dossier!.RetainUntil);
            dossier.AddMember(node!.Value, role!.Value, perpetratorRole!.Value, awareness!.Value, source);
            if (signal is not null) dossier.AddSignal(signal.Id);
        }
        catch (DomainException e)
        {
            return (ProcessResult.Refused(e.Field switch { nameof(Dossier.Members) => "Rol", "PerpetratorRole" => "Daderrol", "FacilitatorAwareness" => "Bewustzijn", _ => "" }, e.Message), null);
        }
        if (await DossierProcess.TrySaveAsync(db, ct) is { } conflict) return (conflict, null);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Dossier", dossier.Number,
            $"lid toegevoegd: entiteit {node} als {role.Value.Dutch().ToLowerInvariant()} (bron: {signal?.Number ?? reference})", null), ct);
        return (ProcessResult.Done, dossier.Number);
    }

    /// <summary>Links a signal the actor may read to a dossier they work on; linking it twice changes nothing.</summary>
    public async Task<ProcessResult> LinkSignalAsync(Actor actor, string number, string? signalNumber, CancellationToken ct = default)
    {
        if (await process.FindAsync(actor, number, ct) is not { } dossier) return ProcessResult.NotFound;
        if (!DossierProcess.MayAct(actor, dossier)) return ProcessResult.Forbidden;
        if (dossier.Stage == DossierStage.Closed) return ProcessResult.Refused("Signaal", "Een gesloten dossier krijgt geen signalen meer.");
        var errors = new Dictionary<string, string>();
        var signal = await SignalAsync(actor, signalNumber, errors, ct);
        if (signal is null) return errors.Count > 0 ? ProcessResult.Refused(errors) : ProcessResult.Refused("Signaal", "Vul het signaalnummer in, bijvoorbeeld SIG-2026-0012.");
        if (dossier.Signals.Any(s => s.SignalId == signal.Id)) return ProcessResult.Done;
        dossier.AddSignal(signal.Id);
        if (await DossierProcess.TrySaveAsync(db, ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Dossier", dossier.Number, $"signaal {signal.Number} gekoppeld", null), ct);
        return ProcessResult.Done;
    }

    /// <summary>
    /// Takes an entity out of a dossier in one role, with the reason in the audit log. Refused while an intervention of
    /// this dossier aimed at the entity is still running and this is its last role here: the intervention would lose
    /// its target.
    /// </summary>
    public async Task<ProcessResult> RemoveMemberAsync(Actor actor, string number, string? entity, string? role, string? reason, CancellationToken ct = default)
    {
        if (await process.FindAsync(actor, number, ct) is not { } dossier) return ProcessResult.NotFound;
        if (!DossierProcess.MayAct(actor, dossier)) return ProcessResult.Forbidden;
        var member = Guid.TryParse(entity, out var g) && ParseEnum<DossierRole>(role) is { } r
            ? dossier.Members.FirstOrDefault(m => m.NodeId == new NodeId(g) && m.Role == r)
            : null;
        if (member is null) return ProcessResult.Refused("Lid", "Deze entiteit staat niet (meer) met deze rol in het dossier.");

        var errors = new Dictionary<string, string>();
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) errors["Reden"] = "Geef een reden: waarom hoort deze entiteit niet (meer) in deze rol bij het dossier?";
        else if (why.Length > MaxReasonLength) errors["Reden"] = $"De reden heeft hoogstens {MaxReasonLength} tekens.";
        else if (why.Any(c => char.IsControl(c) && c is not ('\n' or '\r'))) errors["Reden"] = "De reden mag geen stuurtekens bevatten.";
        if (dossier.Members.Count(m => m.NodeId == member.NodeId) == 1)
        {
            var running = await db.Interventions.AsNoTracking()
                .Where(i => i.DossierId == dossier.Id && i.Targets.Any(t => t.NodeId == member.NodeId)
                    && (i.Status == InterventionStatus.Proposed || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress))
                .Select(i => i.Title).ToListAsync(ct);
            if (running.Count > 0)
                errors["Lid"] = $"Deze entiteit is het doel van een lopende interventie ({string.Join(", ", running.Order(StringComparer.CurrentCulture))}). " +
                    "Rond die eerst af of trek haar in.";
        }
        if (errors.Count > 0) return ProcessResult.Refused(errors);

        try
        {
            dossier.RemoveMember(member.NodeId, member.Role);
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused("Lid", e.Message);
        }
        if (await DossierProcess.TrySaveAsync(db, ct) is { } conflict) return conflict;
        // The entity by id, not by name: the audit log outlives the dossier and must not keep its names (issue 14.4).
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Dossier", dossier.Number,
            $"lid verwijderd: entiteit {member.NodeId} als {member.Role.Dutch().ToLowerInvariant()}", why), ct);
        return ProcessResult.Done;
    }

    private sealed record SignalRef(SignalId Id, string Number);

    private async Task<SignalRef?> SignalAsync(Actor actor, string? number, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var trimmed = number.Trim().ToUpperInvariant();
        var found = trimmed.Length > 40 ? null : await db.Signals.AsNoTracking().Where(s => s.Number == trimmed)
            .Select(s => new { s.Id, s.Number, s.Provenance.SourcePartner }).SingleOrDefaultAsync(ct);
        if (found is null || !AccessPolicy.MayReadSignal(actor, found.SourcePartner))
        {
            errors["Signaal"] = "Er is geen signaal met dit nummer dat u mag inzien.";
            return null;
        }
        return new SignalRef(found.Id, found.Number);
    }

    private static T? ParseEnum<T>(string? text) where T : struct, Enum =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
        && Enum.IsDefined(typeof(T), v) ? (T)(object)v : null;

}
