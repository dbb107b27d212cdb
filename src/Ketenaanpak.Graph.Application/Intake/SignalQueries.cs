using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Intake;

/// <summary>One row of a signal list. Drafts have no number yet and show "Concept".</summary>
public sealed record SignalListItem(SignalId Id, string? Number, DateOnly? ObservedOn, DateTimeOffset? SubmittedAt, DateTimeOffset? DraftSavedAt,
    SignalStatus Status, string? Feedback, bool Urgent, string? Municipality, string? PartnerName, int Mentions)
{
    public bool IsDraft => Number is null;
    public string StatusText => IsDraft ? "Concept" : Status.Dutch();
}

/// <summary>An entity a signal mentions, as the analyst's view links it. Caption only where the analyst may read it.</summary>
public sealed record MentionLink(NodeId NodeId, NodeKind Kind, string? Role, string? Caption);

/// <summary>
/// One signal as its reader may see it. The reporter gets back what they reported, the status and the feedback — not
/// what the store linked it to (<see cref="Mentions"/> is null for them, only <see cref="MentionCount"/> is set).
/// </summary>
public sealed record SignalDetail(SignalId Id, string Number, SignalStatus Status, string? Feedback, DateOnly ObservedOn, DateTimeOffset? SubmittedAt,
    bool Urgent, ExploitationForm Form, string? LegalQualification, Sector Sector, string? Municipality, string ReporterName, string PartnerName,
    IReadOnlyList<Indicator> Indicators, string? Note, string Grading, string LegalBasis, string HandlingCode, int MentionCount,
    IReadOnlyList<MentionLink>? Mentions, bool IsOwn);

/// <summary>What a partner system reads back through the API: the status and the feedback of its signal.</summary>
public sealed record SignalStatusDto(string Id, string? Number, string Status, string StatusText, string? Feedback, bool Urgent,
    DateTimeOffset? SubmittedAt, SignalIntakeInput? Draft);

/// <summary>
/// Reading signals back. A reporter reads the signals of their own organisation (AccessPolicy.MayReadSignal) and their
/// own drafts, with status and feedback; the RIEC reads every submitted signal and its links. Every read is audited.
/// </summary>
public sealed class SignalQueries(IGraphDbContext db, IAuditLog audit)
{
    public const int ListLimit = 200;

    /// <summary>The central point: RIEC analysts (and the system) see all submitted signals.</summary>
    public static bool SeesAllSignals(Actor actor) => AccessPolicy.SeesAllDossiers(actor);

