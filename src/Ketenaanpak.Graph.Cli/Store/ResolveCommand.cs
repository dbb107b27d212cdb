using System.Text.Json;
using Ketenaanpak.Graph.Application.Resolution;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Cli.Store;

/// <summary>
/// <c>ketenaanpak resolve --all</c>: the bulk resolution run over the whole configured store (what the nightly job and
/// the analysts' button run): exact-key duplicates merged as a system judgement, fuzzy candidates queued for /koppelen.
/// </summary>
public static class ResolveCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var flags = new CliArgs(args, "all");
        flags.RejectUnknown("all");
        if (!flags.Has("all")) throw new CliUsageException("say --all: the command compares the whole store (one signal's persons are resolved by the job at submission).");
        using var host = CliHost.Build(args);
        await host.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ResolutionJob>().RunAllAsync(CancellationToken.None);
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            command = "resolve", compared = result.Compared, exact_merged = result.ExactMerged, queued = result.Queued,
            comparisons = result.Comparisons, seconds = result.Seconds,
        }));
        return 0;
    }
}
