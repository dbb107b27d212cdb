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
        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
            // Write-ahead logging, kept in the file: readers (pages, status polls, sign-in checks) never wait for a
            // writer such as a large import, and a writer waits for another instead of failing (ADR-013).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
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

        if (scope.ServiceProvider.GetService<Application.Auditing.IAuditHeadWitness>() is { } witness)
            await CheckAuditHeadAsync(db, witness, cancellationToken);
    }

    /// <summary>
    /// At start the stored head is compared with the witnessed one (ADR-004, addendum 1); a mismatch is logged as
    /// critical and shown to the data-protection officer by the verification on /audit. A store that has entries but
    /// no witness yet (first start with a witness) gets its current head recorded.
    /// </summary>
    private async Task CheckAuditHeadAsync(GraphDbContext db, Application.Auditing.IAuditHeadWitness witness, CancellationToken ct)
    {
        var stored = await db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var witnessed = await witness.LatestAsync(ct);
        if (witnessed is null)
        {
            if (stored is null) return;
            await witness.RecordAsync(new Application.Auditing.AuditHead(stored.Sequence, stored.Hash), ct);
            log.LogWarning("Audit head {Sequence} recorded outside the store for the first time, in {Location}", stored.Sequence, witness.Location);
            return;
        }
        var atWitness = await db.AuditEntries.Where(e => e.Sequence == witnessed.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (atWitness != witnessed.Hash)
            log.LogCritical("The audit log does not match the head kept in {Location} (sequence {Sequence}): entries were removed or rewritten. " +
                "Run 'audit verify' or the verification on /audit.", witness.Location, witnessed.Sequence);
        else if (stored!.Sequence > witnessed.Sequence)
            log.LogCritical("The audit log has entries {From}–{To} that the head kept in {Location} does not know: added outside the application.",
                witnessed.Sequence + 1, stored.Sequence, witness.Location);
    }
}
