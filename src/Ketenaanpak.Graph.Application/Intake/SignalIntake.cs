using System.Globalization;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Intake;

public enum IntakeStatus
{
    Saved,
    Invalid,
    NotFound,
    /// <summary>The signal was already submitted: it cannot change any more.</summary>
    AlreadySubmitted,
    Forbidden,
}

/// <summary>The answer of an intake action. <see cref="Number"/> is set once the signal is submitted.</summary>
public sealed record IntakeOutcome(IntakeStatus Status, SignalId? Id, string? Number, bool Urgent, IReadOnlyList<FieldError> Errors)
{
    public static IntakeOutcome Of(IntakeStatus status) => new(status, null, null, false, []);
    public static IntakeOutcome Refused(IReadOnlyList<FieldError> errors) => new(IntakeStatus.Invalid, null, null, false, errors);
}

/// <summary>
/// The signal intake (issue 6.1): drafts, submission and the links it makes. On submission everything is validated,
/// then the signal, its indicators, the mentioned entities (reusing an existing node when its exact key matches —
/// persons never, that is entity resolution's judgement), their statements and the relations between them are stored
/// in one transaction with the signal's provenance. After the commit every <see cref="ISignalSubmittedHandler"/> is
/// called; a failing handler is logged and never undoes the submission.
/// </summary>
public sealed class SignalIntake(IGraphDbContext db, IAuditLog audit, TimeProvider clock, IEnumerable<ISignalSubmittedHandler> handlers,
    ILogger<SignalIntake> log)
{
    /// <summary>How long a signal is kept when it leads nowhere (domain.md §7); a dossier extends it by a recorded decision.</summary>
    public const int RetentionYears = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool MayReport(Actor actor) =>
        !actor.IsSystem && actor.Role is Roles.PartnerContributor or Roles.MunicipalCoordinator or Roles.RiecAnalyst or Roles.CaseMeetingMember;

    /// <summary>The reporter's today is the Dutch calendar day: at 00:30 in Almelo "today" is already the new day.</summary>
    private DateOnly Today => DateOnly.FromDateTime(DutchCalendar.ToLocal(clock.GetUtcNow()));

    public async Task<IntakeOutcome> CreateDraftAsync(Actor actor, SignalIntakeInput input, CancellationToken ct = default)
    {
        if (!MayReport(actor)) return IntakeOutcome.Of(IntakeStatus.Forbidden);
        var check = SignalIntakeValidator.Validate(input, actor.PartnerKind, Today, complete: false);
        if (!check.IsValid) return IntakeOutcome.Refused(check.Errors);
        var draft = new SignalDraft(SignalId.New(), actor.UserId, actor.PartnerId, JsonSerializer.Serialize(input, Json), clock.GetUtcNow());
        db.SignalDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "Signal", draft.Id.ToString(), "concept opgeslagen", null), ct);
        return new IntakeOutcome(IntakeStatus.Saved, draft.Id, null, input.Urgent, []);
    }

    public async Task<IntakeOutcome> UpdateDraftAsync(Actor actor, SignalId id, SignalIntakeInput input, CancellationToken ct = default)
    {
        if (!MayReport(actor)) return IntakeOutcome.Of(IntakeStatus.Forbidden);
        var draft = await db.SignalDrafts.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null || !draft.IsOwnedBy(actor.UserId))
            return IntakeOutcome.Of(await IsOwnSubmittedAsync(actor, id, ct) ? IntakeStatus.AlreadySubmitted : IntakeStatus.NotFound);
        var check = SignalIntakeValidator.Validate(input, actor.PartnerKind, Today, complete: false);
        if (!check.IsValid) return IntakeOutcome.Refused(check.Errors);
        draft.Replace(JsonSerializer.Serialize(input, Json), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Signal", draft.Id.ToString(), "concept gewijzigd", null), ct);
        return new IntakeOutcome(IntakeStatus.Saved, draft.Id, null, input.Urgent, []);
    }

    /// <summary>The draft's input for editing; null when it does not exist or is someone else's.</summary>
    public async Task<SignalIntakeInput?> LoadDraftAsync(Actor actor, SignalId id, CancellationToken ct = default)
    {
        var draft = await db.SignalDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null || !draft.IsOwnedBy(actor.UserId)) return null;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signal", id.ToString(), "concept geopend", null), ct);
        return Deserialize(draft.Content);
    }

    /// <summary>Submits a stored draft as it was last saved (<paramref name="input"/> null) or with this final input.</summary>
    public async Task<IntakeOutcome> SubmitDraftAsync(Actor actor, SignalId id, SignalIntakeInput? input, CancellationToken ct = default)
    {
        if (!MayReport(actor)) return IntakeOutcome.Of(IntakeStatus.Forbidden);
        var draft = await db.SignalDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null || !draft.IsOwnedBy(actor.UserId))
            return IntakeOutcome.Of(await IsOwnSubmittedAsync(actor, id, ct) ? IntakeStatus.AlreadySubmitted : IntakeStatus.NotFound);
        return await SubmitAsync(actor, id, input ?? Deserialize(draft.Content), ct);
    }

    /// <summary>Submits a new signal in one step (no draft).</summary>
    public Task<IntakeOutcome> SubmitNewAsync(Actor actor, SignalIntakeInput input, CancellationToken ct = default) =>
        MayReport(actor) ? SubmitAsync(actor, SignalId.New(), input, ct) : Task.FromResult(IntakeOutcome.Of(IntakeStatus.Forbidden));

    private async Task<IntakeOutcome> SubmitAsync(Actor actor, SignalId id, SignalIntakeInput input, CancellationToken ct)
    {
        var check = SignalIntakeValidator.Validate(input, actor.PartnerKind, Today, complete: true);
        if (check.Signal is not { } valid) return IntakeOutcome.Refused(check.Errors);

        StoredSignal? stored = null;
        // Two submissions at the same moment can draw the same number or create the same keyed node; the unique indexes
        // refuse the second, which then starts again from a clean slate (nothing of the failed attempt was stored).
        for (var attempt = 1; stored is null; attempt++)
        {
            try
            {
                stored = await StoreAsync(actor, id, valid, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && e is not DbUpdateConcurrencyException)
            {
                log.LogWarning(e, "Submitting signal {Signal} collided with a concurrent write (attempt {Attempt}); retrying", id, attempt);
                (db as DbContext)?.ChangeTracker.Clear();
                if (await db.Signals.AnyAsync(s => s.Id == id, ct)) return IntakeOutcome.Of(IntakeStatus.AlreadySubmitted);
            }
        }

        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "Signal", stored.Number,
            string.Create(CultureInfo.InvariantCulture,
                $"ingediend; {stored.Nodes} entiteiten waarvan {stored.Linked} gekoppeld op sleutel, {stored.Relations} relaties{(valid.Urgent ? "; acuut gevaar" : "")}"),
            null), ct);
        foreach (var handler in handlers)
        {
            try
            {
                await handler.OnSubmittedAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The signal is in: a follow-up (resolution, alerts) that fails is retried by its own job, not by the reporter.
                log.LogError(e, "Follow-up {Handler} failed for submitted signal {Signal}", handler.GetType().Name, stored.Number);
            }
        }
        return new IntakeOutcome(IntakeStatus.Saved, id, stored.Number, valid.Urgent, []);
    }

    private sealed record StoredSignal(string Number, int Nodes, int Linked, int Relations);

    private async Task<StoredSignal> StoreAsync(Actor actor, SignalId id, ValidatedSignal valid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var number = await NextNumberAsync(now.Year, ct);
        var observedAt = DutchCalendar.StartOf(valid.ObservedOn);
        var provenance = new Domain.Provenance.Provenance(actor.PartnerId, null, valid.Reference ?? $"intake {number}", observedAt, now,
            valid.Grading, valid.LegalBasis, valid.HandlingCode, Today.AddYears(RetentionYears));
        var signal = new Signal(id, number, valid.ReporterName, valid.ObservedOn, valid.MunicipalityCode, valid.Form, valid.Sector, valid.Note,
            valid.Urgent, provenance);
        signal.SetLegalQualification(valid.LegalQualification);
        signal.RecordReporterAccount(actor.UserId);
        foreach (var code in valid.Indicators) signal.AddIndicator(code);

        // Every fact the signal brings carries the signal's provenance with the signal itself as source (domain.md §6).
        var facts = provenance with { SourceSignal = id };
        var nodeByIdentity = new Dictionary<string, NodeId>();
        var linked = 0;
        foreach (var mention in valid.AllMentions)
        {
            var existing = mention.ExactKey is null ? null
                : await db.Nodes.FirstOrDefaultAsync(n => n.Kind == mention.Kind && n.ExactKey == mention.ExactKey && n.MergedInto == null, ct);
            var node = existing ?? new Node(NodeId.New(), mention.Kind, mention.Caption, mention.ExactKey, facts);
            if (existing is null) db.Nodes.Add(node);
            else linked++;
            foreach (var (property, value) in mention.Values)
            {
                var statement = node.State(property, value, facts);
                if (existing is not null) db.Statements.Add(statement); // explicitly new: its key is set, so EF would assume an update
            }
            nodeByIdentity[mention.Identity] = node.Id;
            signal.Mention(node.Id, mention.Role);
        }

        // Refs are unique (validated); two refs with the same exact key point at the same node.
        var byRef = valid.Mentions.Concat(valid.Place is null ? [] : [valid.Place])
            .ToDictionary(m => m.Ref, m => nodeByIdentity[m.Identity], StringComparer.OrdinalIgnoreCase);
        foreach (var r in valid.Relations)
            db.Relations.Add(new Relation(RelationId.New(), r.Type, byRef[r.From], byRef[r.To], valid.ObservedOn, null, 1, r.Detail, facts));

        signal.Submit(now);
        db.Signals.Add(signal);
        if (await db.SignalDrafts.FirstOrDefaultAsync(d => d.Id == id, ct) is { } draft) db.SignalDrafts.Remove(draft);
        await db.SaveChangesAsync(ct);
        return new StoredSignal(number, nodeByIdentity.Count, linked, valid.Relations.Count);
    }

    /// <summary>SIG-yyyy-nnnn, continuing after the highest number of the year (the demo region numbers the same way).</summary>
    private async Task<string> NextNumberAsync(int year, CancellationToken ct)
    {
        var prefix = $"SIG-{year}-";
        var numbers = await db.Signals.AsNoTracking().Where(s => s.Number.StartsWith(prefix)).Select(s => s.Number).ToListAsync(ct);
        var last = numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{last + 1:0000}");
    }

    private async Task<bool> IsOwnSubmittedAsync(Actor actor, SignalId id, CancellationToken ct) =>
        await db.Signals.AsNoTracking().AnyAsync(s => s.Id == id && s.ReporterUserId == actor.UserId, ct);

    public static SignalIntakeInput Deserialize(string content)
    {
        try
        {
            return JsonSerializer.Deserialize<SignalIntakeInput>(content, Json) ?? new SignalIntakeInput();
        }
        catch (JsonException)
        {
            return new SignalIntakeInput(); // a draft written by an older version: start again rather than fail
        }
    }
}
