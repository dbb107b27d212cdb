using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> e)
    {
        e.ToTable("alert_rules");
        e.HasKey(x => x.Kind);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> e)
    {
        e.ToTable("alerts");
        e.HasKey(x => x.Id);
        e.Property(x => x.TriggerKey).HasMaxLength(Alert.MaxKeyLength);
        e.Property(x => x.Summary).HasMaxLength(Alert.MaxSummaryLength);
        e.Property(x => x.MunicipalityCode).HasMaxLength(10);
        e.Property(x => x.AssigneeUserId).HasMaxLength(450);
        e.Property(x => x.AssigneeName).HasMaxLength(200);
        e.Property(x => x.DismissReason).HasMaxLength(Alert.MaxReasonLength);
        e.Property(x => x.AddedToDossierNumber).HasMaxLength(30);
        e.Property(x => x.Version).IsConcurrencyToken();
        // Idempotency looks alerts up by key; the list filters by status and sorts urgent-first, newest-first.
        e.HasIndex(x => x.TriggerKey);
        e.HasIndex(x => new { x.Status, x.Urgent, x.LastFiredAt });
        e.HasIndex(x => x.AssigneeUserId);
        e.HasOne<Signal>().WithMany().HasForeignKey(x => x.SignalId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Nodes).WithOne().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Nodes).HasField("_nodes");
        e.HasMany(x => x.Relations).WithOne().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Relations).HasField("_relations");
        e.HasMany(x => x.History).WithOne().HasForeignKey(h => h.AlertId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.History).HasField("_history");
        e.HasMany(x => x.Recipients).WithOne().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Recipients).HasField("_recipients");
        e.Ignore(x => x.TriggerNodes);
        e.Ignore(x => x.IsOpen);
    }
}

internal sealed class AlertNodeConfiguration : IEntityTypeConfiguration<AlertNode>
{
    public void Configure(EntityTypeBuilder<AlertNode> e)
    {
        e.ToTable("alert_nodes");
        e.HasKey(x => new { x.AlertId, x.NodeId });
        // Retention deletes nodes; an alert then keeps what is left of its subgraph.
        e.HasOne<Node>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.NodeId);
    }
}

internal sealed class AlertRelationConfiguration : IEntityTypeConfiguration<AlertRelation>
{
    public void Configure(EntityTypeBuilder<AlertRelation> e)
    {
        e.ToTable("alert_relations");
        e.HasKey(x => new { x.AlertId, x.RelationId });
        e.HasOne<Relation>().WithMany().HasForeignKey(x => x.RelationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.RelationId);
    }
}

internal sealed class AlertHistoryConfiguration : IEntityTypeConfiguration<AlertHistoryEntry>
{
    public void Configure(EntityTypeBuilder<AlertHistoryEntry> e)
    {
        e.ToTable("alert_history");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.By).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(Alert.MaxReasonLength + 100);
        e.HasIndex(x => x.AlertId);
    }
}

internal sealed class AlertRecipientConfiguration : IEntityTypeConfiguration<AlertRecipient>
{
    public void Configure(EntityTypeBuilder<AlertRecipient> e)
    {
        e.ToTable("alert_recipients");
        e.HasKey(x => new { x.AlertId, x.UserId });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.HasIndex(x => x.UserId);
    }
}
