using System.Diagnostics;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Cli.Store;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Cli.Alerts;

/// <summary>
/// `ketenaanpak alerts evaluate [--signal ID]`: runs the alert rules over the whole store (or only what one signal
/// touched) in this process, as the recurring job does, and prints what it found and stored.
/// </summary>
public static class AlertsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.FirstOrDefault() != "evaluate")
            throw new CliUsageException("usage: ketenaanpak alerts evaluate [--signal ID]");
        SignalId? signal = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--signal" && i + 1 < args.Length)
            {
                if (!Guid.TryParse(args[++i], out var id)) throw new CliUsageException("--signal takes a signal id (a GUID).");
                signal = new SignalId(id);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':'))
            {
                if (!args[i].Contains('=')) i++; // a store flag with its value: the host reads it
            }
            else throw new CliUsageException($"unknown argument '{args[i]}'.");
        }
        var clock = Stopwatch.StartNew();
        using var host = CliHost.Build(args);
        await host.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AlertEvaluation>().RunAsync(signal, CancellationToken.None);
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            command = "alerts evaluate",
            signal = signal?.ToString(),
            findings = result.Findings,
            created = result.Created,
            refreshed = result.Refreshed,
            unchanged = result.Unchanged,
            skipped_as_judged = result.SkippedAsJudged,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
        }));
        return 0;
    }
}
