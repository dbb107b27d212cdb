using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> e)
    {
        e.ToTable("signals");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Number).HasMaxLength(30);
        e.Property(x => x.ReporterName).HasMaxLength(200);
        e.Property(x => x.MunicipalityCode).HasMaxLength(10);
        e.Property(x => x.LegalQualification).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(Signal.MaxNoteLength);
        e.Property(x => x.Feedback).HasMaxLength(Signal.MaxNoteLength);
        e.Property(x => x.ReporterUserId).HasMaxLength(Signal.MaxUserIdLength);
        e.HasIndex(x => x.ReporterUserId);
        e.HasIndex(x => x.ObservedOn);
        e.HasProvenance(x => x.Provenance!);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Indicators).WithOne().HasForeignKey(i => i.SignalId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Indicators).HasField("_indicators");
        e.HasMany(x => x.Mentions).WithOne().HasForeignKey(m => m.SignalId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Mentions).HasField("_mentions");
    }
}

internal sealed class SignalDraftConfiguration : IEntityTypeConfiguration<SignalDraft>
{
    public void Configure(EntityTypeBuilder<SignalDraft> e)
    {
        e.ToTable("signal_drafts");
        e.HasKey(x => x.Id);
        e.Property(x => x.OwnerUserId).HasMaxLength(Signal.MaxUserIdLength);
        e.HasIndex(x => x.OwnerUserId);
        e.Property(x => x.Content).HasMaxLength(SignalDraft.MaxContentLength);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class SignalIndicatorConfiguration : IEntityTypeConfiguration<SignalIndicator>
{
    public void Configure(EntityTypeBuilder<SignalIndicator> e)
    {
        e.ToTable("signal_indicators");
        e.HasKey(x => new { x.SignalId, x.Code });
        e.Property(x => x.Code).HasMaxLength(12);
        e.HasIndex(x => x.Code);
    }
}

internal sealed class SignalMentionConfiguration : IEntityTypeConfiguration<SignalMention>
{
    public void Configure(EntityTypeBuilder<SignalMention> e)
    {
        e.ToTable("signal_mentions");
        e.HasKey(x => new { x.SignalId, x.NodeId });
        e.Property(x => x.Role).HasMaxLength(60);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.NodeId);
    }
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> e)
    {
        e.ToTable("dossiers");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Number).HasMaxLength(30);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.LeadMunicipalityCode).HasMaxLength(10);
        e.Property(x => x.CoordinatorName).HasMaxLength(200);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.OwnerPartnerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Members).HasField("_members");
        e.HasMany(x => x.Signals).WithOne().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Signals).HasField("_signals");
        e.HasMany(x => x.StageChanges).WithOne().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.StageChanges).HasField("_stageChanges");
        e.HasMany(x => x.Shares).WithOne().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Shares).HasField("_shares");
        e.HasMany(x => x.Weighings).WithOne().HasForeignKey(w => w.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Weighings).HasField("_weighings");
        e.HasMany(x => x.Consents).WithOne().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Consents).HasField("_consents");
        e.HasOne(x => x.Evaluation).WithOne().HasForeignKey<DossierEvaluation>(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.CurrentWeighing);
    }
}

