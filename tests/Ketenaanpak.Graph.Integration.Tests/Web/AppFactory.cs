using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ketenaanpak.Graph.Integration.Tests.Web;

/// <summary>
/// Hosts the real app on a real store. Hangfire keeps some state in statics, so every test that starts a host runs in
/// the one non-parallel "hosts" collection.
/// </summary>
public sealed class AppFactory(TestStore store, bool demo = true) : WebApplicationFactory<Program>
{
    public TestStore Store { get; } = store;

    /// <summary>The host's clock: pinned to <see cref="TestKit.TestClock.Start"/> and running on, so the demo region's dates
    /// and every rule that looks back from "now" give the same answer on any day the suite runs.</summary>
    public TimeProvider Clock { get; init; } = TestKit.TestClock.New();

    /// <summary>Extra configuration for this host (e.g. Authentication:Oidc:*), applied after the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    static AppFactory()
    {
        // Each host watches its content and web roots; a test run starts hundreds of hosts, and inotify watches are a
        // small per-user budget (128 instances). Polling watchers use none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var options = Store.Options;
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        // As the README's start command runs it (no launch profile → Production); Development would also look for the
        // project's own static-web-asset folders, which this app does not have.
        builder.UseEnvironment("Production");
        // The factory resets the content root to the project folder; point the web root back at the top-level wwwroot/.
        builder.UseWebRoot(Path.Combine(TestKit.RepositoryPaths.Root, "wwwroot"));
        builder.UseSetting("Storage:Provider", options.Provider.ToString());
        builder.UseSetting("Storage:DataDirectory", options.DataDirectory);
        builder.UseSetting("ConnectionStrings:Graph", options.Provider == Infrastructure.Persistence.StorageProvider.PostgreSql ? options.ConnectionString : null);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Demo:Seed", "2014");
        builder.UseSetting("Demo:Password", SignIn.DemoPassword);
        // Tests that run on real Kestrel (UseKestrel) get a free port; UseKestrel(0) alone leaves Kestrel on 5000.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock);
        });
    }
}

public static class AppFactoryUsers
{
    /// <summary>
    /// Makes sure an account exists (server mode has no demo accounts; tests provision their own, as an administrator
    /// would). Uses the app's own UserManager, so the password policy applies.
    /// </summary>
    public static async Task EnsureUserAsync(this AppFactory app, string userName, string role, string partnerCode, string password = SignIn.DemoPassword)
    {
        using var _ = app.CreateClient(); // make sure the host (and its store initialisation) has started
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<IGraphDbContext>();
        var partner = await db.Partners.SingleAsync(p => p.Code == partnerCode);
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, PartnerId = partner.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostsCollection
{
    public const string Name = "hosts";
}
