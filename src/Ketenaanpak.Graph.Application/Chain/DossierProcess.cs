using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Application.Chain;

/// <summary>A possible move of the dossier, with what is still missing for it (empty = allowed now).</summary>
public sealed record StageMove(DossierStage To, bool Forward, IReadOnlyList<string> Missing);

/// <summary>A criminal-law signal of an investigating partner and the prosecutor's decision on it, if any.</summary>
public sealed record ConsentItem(string SignalNumber, string PartnerName, string LegalBasis, bool? Granted, string? By, string? Note, DateTimeOffset? At);

/// <summary>A member of the dossier for the weighing form: who, in what role, with the approach chosen so far.</summary>
public sealed record ApproachItem(NodeId NodeId, DossierRole Role, string Caption, string? Approach);

/// <summary>A member as the members table shows it: who, in what role, from which source (signal number or reference).</summary>
public sealed record MemberItem(NodeId NodeId, DossierRole Role, string Caption, PerpetratorRole PerpetratorRole,
    FacilitatorAwareness Awareness, string? Source);

/// <summary>Everything the process panel of a dossier page shows.</summary>
public sealed record DossierProcessView(
    Dossier Dossier,
    IReadOnlyList<MemberItem> Members,
    IReadOnlyList<StageMove> Moves,
    IReadOnlyList<ConsentItem> Consents,
    IReadOnlyList<ApproachItem> Approaches,
    bool MayAct,
    bool MayDecideConsent);

/// <summary>The answer of a process action: done, not found (or not readable), not allowed, or refused with reasons.</summary>
public sealed record ProcessResult(bool Found, bool Allowed, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly ProcessResult NotFound = new(false, false, new Dictionary<string, string>());
    public static readonly ProcessResult Forbidden = new(true, false, new Dictionary<string, string>());
    public static readonly ProcessResult Done = new(true, true, new Dictionary<string, string>());
    public static ProcessResult Refused(string field, string message) => new(true, true, new Dictionary<string, string> { [field] = message });
    public static ProcessResult Refused(IReadOnlyDictionary<string, string> errors) => new(true, true, errors);
    public bool Succeeded => Found && Allowed && Errors.Count == 0;
}

