using Ketenaanpak.Graph.Application.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        // The sequence is assigned by the audit log under its lock, not by the database: it is part of the hash, and a
        // primary key on it makes a second writer that slipped past the lock fail instead of forking the chain.
        e.HasKey(x => x.Sequence);
        e.Property(x => x.Sequence).ValueGeneratedNever();
        e.Property(x => x.ActorId).HasMaxLength(AuditEntry.MaxActorIdLength);
        e.Property(x => x.ActorName).HasMaxLength(AuditEntry.MaxActorNameLength);
        e.Property(x => x.Role).HasMaxLength(AuditEntry.MaxRoleLength);
        e.Property(x => x.SubjectType).HasMaxLength(AuditEntry.MaxSubjectTypeLength);
        e.Property(x => x.SubjectId).HasMaxLength(AuditEntry.MaxSubjectIdLength);
        e.Property(x => x.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        e.Property(x => x.Purpose).HasMaxLength(AuditEntry.MaxPurposeLength);
        e.Property(x => x.PreviousHash).HasMaxLength(AuditEntry.HashLength);
        e.Property(x => x.Hash).HasMaxLength(AuditEntry.HashLength);
        e.Ignore(x => x.AsHead);
        // What the data-protection officer filters on.
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.SubjectType, x.SubjectId });
        e.HasIndex(x => x.ActorId);
    }
}
