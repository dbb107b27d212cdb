using System.Diagnostics;
using System.Text.Json;
using Ketenaanpak.Graph.TestKit;

namespace Ketenaanpak.Graph.Integration.Tests.CommandLine;

/// <summary>
/// `ketenaanpak analyse barrier-plan` as a separate process (issue 16): fresh random networks checked by an independent
/// brute force in Python/networkx (bench/barrier_plan_check.py), the store forms on the demo region, and its refusals.
/// </summary>
public sealed class BarrierPlanCommandTests
{
    private static string Cli => Path.Combine(AppContext.BaseDirectory, "ketenaanpak.dll");

    [Fact]
    public async Task RandomNetworks_AgreeWithABruteForceOfTheDefinitions_InNetworkx()
    {
        var script = Path.Combine(RepositoryPaths.Root, "bench", "barrier_plan_check.py");
        var (code, output) = await RunAsync("/usr/bin/python3", script, "--cli", $"dotnet {Cli}", "--networks", "40", "--seed", "2026");
        Assert.True(code == 0, output);
        Assert.Contains("40 checked, 0 failed", output);
    }

    [Fact]
    public async Task AllDossiers_OnTheDemoRegion_OneLineEach_EveryCompleteDossierBreaksSomething()
    {
        var data = Path.Combine(Path.GetTempPath(), "ketenaanpak-bp-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var store = new[] { "--Storage:DataDirectory", data, "--Demo:Enabled", "true", "--Demo:Password", "Test-Demo-Wachtwoord-2026!" };
            var (migrated, migrateOutput) = await RunAsync("dotnet", [Cli, "migrate", .. store]);
            Assert.True(migrated == 0, migrateOutput);
            var (code, output) = await RunAsync("dotnet", [Cli, "analyse", "barrier-plan", "--all-dossiers", "--budget", "2", .. store]);
            Assert.True(code == 0, output);
            var lines = output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(13, lines.Count);
            foreach (var line in lines)
            {
                Assert.Equal(2, line.GetProperty("budget").GetInt32());
                foreach (var key in new[] { "dossier", "perpetrators", "victims", "facilitators", "dependencies", "broken", "plan", "optimal", "ranking", "direct_ties", "by_phase", "compute_s" })
                    Assert.True(line.TryGetProperty(key, out _), $"{key} missing");
                bool complete = line.GetProperty("perpetrators").GetInt32() > 0 && line.GetProperty("victims").GetInt32() > 0 && line.GetProperty("facilitators").GetInt32() > 0;
                if (complete) Assert.True(line.GetProperty("broken").GetInt32() >= 1, line.ToString());
            }
            var (one, single) = await RunAsync("dotnet", [Cli, "analyse", "barrier-plan", "--dossier", lines[0].GetProperty("dossier").GetString()!, .. store]);
            Assert.True(one == 0, single);
            var (missing, refused) = await RunAsync("dotnet", [Cli, "analyse", "barrier-plan", "--dossier", "DOS-1999-999", .. store]);
            Assert.Equal(2, missing);
            Assert.Contains("does not exist", refused);
        }
        finally
        {
            foreach (var dir in new[] { data, data + "-auditkop" })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--budget", "x", "--budget must be a whole number")]
    [InlineData("--budget", "-2", "--budget must be between")]
    public async Task WrongFlags_AreRefusedInOneLine(string flag, string value, string message)
    {
        var edges = Path.Combine(RepositoryPaths.Root, "datasets", "mexico_human_trafficking_edgelist.txt");
        var roles = Path.Combine(RepositoryPaths.Root, "datasets", "mexico_human_trafficking_barrier_roles.csv");
        var (code, output) = await RunAsync("dotnet", Cli, "analyse", "barrier-plan", "--input", edges, "--roles", roles, flag, value);
        Assert.Equal(2, code);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task RolesFile_WithAnUnknownPhase_IsRefusedNamingTheLine()
    {
        var dir = Directory.CreateTempSubdirectory("ketenaanpak-bp-");
        try
        {
            var edges = Path.Combine(dir.FullName, "e.txt");
            var roles = Path.Combine(dir.FullName, "r.csv");
            await File.WriteAllTextAsync(edges, "a b\nb c\n");
            await File.WriteAllTextAsync(roles, "id,role,phase\na,perpetrator,\nb,facilitator,moon\nc,victim,\n");
            var (code, output) = await RunAsync("dotnet", Cli, "analyse", "barrier-plan", "--input", edges, "--roles", roles);
            Assert.Equal(2, code);
            Assert.Contains("roles line 3: unknown phase 'moon'", output);
        }
        finally { dir.Delete(recursive: true); }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (p.ExitCode, await stdout + await stderr);
    }
}
