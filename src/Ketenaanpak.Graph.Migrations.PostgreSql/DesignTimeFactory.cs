using Ketenaanpak.Graph.Infrastructure;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ketenaanpak.Graph.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add` build the context for this provider without starting the app
/// (see docs/decisions/ADR-002). The connection is never opened while generating a migration.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GraphDbContext>
{
    public GraphDbContext CreateDbContext(string[] args)
    {
        var storage = new StorageOptions
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionString = "Host=127.0.0.1;Database=ketenaanpak_design;Username=ketenaanpak;Password=ketenaanpak",
        };
        var options = new DbContextOptionsBuilder<GraphDbContext>();
        DependencyInjection.ConfigureStore(options, storage);
        return new GraphDbContext(options.Options);
    }
}
