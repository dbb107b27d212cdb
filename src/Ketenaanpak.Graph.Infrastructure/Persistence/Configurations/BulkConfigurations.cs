using Ketenaanpak.Graph.Application.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> e)
    {
        e.ToTable("import_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Dataset).HasMaxLength(ImportKeys.MaxDatasetLength);
        e.Property(x => x.FileName).HasMaxLength(ImportRun.MaxFileNameLength);
        e.Property(x => x.StoredPath).HasMaxLength(1000);
        e.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.Property(x => x.Error).HasMaxLength(2000);
        e.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> e)
    {
        e.ToTable("import_mappings");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(ImportMapping.MaxNameLength);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
    }
}
