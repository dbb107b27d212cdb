using System.Text.Json;
using Ketenaanpak.Graph.Cli;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Store;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>Runs `ketenaanpak import/export` in-process against a test store, as a user would from the shell.</summary>
internal static class BulkCli
{
    public static string[] StoreFlags(TestStore store) => store.Options.Provider == StorageProvider.PostgreSql
        ? ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:Graph", store.Options.ConnectionString!, "--Demo:Enabled", "false"]
        : ["--Storage:Provider", "Sqlite", "--Storage:DataDirectory", store.Options.DataDirectory, "--Demo:Enabled", "false"];

    public static async Task<(int Code, JsonElement Json, string Stderr)> RunAsync(TestStore store, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Commands.RunAsync([.. args, .. StoreFlags(store)], stdout, stderr);
        var text = stdout.ToString().Trim();
        var json = text.Length > 0 && text.StartsWith('{') ? JsonDocument.Parse(text.Split('\n')[^1]).RootElement.Clone() : default;
        return (code, json, stderr.ToString());
    }

    /// <summary>Imports and insists on success; returns the summary.</summary>
    public static async Task<JsonElement> ImportAsync(TestStore store, params string[] args)
    {
        var (code, json, stderr) = await RunAsync(store, ["import", .. args]);
        Assert.True(code == 0, $"import failed ({code}): {stderr} {json}");
        return json;
    }

    public static async Task<JsonElement> ExportAsync(TestStore store, params string[] args)
    {
        var (code, json, stderr) = await RunAsync(store, ["export", .. args]);
        Assert.True(code == 0, $"export failed ({code}): {stderr} {json}");
        return json;
    }

    public static long Long(this JsonElement json, string name) => json.GetProperty(name).GetInt64();
}
