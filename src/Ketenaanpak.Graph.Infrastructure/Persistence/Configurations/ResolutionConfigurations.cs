using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal sealed class ResolutionCandidateConfiguration : IEntityTypeConfiguration<ResolutionCandidate>
{
    public void Configure(EntityTypeBuilder<ResolutionCandidate> e)
    {
        e.ToTable("resolution_candidates");
        e.HasKey(x => x.Id);
        e.Ignore(x => x.ReasonList);
        e.Property(x => x.Reasons).HasMaxLength(ResolutionCandidate.MaxReasonsLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        // One row per pair: a pair is never queued twice.
        e.HasIndex(x => new { x.NodeA, x.NodeB }).IsUnique();
        e.HasIndex(x => new { x.Status, x.Score });
        e.HasIndex(x => x.NodeB);
        // Retention deletes a node: its candidate pairs go with it.
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeA).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeB).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResolutionJudgementConfiguration : IEntityTypeConfiguration<ResolutionJudgement>
{
    public void Configure(EntityTypeBuilder<ResolutionJudgement> e)
    {
        e.ToTable("resolution_judgements");
        e.HasKey(x => x.Id);
        e.Ignore(x => x.IsActive);
        e.Property(x => x.JudgedBy).HasMaxLength(450);
        e.Property(x => x.JudgedByName).HasMaxLength(256);
        e.Property(x => x.WithdrawnBy).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(ResolutionJudgement.MaxNoteLength);
        e.HasIndex(x => new { x.NodeA, x.NodeB });
        e.HasIndex(x => x.NodeB);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeA).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeB).OnDelete(DeleteBehavior.Cascade);
    }
}
