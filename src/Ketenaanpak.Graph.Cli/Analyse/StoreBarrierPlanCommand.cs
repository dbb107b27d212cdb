using System.Diagnostics;
using Ketenaanpak.Graph.Analytics.Barriers;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Barriers;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Cli.Store;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Cli.Analyse;

/// <summary>
/// <c>ketenaanpak analyse barrier-plan --dossier NUMBER | --all-dossiers [--budget K]</c>: the barrier plan of dossiers in
/// the configured store, as the app computes it (recorded or suggested phases, owners' capacity), one JSON line per
/// dossier with its number and counts. Runs as the system (every dossier, entity ids rather than names); each plan is
/// audited like the page's.
/// </summary>
public static class StoreBarrierPlanCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new CliArgs(args, "all-dossiers");
        a.Positional.Remove("barrier-plan");
        a.RejectUnknown("dossier", "all-dossiers", "budget");
        var number = a.Get("dossier");
        bool all = a.Has("all-dossiers");
        if (number is null == !all) throw new CliUsageException("give --dossier NUMBER or --all-dossiers (one of them).");
        int budget = (int)a.Long("budget", BarrierPlanCommand.DefaultBudget, 1, BarrierModelOptions.MaxBudget);

        using var host = CliHost.Build(args);
        await host.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IGraphDbContext>();
        var plans = scope.ServiceProvider.GetRequiredService<DossierBarrierPlans>();
        var audit = scope.ServiceProvider.GetRequiredService<Application.Auditing.IAuditLog>();
        var numbers = all
            ? await db.Dossiers.AsNoTracking().OrderBy(d => d.Number).Select(d => d.Number).ToListAsync()
            : [number!];
        var actor = Actor.System("barrièreplan");
        foreach (var n in numbers)
        {
            var sw = Stopwatch.StartNew();
            if (await plans.NetworkAsync(actor, n, CancellationToken.None) is not { } d)
            {
                stderr.WriteLine($"analyse barrier-plan: dossier {n} does not exist.");
                return 2;
            }
            var plan = BarrierPlanner.Plan(d.Network, d.Limits(budget), withVictims: false);
            double compute = sw.Elapsed.TotalSeconds;
            await audit.AppendAsync(new Application.Auditing.AuditRecord(actor, Application.Auditing.AuditAction.Analysis, "Dossier",
                d.Dossier.Id.ToString(), $"barrièreplan via de opdrachtregel (budget {budget}): {plan.Broken} van {plan.Dependencies} afhankelijkheden", null));
            var names = Enumerable.Range(0, d.View.NodeCount).Select(d.Key).ToList();
            stdout.WriteLine(BarrierPlanCommand.ToJson(plan, d.Network, names, budget, compute,
            [
                new("dossier", n),
                new("perpetrators", d.Network.VerticesWith(BarrierRole.Perpetrator).Count()),
                new("victims", d.Network.VerticesWith(BarrierRole.Victim).Count()),
                new("facilitators", d.PhaseOf.Count),
            ]));
        }
        return 0;
    }
}
