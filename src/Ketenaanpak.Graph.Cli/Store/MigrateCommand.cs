using System.Diagnostics;
using System.Text.Json;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Cli.Store;

/// <summary>`ketenaanpak migrate`: brings the configured store up to date, as the web app does at start.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        using var host = CliHost.Build(args);
        var initialiser = host.Services.GetRequiredService<StoreInitialiser>();
        await initialiser.InitialiseAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            command = "migrate",
            provider = storage.Provider.ToString(),
            migrations = (await db.Database.GetAppliedMigrationsAsync()).Count(),
            partners = await db.Partners.CountAsync(),
            nodes = await db.Nodes.CountAsync(),
            relations = await db.Relations.CountAsync(),
            signals = await db.Signals.CountAsync(),
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
        }));
        return 0;
    }
}
