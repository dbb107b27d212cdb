using Ketenaanpak.Graph.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Cli.Store;

/// <summary>A host with the web app's configuration and store, without the web server or the job server.</summary>
public static class CliHost
{
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInfrastructure(runJobServer: false);
        return builder.Build();
    }
}
