namespace Ketenaanpak.Graph.Infrastructure.Persistence;

/// <summary>Work that must follow migration and demo loading at start-up (e.g. roles and demo accounts in the web app).</summary>
public interface IStoreSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
