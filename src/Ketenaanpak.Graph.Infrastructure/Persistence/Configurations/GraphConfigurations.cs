using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> e)
    {
        e.ToTable("partners");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.MunicipalityCode).HasMaxLength(10);
        e.Property(x => x.ContactPerson).HasMaxLength(200);
        e.Property(x => x.ReportingPoint).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class NodeConfiguration : IEntityTypeConfiguration<Node>
{
    public void Configure(EntityTypeBuilder<Node> e)
    {
        e.ToTable("nodes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Caption).HasMaxLength(Node.MaxCaptionLength);
        e.Property(x => x.ExactKey).HasMaxLength(Node.MaxKeyLength);
        // Exact keys (IBAN, KvK, postcode + number, ...) identify an entity: a second node with the same key is a bug
        // in linking, so the store refuses it. Merged nodes keep their key, hence MergedInto is part of the filter.
        e.HasIndex(x => new { x.Kind, x.ExactKey }).IsUnique().HasFilter("\"ExactKey\" IS NOT NULL AND \"MergedInto\" IS NULL");
        e.HasIndex(x => x.Caption);
        e.HasProvenance(x => x.Provenance!);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Statements).WithOne().HasForeignKey(s => s.NodeId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Statements).HasField("_statements");
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> e)
    {
        e.ToTable("statements");
        e.HasKey(x => x.Id);
        e.Property(x => x.Property).HasMaxLength(60);
        e.Property(x => x.Value).HasMaxLength(Statement.MaxValueLength);
        e.HasIndex(x => x.NodeId);
        e.HasIndex(x => new { x.Property, x.Value });
        e.HasProvenance(x => x.Provenance!);
    }
}

internal sealed class RelationConfiguration : IEntityTypeConfiguration<Relation>
{
    public void Configure(EntityTypeBuilder<Relation> e)
    {
        e.ToTable("relations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Detail).HasMaxLength(Relation.MaxDetailLength);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.SourceId);
        e.HasIndex(x => x.TargetId);
        e.HasProvenance(x => x.Provenance!);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class NodeStatisticConfiguration : IEntityTypeConfiguration<NodeStatistic>
{
    public void Configure(EntityTypeBuilder<NodeStatistic> e)
    {
        e.ToTable("node_statistics");
        e.HasKey(x => x.NodeId);
        e.HasOne<Node>().WithOne().HasForeignKey<NodeStatistic>(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
