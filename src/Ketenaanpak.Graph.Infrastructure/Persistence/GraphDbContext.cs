using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence.Conventions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Infrastructure.Persistence;

/// <summary>
/// The graph store: one EF Core model for SQLite and PostgreSQL, with one migrations set per provider
/// (ADR-002). Table and column names follow the Neo4j-shaped model so the export maps one to one.
/// </summary>
public sealed class GraphDbContext(DbContextOptions<GraphDbContext> options) : IdentityDbContext<ApplicationUser>(options), IGraphDbContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Node> Nodes => Set<Node>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Relation> Relations => Set<Relation>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<SignalIndicator> SignalIndicators => Set<SignalIndicator>();
    public DbSet<SignalMention> SignalMentions => Set<SignalMention>();
    public DbSet<SignalDraft> SignalDrafts => Set<SignalDraft>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierMember> DossierMembers => Set<DossierMember>();
    public DbSet<DossierSignal> DossierSignals => Set<DossierSignal>();
    public DbSet<DossierStageChange> DossierStageChanges => Set<DossierStageChange>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<InterventionTarget> InterventionTargets => Set<InterventionTarget>();
    public DbSet<CaseMeeting> CaseMeetings => Set<CaseMeeting>();
    public DbSet<NodeStatistic> NodeStatistics => Set<NodeStatistic>();
    public DbSet<Application.Explorer.SavedView> SavedViews => Set<Application.Explorer.SavedView>();
    public DbSet<Application.Bulk.ImportRun> ImportRuns => Set<Application.Bulk.ImportRun>();
    public DbSet<Application.Bulk.ImportMapping> ImportMappings => Set<Application.Bulk.ImportMapping>();
    public DbSet<Domain.Alerts.AlertRule> AlertRules => Set<Domain.Alerts.AlertRule>();
    public DbSet<Domain.Alerts.Alert> Alerts => Set<Domain.Alerts.Alert>();
    public DbSet<Domain.Resolution.ResolutionCandidate> ResolutionCandidates => Set<Domain.Resolution.ResolutionCandidate>();
    public DbSet<Domain.Resolution.ResolutionJudgement> ResolutionJudgements => Set<Domain.Resolution.ResolutionJudgement>();

    public IQueryable<AuditEntry> AuditEntries => Set<AuditEntry>().AsNoTracking();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<NodeId>().HaveConversion<NodeIdConverter>();
        builder.Properties<StatementId>().HaveConversion<StatementIdConverter>();
        builder.Properties<RelationId>().HaveConversion<RelationIdConverter>();
        builder.Properties<PartnerId>().HaveConversion<PartnerIdConverter>();
        builder.Properties<SignalId>().HaveConversion<SignalIdConverter>();
        builder.Properties<DossierId>().HaveConversion<DossierIdConverter>();
        builder.Properties<InterventionId>().HaveConversion<InterventionIdConverter>();
        builder.Properties<CaseMeetingId>().HaveConversion<CaseMeetingIdConverter>();
        builder.Properties<AgendaItemId>().HaveConversion<AgendaItemIdConverter>();
        builder.Properties<DecisionId>().HaveConversion<DecisionIdConverter>();
        if (IsSqlite)
            builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

        // Enums as their names: the database stays readable for a data-protection officer and for direct SQL reports.
        EnumAsString<NodeKind>(builder);
        EnumAsString<RelationType>(builder);
        EnumAsString<PartnerKind>(builder);
        EnumAsString<SourceReliability>(builder);
        EnumAsString<InformationValidity>(builder);
        EnumAsString<LegalBasis>(builder);
        EnumAsString<HandlingCode>(builder);
        EnumAsString<ExploitationForm>(builder);
        EnumAsString<Sector>(builder);
        EnumAsString<SignalStatus>(builder);
        EnumAsString<DossierRole>(builder);
        EnumAsString<PerpetratorRole>(builder);
        EnumAsString<FacilitatorAwareness>(builder);
        EnumAsString<DossierStage>(builder);
        EnumAsString<InterventionType>(builder);
        EnumAsString<InterventionStatus>(builder);
        EnumAsString<CaseMeetingKind>(builder);
        EnumAsString<DecisionKind>(builder);
        EnumAsString<AuditAction>(builder);
        EnumAsString<Domain.Alerts.AlertRuleKind>(builder);
        EnumAsString<Domain.Alerts.AlertStatus>(builder);
        EnumAsString<Domain.Resolution.Verdict>(builder);
        EnumAsString<Domain.Resolution.CandidateStatus>(builder);
    }

    private static void EnumAsString<T>(ModelConfigurationBuilder builder) where T : struct, Enum =>
        builder.Properties<T>().HaveConversion<string>().HaveMaxLength(40);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables: accounts live in the same store as the graph
        modelBuilder.Entity<ApplicationUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne<Partner>().WithMany().HasForeignKey(u => u.PartnerId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GraphDbContext).Assembly);
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var what = e.Entries.FirstOrDefault()?.Metadata.ClrType.Name switch
            {
                nameof(Node) => "Deze entiteit",
                nameof(Dossier) => "Dit dossier",
                nameof(Signal) => "Dit signaal",
                nameof(SignalDraft) => "Dit concept",
                nameof(Intervention) => "Deze interventie",
                nameof(Partner) => "Deze partner",
                nameof(Domain.Alerts.Alert) => "Deze signalering",
                nameof(Domain.Alerts.AlertRule) => "Deze regel",
                _ => "Dit gegeven",
            };
            throw new ConcurrencyConflictException(what, e);
        }
    }

    public async Task<int> SaveChangesErasingAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSqlite) return await SaveChangesAsync(cancellationToken);
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // secure_delete overwrites deleted cells and freed pages with zeros; VACUUM rewrites the file, so that no
            // earlier version of a page (an update's old text, a row deleted before) survives in free space either;
            // the checkpoint copies the log into the database and truncates it, so the -wal file's old pages go too.
            await Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", cancellationToken);
            var saved = await SaveChangesAsync(cancellationToken);
            await Database.ExecuteSqlRawAsync("PRAGMA secure_delete = OFF;", cancellationToken);
            if (saved > 0) await Database.ExecuteSqlRawAsync("VACUUM;", cancellationToken);
            await Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
            return saved;
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit log is append-only: whatever code holds this context may add entries (the audit log does) but never
    // change or remove one. Raw SQL can still do it; that is what the hash chain detects.
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Het auditlog is alleen aan te vullen: een bestaande regel wijzigen of verwijderen kan niet.");
    }
}