/// <summary>
/// The chain process of a dossier (issue 7, domain.md §2): moving between steps under the workflow's guards, the
/// weighing with its priority, the prosecutor's consent for criminal-law signals, and the closing evaluation. Every
/// decision is recorded on the dossier with its author and written to the audit log.
/// </summary>
public sealed class DossierProcess(IGraphDbContext db, IAuditLog audit, TimeProvider clock, IOptions<WeighingCriteria> criteria,
    Network.ViewerScopes scopes)
{
    public async Task<DossierProcessView?> ViewAsync(Actor actor, string number, CancellationToken ct = default)
    {
        if (await LoadAsync(actor, number, ct) is not { } dossier) return null;
        var facts = await FactsAsync(actor, dossier, ct);
        var moves = DossierWorkflow.Moves(dossier.Stage)
            .Select(to => new StageMove(to, to > dossier.Stage, DossierWorkflow.Missing(dossier.Stage, to, facts.Facts))).ToList();
        // Members outside the reader's network (a police-only person for a municipal coordinator) are left out of the
        // lists, as /api/nodes/{id} leaves them out: no name, no id.
        var approaches = facts.Captions
            .Where(m => facts.Visible.Contains(m.Key.Node))
            .Where(m => m.Key.Role is DossierRole.Perpetrator or DossierRole.Victim or DossierRole.Facilitator)
            .Select(m => new ApproachItem(m.Key.Node, m.Key.Role, m.Value,
                dossier.CurrentWeighing?.Approaches.FirstOrDefault(a => a.NodeId == m.Key.Node && a.Role == m.Key.Role)?.Approach))
            .OrderBy(a => a.Role).ThenBy(a => a.Caption, StringComparer.CurrentCulture).ToList();
        var sourceSignals = dossier.Members.Select(m => m.Provenance.SourceSignal).OfType<SignalId>().Distinct().ToList();
        var signalNumbers = await db.Signals.AsNoTracking().Where(s => sourceSignals.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        var members = dossier.Members
            .Where(m => facts.Visible.Contains(m.NodeId))
            .Select(m => new MemberItem(m.NodeId, m.Role, facts.Captions[(m.NodeId, m.Role)], m.PerpetratorRole, m.Awareness,
                m.Provenance.SourceSignal is { } signal && signalNumbers.TryGetValue(signal, out var n) ? n : m.Provenance.SourceReference))
            .OrderBy(m => m.Role).ThenBy(m => m.Caption, StringComparer.CurrentCulture).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Dossier", dossier.Number,
            $"procespagina: {members.Count} leden getoond", null), ct);
        return new DossierProcessView(dossier, members, moves, facts.Consents, approaches, MayAct(actor, dossier), MayDecideConsent(actor));
    }

    public async Task<ProcessResult> MoveAsync(Actor actor, string number, DossierStage to, string? reason, CancellationToken ct = default)
    {
        if (await LoadAsync(actor, number, ct) is not { } dossier) return ProcessResult.NotFound;
        if (!MayAct(actor, dossier)) return ProcessResult.Forbidden;
        var from = dossier.Stage;
        var facts = await FactsAsync(actor, dossier, ct);
        try
        {
            dossier.MoveTo(to, actor.UserName, reason ?? "", clock.GetUtcNow(), facts.Facts);
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field == "reason" ? "Reden" : "Stap", e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.StatusChange, "Dossier", dossier.Number,
            $"stap {from.Dutch()} → {to.Dutch()}", reason!.Trim()), ct);
        return ProcessResult.Done;
    }

    public async Task<ProcessResult> WeighAsync(Actor actor, string number, WeighingScores scores, string? plan, string? result,
        IReadOnlyList<MemberApproach> approaches, CancellationToken ct = default)
    {
        if (await LoadAsync(actor, number, ct) is not { } dossier) return ProcessResult.NotFound;
        if (!MayAct(actor, dossier)) return ProcessResult.Forbidden;
        if (dossier.Stage is not (DossierStage.WeighingAndQualification or DossierStage.Assignment))
            return ProcessResult.Refused("Stap", "Wegen kan in de stappen Weging en kwalificatie en Toewijzing interventies.");
        var problems = scores.Problems();
        if (problems.Count > 0) return ProcessResult.Refused(problems.ToDictionary(p => p.Field, p => p.Message));
        DossierWeighing weighing;
        try
        {
            weighing = dossier.RecordWeighing(scores, criteria.Value, plan, result, approaches, actor.UserName, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field ?? "", e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Judgement, "Dossier", dossier.Number,
            $"weging vastgelegd: score {weighing.Score:0.#}, prioriteit {weighing.Priority.Dutch().ToLowerInvariant()}, {weighing.Approaches.Count} aanpakken", null), ct);
        return ProcessResult.Done;
    }

    public async Task<ProcessResult> DecideConsentAsync(Actor actor, string number, string signalNumber, bool granted, string? note,
        CancellationToken ct = default)
    {
        if (await LoadAsync(actor, number, ct) is not { } dossier) return ProcessResult.NotFound;
        if (!MayDecideConsent(actor)) return ProcessResult.Forbidden;
        var signal = await db.Signals.AsNoTracking().Where(s => s.Number == signalNumber).Select(s => new { s.Id }).SingleOrDefaultAsync(ct);
        if (signal is null || dossier.Signals.All(s => s.SignalId != signal.Id))
            return ProcessResult.Refused("Signaal", "Dit signaal hoort niet bij het dossier.");
        try
        {
            dossier.RecordConsent(signal.Id, granted, actor.UserName, note, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field == "Note" ? "Toelichting" : "Signaal", e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Judgement, "Dossier", dossier.Number,
            $"officier van justitie: signaal {signalNumber} {(granted ? "mag" : "mag niet")} in het casusoverleg", note?.Trim()), ct);
        return ProcessResult.Done;
    }

    public async Task<ProcessResult> EvaluateAsync(Actor actor, string number, string? outcome, string? lessons, CancellationToken ct = default)
    {
        if (await LoadAsync(actor, number, ct) is not { } dossier) return ProcessResult.NotFound;
        if (!MayAct(actor, dossier)) return ProcessResult.Forbidden;
        try
        {
            dossier.RecordEvaluation(outcome, lessons, actor.UserName, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ProcessResult.Refused(e.Field switch { "Outcome" => "Uitkomst", "Lessons" => "Lessen", _ => "Stap" }, e.Message);
        }
        if (await SaveAsync(ct) is { } conflict) return conflict;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Judgement, "Dossier", dossier.Number, "slotevaluatie vastgelegd", null), ct);
        return ProcessResult.Done;
    }

    /// <summary>
    /// Who works the case decides its steps: the RIEC analyst, the coordinator of the lead municipality and the members
    /// of the case meeting (which takes the decisions); they must be able to read the dossier.
    /// </summary>
    public static bool MayAct(Actor actor, Dossier dossier) =>
        !actor.IsSystem && actor.Role is Roles.RiecAnalyst or Roles.MunicipalCoordinator or Roles.CaseMeetingMember
        && AccessPolicy.MayReadDossier(actor, DossierAccessInfo.Of(dossier));

    /// <summary>Only the public prosecutor's office decides whether criminal-law information enters the case meeting.</summary>
    public static bool MayDecideConsent(Actor actor) =>
        !actor.IsSystem && actor.Role == Roles.CaseMeetingMember && actor.PartnerKind == PartnerKind.PublicProsecutor;

    /// <summary>The dossier with its members, signals and decisions, tracked; null when missing or not readable.</summary>
    public Task<Dossier?> FindAsync(Actor actor, string number, CancellationToken ct = default) => LoadAsync(actor, number, ct);

    private async Task<Dossier?> LoadAsync(Actor actor, string number, CancellationToken ct)
    {
        var dossier = await db.Dossiers.Include(d => d.Shares).Include(d => d.Evaluation)
            .SingleOrDefaultAsync(d => d.Number == number, ct);
        if (dossier is null || !AccessPolicy.MayReadDossier(actor, DossierAccessInfo.Of(dossier))) return null;
        // The collections in separate tracked queries (EF fixes them up on the same instance): one query with all of
        // them would return the product of their row counts.
        await db.Dossiers.Where(d => d.Id == dossier.Id).Include(d => d.Members).Include(d => d.Signals).LoadAsync(ct);
        await db.Dossiers.Where(d => d.Id == dossier.Id).Include(d => d.StageChanges).Include(d => d.Consents).LoadAsync(ct);
        await db.Dossiers.Where(d => d.Id == dossier.Id).Include(d => d.Weighings).ThenInclude(w => w.Approaches).LoadAsync(ct);
        return dossier;
    }

    private Task<ProcessResult?> SaveAsync(CancellationToken ct) => TrySaveAsync(db, ct);

    /// <summary>Saves; a concurrent edit becomes a refusal with the store's Dutch message instead of an exception.</summary>
    internal static async Task<ProcessResult?> TrySaveAsync(IGraphDbContext db, CancellationToken ct)
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


    private sealed record CollectedFacts(WorkflowFacts Facts, IReadOnlyList<ConsentItem> Consents,
        IReadOnlyDictionary<(NodeId Node, DossierRole Role), string> Captions, IReadOnlySet<NodeId> Visible);

    /// <summary>Words shown for a member the reader may not see (in the "what is still missing" lines): no name, no id.</summary>
    public const string HiddenMember = "een afgeschermde entiteit (vraag na bij de bronpartner)";

    private async Task<CollectedFacts> FactsAsync(Actor actor, Dossier dossier, CancellationToken ct)
    {
        // Captions through the reader's scope, the decision of /api/nodes/{id}: reading the dossier does not make a
        // police-only (Wpg) member readable for a municipal coordinator.
        var nodeIds = dossier.Members.Select(m => m.NodeId).Distinct().ToList();
        var scope = await scopes.ForAsync(actor, nodeIds, ct);
        var captions = nodeIds.ToDictionary(id => id, scope.LabelOf);
        var visible = captions.Where(c => c.Value is not null).Select(c => c.Key).ToHashSet();
        var byMember = dossier.Members.ToDictionary(m => (m.NodeId, m.Role), m => captions[m.NodeId] ?? HiddenMember);
        var withoutSource = dossier.Members
            .Where(m => m.Provenance.SourceSignal is null && string.IsNullOrWhiteSpace(m.Provenance.SourceReference))
            .Select(m => byMember[(m.NodeId, m.Role)]).Distinct().ToList();
        var weighing = dossier.CurrentWeighing;
        var withoutApproach = weighing is null ? [] : dossier.Members
            .Where(m => m.Role is DossierRole.Perpetrator or DossierRole.Victim or DossierRole.Facilitator)
            .Where(m => !weighing.Approaches.Any(a => a.NodeId == m.NodeId && a.Role == m.Role))
            .Select(m => byMember[(m.NodeId, m.Role)]).Distinct().ToList();

        var signalIds = dossier.Signals.Select(s => s.SignalId).ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => signalIds.Contains(s.Id))
            .Join(db.Partners.AsNoTracking(), s => s.Provenance.SourcePartner, p => p.Id,
                (s, p) => new { s.Id, s.Number, p.Name, p.Kind, s.Provenance.LegalBasis })
            .ToListAsync(ct);
        var criminal = signals
            .Where(s => s.Kind.IsInvestigating() && s.LegalBasis is LegalBasis.PoliceDataAct or LegalBasis.JusticeDataAct)
            .OrderBy(s => s.Number, StringComparer.Ordinal).ToList();
        var consents = criminal.Select(s =>
        {
            var last = dossier.Consents.Where(c => c.SignalId == s.Id).MaxBy(c => c.At);
            return new ConsentItem(s.Number, s.Name, s.LegalBasis.Dutch(), last?.Granted, last?.By, last?.Note, last?.At);
        }).ToList();

        var statuses = await db.Interventions.AsNoTracking().Where(i => i.DossierId == dossier.Id).Select(i => i.Status).ToListAsync(ct);
        var facts = new WorkflowFacts(
            Signals: dossier.Signals.Count,
            Perpetrators: dossier.Members.Count(m => m.Role == DossierRole.Perpetrator),
            Victims: dossier.Members.Count(m => m.Role == DossierRole.Victim),
            Facilitators: dossier.Members.Count(m => m.Role == DossierRole.Facilitator),
            MembersWithoutSource: withoutSource,
            MembersWithoutApproach: withoutApproach,
            SignalsAwaitingConsent: consents.Where(c => c.Granted != true).Select(c => c.SignalNumber).ToList(),
            HasWeighing: weighing is not null,
            HasPlanOfApproach: weighing is { PlanOfApproach.Length: > 0, IntendedResult.Length: > 0 },
            InterventionsAccepted: statuses.Count(s => s is InterventionStatus.Accepted or InterventionStatus.InProgress or InterventionStatus.Done),
            InterventionsOpen: statuses.Count(s => s is InterventionStatus.Proposed or InterventionStatus.Accepted or InterventionStatus.InProgress),
            HasEvaluation: dossier.Evaluation is not null);
        return new CollectedFacts(facts, consents, byMember, visible);
    }

}