internal sealed class DossierShareConfiguration : IEntityTypeConfiguration<DossierShare>
{
    public void Configure(EntityTypeBuilder<DossierShare> e)
    {
        e.ToTable("dossier_shares");
        e.HasKey(x => new { x.DossierId, x.PartnerId });
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierMemberConfiguration : IEntityTypeConfiguration<DossierMember>
{
    public void Configure(EntityTypeBuilder<DossierMember> e)
    {
        e.ToTable("dossier_members");
        e.HasKey(x => new { x.DossierId, x.NodeId, x.Role });
        e.Property(x => x.BarrierPhase).HasMaxLength(DossierMember.MaxPhaseLength);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.NodeId);
        e.HasProvenance(x => x.Provenance!);
    }
}

internal sealed class DossierSignalConfiguration : IEntityTypeConfiguration<DossierSignal>
{
    public void Configure(EntityTypeBuilder<DossierSignal> e)
    {
        e.ToTable("dossier_signals");
        e.HasKey(x => new { x.DossierId, x.SignalId });
        e.HasOne<Signal>().WithMany().HasForeignKey(x => x.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierStageChangeConfiguration : IEntityTypeConfiguration<DossierStageChange>
{
    public void Configure(EntityTypeBuilder<DossierStageChange> e)
    {
        e.ToTable("dossier_stage_changes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.By).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(1000);
    }
}

internal sealed class DossierWeighingConfiguration : IEntityTypeConfiguration<DossierWeighing>
{
    public void Configure(EntityTypeBuilder<DossierWeighing> e)
    {
        e.ToTable("dossier_weighings");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.Explanation).HasMaxLength(2000);
        e.Property(x => x.PlanOfApproach).HasMaxLength(DossierWeighing.MaxTextLength);
        e.Property(x => x.IntendedResult).HasMaxLength(DossierWeighing.MaxTextLength);
        e.Property(x => x.By).HasMaxLength(200);
        e.Ignore(x => x.Scores);
        e.HasMany(x => x.Approaches).WithOne().HasForeignKey(a => a.WeighingId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Approaches).HasField("_approaches");
    }
}

internal sealed class MemberApproachConfiguration : IEntityTypeConfiguration<MemberApproach>
{
    public void Configure(EntityTypeBuilder<MemberApproach> e)
    {
        e.ToTable("dossier_member_approaches");
        e.HasKey(x => new { x.WeighingId, x.NodeId, x.Role });
        e.Property(x => x.Approach).HasMaxLength(MemberApproach.MaxLength);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProsecutorConsentConfiguration : IEntityTypeConfiguration<ProsecutorConsent>
{
    public void Configure(EntityTypeBuilder<ProsecutorConsent> e)
    {
        e.ToTable("prosecutor_consents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.By).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasOne<Signal>().WithMany().HasForeignKey(x => x.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierEvaluationConfiguration : IEntityTypeConfiguration<DossierEvaluation>
{
    public void Configure(EntityTypeBuilder<DossierEvaluation> e)
    {
        e.ToTable("dossier_evaluations");
        e.HasKey(x => x.DossierId);
        e.Property(x => x.Outcome).HasMaxLength(DossierEvaluation.MaxLength);
        e.Property(x => x.Lessons).HasMaxLength(DossierEvaluation.MaxLength);
        e.Property(x => x.By).HasMaxLength(200);
    }
}

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> e)
    {
        e.ToTable("interventions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.BarrierPhaseCode).HasMaxLength(40);
        e.Property(x => x.DeclineReason).HasMaxLength(1000);
        e.Property(x => x.Result).HasMaxLength(2000);
        e.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.AssignedPartnerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Targets).WithOne().HasForeignKey(t => t.InterventionId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Targets).HasField("_targets");
        e.HasMany(x => x.History).WithOne().HasForeignKey(h => h.InterventionId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.History).HasField("_history");
    }
}

/// <summary>The answers and reassignments of an intervention, append-only beside it (issue 7: a decline keeps its history).</summary>
internal sealed class InterventionHistoryEntryConfiguration : IEntityTypeConfiguration<InterventionHistoryEntry>
{
    public void Configure(EntityTypeBuilder<InterventionHistoryEntry> e)
    {
        e.ToTable("intervention_history");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.By).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.InterventionId);
    }
}

internal sealed class InterventionTargetConfiguration : IEntityTypeConfiguration<InterventionTarget>
{
    public void Configure(EntityTypeBuilder<InterventionTarget> e)
    {
        e.ToTable("intervention_targets");
        e.HasKey(x => new { x.InterventionId, x.NodeId });
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseMeetingConfiguration : IEntityTypeConfiguration<CaseMeeting>
{
    public void Configure(EntityTypeBuilder<CaseMeeting> e)
    {
        e.ToTable("case_meetings");
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Chair).HasMaxLength(200);
        e.Property(x => x.Minutes).HasMaxLength(CaseMeeting.MaxMinutesLength);
        e.Property(x => x.AdoptedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.ScheduledAt);
        e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Participants).HasField("_participants");
        e.HasMany(x => x.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Agenda).HasField("_agenda");
    }
}

internal sealed class CaseMeetingParticipantConfiguration : IEntityTypeConfiguration<CaseMeetingParticipant>
{
    public void Configure(EntityTypeBuilder<CaseMeetingParticipant> e)
    {
        e.ToTable("case_meeting_participants");
        e.HasKey(x => new { x.MeetingId, x.PartnerId });
        e.Property(x => x.Reason).HasMaxLength(200);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.ToTable("case_meeting_agenda_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.DossierNumber).HasMaxLength(40);
        e.Property(x => x.SnapshotJson).HasMaxLength(200_000);
        e.HasIndex(x => x.DossierId);
        // A dossier may be deleted at the end of its retention; the minutes keep the number and the frozen snapshot.
        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Decisions).HasField("_decisions");
    }
}

internal sealed class CaseMeetingDecisionConfiguration : IEntityTypeConfiguration<CaseMeetingDecision>
{
    public void Configure(EntityTypeBuilder<CaseMeetingDecision> e)
    {
        e.ToTable("case_meeting_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.ConcernsText).HasMaxLength(4000);
        e.Property(x => x.By).HasMaxLength(200);
        e.Ignore(x => x.Concerns);
    }
}
