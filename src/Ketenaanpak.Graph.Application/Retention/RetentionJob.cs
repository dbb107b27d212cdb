using System.Globalization;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Retention;

/// <summary>How much one run of <see cref="RetentionJob"/> deleted, per kind (cascaded children not counted).</summary>
public sealed record RetentionResult(DateOnly Today, int Dossiers, int Signals, int Nodes, int Statements, int Relations)
{
    public int Total => Dossiers + Signals + Nodes + Statements + Relations;
}

/// <summary>
/// Deletes what has passed its retention date (domain.md §7). A daily Hangfire job without arguments, re-entrant: it
/// decides everything from the store and today's date, so a second run the same day deletes nothing more.
/// </summary>
/// <remarks>
/// The rules (docs/retention.md), with today = the Dutch calendar date of the injected clock; "expired" means a
/// retention date before today:
/// <list type="number">
/// <item>A dossier expires on its own date; it is deleted with its members, shares, signal links, decision history and
/// interventions (database cascade). A dossier that is kept (not expired) keeps its facts alive: its members, its
/// signals, and the statements and relations of its members stay whatever their own dates say. An extension of the
/// dossier is therefore what extends its facts.</item>
/// <item>An expiring dossier never shortens a fact's own retention: its nodes and signals are deleted only when their
/// own date has passed too and nothing that is kept still needs them.</item>
/// <item>A signal is deleted when its own date has passed and no kept dossier contains it (whatever its status: a
/// signal that led nowhere, or one whose dossier is gone).</item>
/// <item>A node is deleted when its own date has passed, it is a member of no kept dossier and no kept signal mentions
/// it. Its statements, relations, mentions and statistics go with it (cascade).</item>
/// <item>A statement or relation is deleted when its own date has passed, unless its node (for a relation: either end)
/// is still needed: a member of a kept dossier or mentioned by a kept signal. A node kept for a dossier or signal keeps
/// what is known about it, so the dossier's extension extends its facts.</item>
/// </list>
/// Each deletion is written to the audit log <em>before</em> the one transaction that deletes everything: a crash in
/// between leaves an entry whose deletion the next run repeats (and logs again), never a deletion without an entry.
/// </remarks>
public sealed class RetentionJob(
    IGraphDbContext db,
    IAuditLog audit,
    RefreshNodeStatisticsJob statistics,
    GraphSnapshotService snapshots,
    TimeProvider clock,
    ILogger<RetentionJob> log)
{
    public const string Purpose = "bewaartermijn (AVG art. 5 lid 1 sub e)";
    private static readonly Actor System = Actor.System("retentie");

    // One at a time across instances: two deleting the same expired rows would fail one another's transactions.
    [OneRunAtATime(timeoutSeconds: 3600)]
    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(DutchCalendar.ToLocal(clock.GetUtcNow()));

        var keptDossiers = db.Dossiers.Where(d => d.RetainUntil >= today);
        var inKeptDossier = keptDossiers.SelectMany(d => d.Members).Select(m => m.NodeId);
        var signalsInKeptDossier = keptDossiers.SelectMany(d => d.Signals).Select(s => s.SignalId);
        var keptSignals = db.Signals.Where(s => s.Provenance.RetainUntil >= today || signalsInKeptDossier.Contains(s.Id)).Select(s => s.Id);
        var mentionedByKeptSignal = db.SignalMentions.Where(m => keptSignals.Contains(m.SignalId)).Select(m => m.NodeId);

        var dossiers = await db.Dossiers.Where(d => d.RetainUntil < today).OrderBy(d => d.Number).ToListAsync(cancellationToken);
        var signals = await db.Signals
            .Where(s => s.Provenance.RetainUntil < today && !signalsInKeptDossier.Contains(s.Id))
            .OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var needed = inKeptDossier.Concat(mentionedByKeptSignal);
        var nodesQuery = db.Nodes.Where(n => n.Provenance.RetainUntil < today && !needed.Contains(n.Id));
        var nodes = await nodesQuery.ToListAsync(cancellationToken);
        var deletedNodes = nodesQuery.Select(n => n.Id);
        // Statements and relations of a deleted node go with it by cascade; the node's own entry covers them.
        var statements = await db.Statements
            .Where(s => s.Provenance.RetainUntil < today && !needed.Contains(s.NodeId) && !deletedNodes.Contains(s.NodeId))
            .ToListAsync(cancellationToken);
        var relations = await db.Relations
            .Where(r => r.Provenance.RetainUntil < today
                && !needed.Contains(r.SourceId) && !needed.Contains(r.TargetId)
                && !deletedNodes.Contains(r.SourceId) && !deletedNodes.Contains(r.TargetId))
            .ToListAsync(cancellationToken);

        var records = new List<AuditRecord>();
        records.AddRange(dossiers.Select(d => Record("Dossier", d.Number, d.RetainUntil, "met leden, deelbesluiten, besluitgeschiedenis en interventies")));
        records.AddRange(signals.Select(s => Record("Signaal", s.Number, s.Provenance.RetainUntil, "met indicatoren en genoemde entiteiten")));
        records.AddRange(nodes.Select(n => Record("Entiteit", n.Id.ToString(), n.Provenance.RetainUntil, "met gegevens en relaties")));
        records.AddRange(statements.Select(s => Record("Gegeven", s.Id.ToString(), s.Provenance.RetainUntil, null)));
        records.AddRange(relations.Select(r => Record("Relatie", r.Id.ToString(), r.Provenance.RetainUntil, null)));

        var result = new RetentionResult(today, dossiers.Count, signals.Count, nodes.Count, statements.Count, relations.Count);
        if (records.Count > 0)
        {
            // What the case meetings froze of these dossiers and entities goes in the same transaction.
            var meetingChanges = await CaseMeetingRetention.ApplyAsync(db, dossiers.Select(d => d.Id).ToList(),
                nodes.ToDictionary(n => n.Id, n => n.Caption), cancellationToken);
            if (meetingChanges > 0)
                records.Add(new AuditRecord(System, AuditAction.Delete, "Casusoverleg", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    $"{meetingChanges} agendapunten en verslagen ontdaan van verwijderde dossiers en namen", Purpose));
            await audit.AppendManyAsync(records, cancellationToken);
            db.Dossiers.RemoveRange(dossiers);
            db.Signals.RemoveRange(signals);
            db.Nodes.RemoveRange(nodes);
            db.Statements.RemoveRange(statements);
            db.Relations.RemoveRange(relations);
            try
            {
                await db.SaveChangesErasingAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone changed one of these (an extension, most likely) while the job ran: nothing was deleted.
                await audit.AppendAsync(new AuditRecord(System, AuditAction.Delete, "Bewaartermijn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    $"verwijdering van {records.Count} onderdelen niet uitgevoerd: gegevens intussen gewijzigd; de volgende run beslist opnieuw", Purpose), CancellationToken.None);
                throw;
            }
        }

        // Uploaded import files whose import has ended are not kept beside the store (the job removes them; this sweeps
        // what a crash or an exhausted retry left behind).
        await SweepImportUploadsAsync(cancellationToken);

        // Deleted data must vanish from every derived surface too: the statistics table and this instance's snapshot.
        // (Other instances rebuild theirs within SnapshotRefresher.Interval; there is no search index or other cache yet.)
        await statistics.RunAsync(cancellationToken);
        await snapshots.RefreshIfChangedAsync(cancellationToken);

        log.LogInformation("Retention {Today}: deleted {Dossiers} dossiers, {Signals} signals, {Nodes} nodes, {Statements} statements, {Relations} relations",
            today, result.Dossiers, result.Signals, result.Nodes, result.Statements, result.Relations);
        return result;
    }

    private static AuditRecord Record(string type, string id, DateOnly retainUntil, string? with) =>
        new(System, AuditAction.Delete, type, id,
            $"bewaartermijn verstreken op {retainUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (with is null ? "" : $"; {with}"),
            Purpose);

    private async Task SweepImportUploadsAsync(CancellationToken ct)
    {
        var runs = await db.ImportRuns.AsNoTracking().Select(r => new { r.Id, r.StoredPath, r.Status }).ToListAsync(ct);
        var active = runs.Where(r => r.Status is Bulk.ImportRunStatus.Queued or Bulk.ImportRunStatus.Running).Select(r => r.Id.ToString("N")).ToHashSet();
        foreach (var folder in runs.Select(r => Path.GetDirectoryName(r.StoredPath)).OfType<string>().Distinct().Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, "*.upload"))
                if (!active.Contains(Path.GetFileNameWithoutExtension(file))) Bulk.ImportJob.DeleteUpload(file);
    }
}
