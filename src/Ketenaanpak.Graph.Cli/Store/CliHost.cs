using Ketenaanpak.Graph.Infrastructure;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Cli.Store;

/// <summary>A host with the web app's configuration and store, without the web server or the job server.</summary>
public static class CliHost
{
    /// <param name="withAccounts">Also register the account store (user management commands).</param>
    public static IHost Build(string[] args, bool withAccounts = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = ConfigurationArgs(args), ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInfrastructure(runJobServer: false);
        if (withAccounts)
        {
            builder.Services.AddIdentityCore<ApplicationUser>(IdentityPolicy.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<GraphDbContext>();
            builder.Services.AddScoped<IStoreSeeder, DemoUserSeeder>(); // creates the roles (and demo accounts in demo mode)
        }
        return builder.Build();
    }

    /// <summary>
    /// Only the configuration keys (with a colon: --Storage:Provider X, --Key:Sub=value) reach the host. The command's
    /// own words would confuse its parser: a switch such as --force takes the next flag as its value, and a path such
    /// as /tmp/x is a "/key value" pair there — either way a store flag after it was silently lost.
    /// </summary>
    internal static string[] ConfigurationArgs(IReadOnlyList<string> args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !arg.Contains(':')) continue;
            kept.Add(arg);
            if (!arg.Contains('=') && i + 1 < args.Count) kept.Add(args[++i]);
        }
        return kept.ToArray();
    }
}
