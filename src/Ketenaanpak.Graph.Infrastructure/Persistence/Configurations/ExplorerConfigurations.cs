using Ketenaanpak.Graph.Application.Explorer;
using Ketenaanpak.Graph.Domain.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> e)
    {
        e.ToTable("saved_views");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(SavedView.MaxNameLength);
        e.Property(x => x.OwnerUserId).HasMaxLength(450);
        e.Property(x => x.OwnerUserName).HasMaxLength(256);
        e.Property(x => x.StateJson).HasMaxLength(SavedView.MaxStateLength);
        e.HasIndex(x => x.OwnerUserId);
        e.HasIndex(x => x.DossierId);
        // A dossier's views go with the dossier (retention deletes the dossier, its views must not outlive it).
        e.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
