using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Ketenaanpak.Graph.Application;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Statistics;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Infrastructure.Analytics;
using Ketenaanpak.Graph.Infrastructure.Auditing;
using Ketenaanpak.Graph.Infrastructure.Jobs;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ketenaanpak.Graph.Infrastructure;

public static class DependencyInjection
{
    public const string SqliteMigrationsAssembly = "Ketenaanpak.Graph.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "Ketenaanpak.Graph.Migrations.PostgreSql";

    /// <summary>
    /// The store (SQLite or PostgreSQL by Storage:Provider), its migrations and demo data, and Hangfire on the matching
    /// storage. <paramref name="runJobServer"/> is false for the CLI, which enqueues but does not process jobs.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder, bool runJobServer = true)
    {
        builder.AddApplication();
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((o, config) => o.ConnectionString ??= config.GetConnectionString("Graph"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The barrier model's phases and owners (issue 16); checked by BarrierModelOptionsValidator.
        services.AddOptions<Application.Barriers.BarrierModelOptions>().BindConfiguration(Application.Barriers.BarrierModelOptions.Section).ValidateOnStart();
        // The weighing criteria of the case meeting: weights and priority thresholds per region (issue 7).
        services.AddOptions<Domain.Dossiers.WeighingCriteria>().BindConfiguration("Weighing")
            .Validate(c => !c.Problems().Any(), "Weighing: weights must be ≥ 0 with one positive, and 0 ≤ MediumFrom < HighFrom ≤ 100.")
            .ValidateOnStart();

        var storage = ReadStorageOptions(builder.Configuration);
        var jobOptions = new JobOptions();
        builder.Configuration.GetSection(JobOptions.Section).Bind(jobOptions);
        services.AddDbContext<GraphDbContext>(options => ConfigureStore(options, storage));
        services.AddScoped<IGraphDbContext>(sp => sp.GetRequiredService<GraphDbContext>());
        // Scoped for the store options it shares with the request's context; each append still opens its own context
        // and transaction (AuditLog), so an audit write is never part of, nor undone with, the caller's unit of work.
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddOptions<AuditWitnessOptions>().BindConfiguration(AuditWitnessOptions.Section);
        services.AddSingleton<IAuditHeadWitness, FileAuditHeadWitness>();
        services.AddSingleton<IJobRunLocks>(_ => storage.Provider == StorageProvider.PostgreSql
            ? new PostgreSqlJobRunLocks(storage.EffectiveConnectionString)
            : new InProcessJobRunLocks());
        services.AddHostedService<StoreInitialiser>();
        services.AddSingleton<StoreInitialiser>();
        services.AddScoped<IStoreGraphSource, EfStoreGraphSource>();
        services.AddSingleton<GraphSnapshotService>();
        services.AddScoped<Application.Alerts.IAlertUserDirectory, Identity.AlertUserDirectory>();
        services.AddSingleton<Application.Bulk.IBulkGraphWriterFactory, Bulk.BulkGraphWriterFactory>();
        services.AddScoped<Application.Bulk.Export.IExportRowSource, Bulk.ExportRowSource>();

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.PostgreSql)
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.EffectiveConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        PrepareSchemaIfNecessary = true,
                        SchemaName = "hangfire",
                        // Several instances share the queues: a worker keeps renewing its claim while it runs, and a
                        // job of an instance that died is taken over once the claim is this old (ADR-008).
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = TimeSpan.FromSeconds(Math.Clamp(jobOptions.InvisibilityTimeoutSeconds, 5, 24 * 3600)),
                        // Hangfire's own locks (schedulers, expiration) are held for moments; a lock row left by a
                        // killed instance would otherwise stop the delayed-job and recurring schedulers of the others
                        // for the default ten minutes. Our long-running jobs use OneRunAtATime, not these rows.
                        DistributedLockTimeout = TimeSpan.FromMinutes(1),
                    });
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(storage.HangfireSqlitePath)!);
                config.UseSQLiteStorage(storage.HangfireSqlitePath);
            }
        });
        if (runJobServer)
        {
            services.AddHangfireServer((provider, o) =>
            {
                o.WorkerCount = Math.Clamp(jobOptions.EffectiveWorkerCount, 1, 64);
                // Per server, not in Hangfire's static global filters: a test process hosts several apps on different stores.
                var filters = new JobFilterCollection();
                filters.Add(ActivatorUtilities.CreateInstance<OneRunAtATimeFilter>(provider));
                o.FilterProvider = new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
            });
            services.AddHostedService<RecurringJobRegistration>();
            services.AddHostedService<SnapshotRefresher>();
        }
        services.AddHealthChecks().AddDbContextCheck<GraphDbContext>("database");
        return builder;
    }

    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var storage = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(storage);
        storage.ConnectionString ??= configuration.GetConnectionString("Graph");
        return storage;
    }

    public static void ConfigureStore(DbContextOptionsBuilder options, StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.PostgreSql)
            options.UseNpgsql(storage.EffectiveConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
        else
            options.UseSqlite(storage.EffectiveConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
    }
}