    public async Task<IReadOnlyList<SignalListItem>> OwnAsync(Actor actor, CancellationToken ct = default)
    {
        var drafts = (await db.SignalDrafts.AsNoTracking().Where(d => d.OwnerUserId == actor.UserId).ToListAsync(ct))
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => (Draft: d, Input: SignalIntake.Deserialize(d.Content)))
            .Select(x => new SignalListItem(x.Draft.Id, null, DateOnly.TryParse(x.Input.ObservedOn, out var o) ? o : null, null, x.Draft.UpdatedAt,
                SignalStatus.Draft, null, x.Input.Urgent, Municipality.Find(x.Input.Place?.Municipality)?.Name, null, x.Input.Mentions.Count));
        var signals = await db.Signals.AsNoTracking().Where(s => s.Provenance.SourcePartner == actor.PartnerId)
            .OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Number).Take(ListLimit)
            .Select(s => new { s.Id, s.Number, s.ObservedOn, s.SubmittedAt, s.Status, s.Feedback, s.Urgent, s.MunicipalityCode, Mentions = s.Mentions.Count })
            .ToListAsync(ct);
        var list = drafts.Concat(signals.Select(s => new SignalListItem(s.Id, s.Number, s.ObservedOn, s.SubmittedAt, null, s.Status, s.Feedback,
            s.Urgent, Municipality.Find(s.MunicipalityCode)?.Name, null, s.Mentions))).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signal", null, $"eigen signalen: {list.Count}", null), ct);
        return list;
    }

    /// <summary>All submitted signals, newest first; null when the actor is not the central point.</summary>
    public async Task<IReadOnlyList<SignalListItem>?> AllAsync(Actor actor, CancellationToken ct = default)
    {
        if (!SeesAllSignals(actor)) return null;
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var signals = await db.Signals.AsNoTracking().Where(s => s.Status != SignalStatus.Draft)
            .OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Number).Take(ListLimit)
            .Select(s => new { s.Id, s.Number, s.ObservedOn, s.SubmittedAt, s.Status, s.Feedback, s.Urgent, s.MunicipalityCode, Partner = s.Provenance.SourcePartner, Mentions = s.Mentions.Count })
            .ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signal", null, $"alle signalen: {signals.Count}", null), ct);
        return signals.Select(s => new SignalListItem(s.Id, s.Number, s.ObservedOn, s.SubmittedAt, null, s.Status, s.Feedback, s.Urgent,
            Municipality.Find(s.MunicipalityCode)?.Name, partners.GetValueOrDefault(s.Partner), s.Mentions)).ToList();
    }

    /// <summary>One submitted signal by number; null when it does not exist or the actor may not read it (the same answer).</summary>
    public async Task<SignalDetail?> ShowAsync(Actor actor, string number, CancellationToken ct = default)
    {
        var signal = await db.Signals.AsNoTracking().Include(s => s.Indicators).Include(s => s.Mentions).FirstOrDefaultAsync(s => s.Number == number, ct);
        if (signal is null) return null;
        var own = signal.Provenance.SourcePartner == actor.PartnerId && !actor.IsSystem;
        var central = SeesAllSignals(actor);
        if (!own && !central) return null;

        IReadOnlyList<MentionLink>? mentions = null;
        if (central)
        {
            var ids = signal.Mentions.Select(m => m.NodeId).ToList();
            var nodes = await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
            // Persons are never captioned here (a victim is pseudonymised outside their dossier's team): the entity page decides.
            mentions = signal.Mentions.Where(m => nodes.ContainsKey(m.NodeId)).Select(m => (Mention: m, Node: nodes[m.NodeId]))
                .Select(x => new MentionLink(x.Node.Id, x.Node.Kind, x.Mention.Role,
                    x.Node.Kind != NodeKind.Person && AccessPolicy.ForFact(actor, x.Node.Provenance, false) == FactAccess.Readable ? x.Node.Caption : null))
                .OrderBy(m => m.Kind).ToList();
        }
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == signal.Provenance.SourcePartner).Select(p => p.Name).FirstOrDefaultAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signal", signal.Number, own ? "eigen signaal" : "signaal (centraal punt)", null), ct);
        return new SignalDetail(signal.Id, signal.Number, signal.Status, signal.Feedback, signal.ObservedOn, signal.SubmittedAt, signal.Urgent, signal.Form,
            signal.LegalQualification, signal.Sector, Municipality.Find(signal.MunicipalityCode)?.Name, signal.ReporterName, partner ?? "",
            signal.Indicators.Select(i => IndicatorCatalog.Find(i.Code)).Where(i => i is not null).Select(i => i!).ToList(), signal.Note,
            signal.Provenance.Grading.Code, Domain.Provenance.LegalBasisLabels.Dutch(signal.Provenance.LegalBasis),
            Domain.Provenance.LegalBasisLabels.Dutch(signal.Provenance.HandlingCode), signal.Mentions.Count, mentions, own);
    }

    /// <summary>Status and feedback for the API: the reporter's own draft (with its content) or their organisation's signal.</summary>
    public async Task<SignalStatusDto?> StatusAsync(Actor actor, SignalId id, CancellationToken ct = default, string? purpose = null)
    {
        var draft = await db.SignalDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft is not null)
        {
            if (!draft.IsOwnedBy(actor.UserId)) return null;
            await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signal", id.ToString(), "concept (API)", purpose), ct);
            var input = SignalIntake.Deserialize(draft.Content);
            return new SignalStatusDto(id.ToString(), null, SignalStatus.Draft.ToString(), "Concept", null, input.Urgent, null, input);
        }
        var signal = await db.Signals.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (signal is null || (signal.Provenance.SourcePartner != actor.PartnerId && !SeesAllSignals(actor))) return null;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Signal", signal.Number, "status (API)", purpose), ct);
        return new SignalStatusDto(id.ToString(), signal.Number, signal.Status.ToString(), signal.Status.Dutch(), signal.Feedback, signal.Urgent,
            signal.SubmittedAt, null);
    }
}
