using Ketenaanpak.Graph.Infrastructure;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ketenaanpak.Graph.Migrations.Sqlite;

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
            Provider = StorageProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        };
        var options = new DbContextOptionsBuilder<GraphDbContext>();
        DependencyInjection.ConfigureStore(options, storage);
        return new GraphDbContext(options.Options);
    }
}
