using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Abstractions;

/// <summary>
/// The store as the use cases see it. Implemented by the EF Core context in Infrastructure for both providers;
/// SaveChangesAsync is one transaction, and a concurrent edit surfaces as <see cref="ConcurrencyConflictException"/>.
/// </summary>
public interface IGraphDbContext
{
    DbSet<Partner> Partners { get; }
    DbSet<Node> Nodes { get; }
    DbSet<Statement> Statements { get; }
    DbSet<Relation> Relations { get; }
    DbSet<Signal> Signals { get; }
    DbSet<SignalIndicator> SignalIndicators { get; }
    DbSet<SignalMention> SignalMentions { get; }
    DbSet<SignalDraft> SignalDrafts { get; }
    DbSet<Dossier> Dossiers { get; }
    DbSet<DossierMember> DossierMembers { get; }
    DbSet<Intervention> Interventions { get; }
    DbSet<CaseMeeting> CaseMeetings { get; }
    DbSet<NodeStatistic> NodeStatistics { get; }
    DbSet<Explorer.SavedView> SavedViews { get; }
    DbSet<Bulk.ImportRun> ImportRuns { get; }
    DbSet<Bulk.ImportMapping> ImportMappings { get; }
    DbSet<Domain.Alerts.AlertRule> AlertRules { get; }
    DbSet<Domain.Alerts.Alert> Alerts { get; }
    DbSet<Domain.Resolution.ResolutionCandidate> ResolutionCandidates { get; }
    DbSet<Domain.Resolution.ResolutionJudgement> ResolutionJudgements { get; }

    /// <summary>
    /// The audit log, read-only and untracked: entries are appended only through <see cref="IAuditLog"/>, in their own
    /// transaction, never as part of a use case's unit of work.
    /// </summary>
    IQueryable<AuditEntry> AuditEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves deletions so that what was deleted cannot be read back from the store's files either (retention): on
    /// SQLite the freed content is overwritten and the write-ahead log emptied; PostgreSQL leaves dead rows to VACUUM.
    /// </summary>
    Task<int> SaveChangesErasingAsync(CancellationToken cancellationToken = default);
}

/// <summary>Someone else saved the same record first; nothing of this change was stored.</summary>
public sealed class ConcurrencyConflictException(string what, Exception inner)
    : Exception($"{what} is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen; laad de gegevens opnieuw en probeer het nog eens.", inner);
