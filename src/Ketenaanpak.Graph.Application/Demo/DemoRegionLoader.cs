using Ketenaanpak.Graph.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Demo;

/// <summary>Stores the generated Twente region in an empty store, in one transaction: all of it or nothing.</summary>
public sealed class DemoRegionLoader(IGraphDbContext db, ILogger<DemoRegionLoader> log)
{
    /// <summary>The provenance reference of every demo fact; pages use it to mark the region as fictional.</summary>
    public const string SourceReference = "demo:twente (fictief)";

    /// <returns>True if the region was loaded; false if the store already held partners (never loads twice).</returns>
    public async Task<bool> LoadIfEmptyAsync(int seed, CancellationToken cancellationToken = default)
    {
        if (await db.Partners.AnyAsync(cancellationToken)) return false;
        var region = TwenteDemoGenerator.Generate(seed);
        db.Partners.AddRange(region.Partners);
        db.Nodes.AddRange(region.Nodes);
        db.Relations.AddRange(region.Relations);
        db.Signals.AddRange(region.Signals);
        db.Dossiers.AddRange(region.Dossiers);
        db.Interventions.AddRange(region.Interventions);
        db.CaseMeetings.AddRange(region.Meetings);
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Fictional Twente demo region loaded (seed {Seed}): {Nodes} nodes, {Relations} relations, {Signals} signals, {Dossiers} dossiers",
            seed, region.Nodes.Count, region.Relations.Count, region.Signals.Count, region.Dossiers.Count);
        return true;
    }
}
