using Ketenaanpak.Graph.Application.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Infrastructure.Persistence;

/// <summary>
/// Brings the store up to date before anything else runs: applies the provider's migrations and, in demo mode, loads
/// the fictional Twente region into an empty store. Registered as the first hosted service, so the web server and
/// the Hangfire server only start on a migrated database.
/// </summary>
/// <remarks>
/// Instances that start together on one PostgreSQL take turns (a run lock that dies with its session): migrating,
/// loading the demo region into an empty store and seeding roles are check-then-act, and two at once would both act.
/// </remarks>
public sealed class StoreInitialiser(IServiceProvider services, IOptions<StorageOptions> storage, IOptions<DemoOptions> demo,
    Jobs.IJobRunLocks locks, ILogger<StoreInitialiser> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await InitialiseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        var options = storage.Value;
        if (options.Provider == StorageProvider.Sqlite)
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteDatabasePath)!);

        using var turn = locks.TryAcquire("store-initialiser", TimeSpan.FromMinutes(10), cancellationToken)
            ?? throw new InvalidOperationException("Another instance has been initialising the store for ten minutes; giving up.");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        if (options.MigrateOnStart)
        {
            // On an empty PostgreSQL database EF reads the history table before it creates it and logs the failed
            // read as two "fail:" lines, which an installer takes for an error (dotnet/efcore#37328). Creating the
            // (empty) history table first avoids them; it is what the first migration would do anyway.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                log.LogInformation("Applying {Count} migration(s) to the {Provider} store", pending.Count, options.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (demo.Value.IsEnabledFor(options.Provider))
        {
            var loader = scope.ServiceProvider.GetRequiredService<DemoRegionLoader>();
            await loader.LoadIfEmptyAsync(demo.Value.Seed, cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IStoreSeeder>())
            await seeder.SeedAsync(cancellationToken);
    }
}
