using System.Diagnostics;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Npgsql;

namespace Ketenaanpak.Graph.Integration.Tests.CommandLine;

/// <summary>
/// `ketenaanpak migrate` on an empty PostgreSQL database, as a server install runs it first: it must not print EF's
/// "fail:" lines (EF reads the migration history before creating it, dotnet/efcore#37328), which an installer takes
/// for a failed install. Run as a separate process, because those lines go to the console logger, not to the command's
/// output writer.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_EmptyPostgreSqlDatabase_AppliesEverythingWithoutErrorLines()
    {
        var database = "ketenaanpak_test_mig_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new NpgsqlConnection(PostgreSqlTestStore.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var graph = new NpgsqlConnectionStringBuilder(PostgreSqlTestStore.ServerConnectionString) { Database = database, Pooling = false }.ConnectionString;
            foreach (var round in new[] { "first", "again" })
            {
                var (code, output) = await RunCliAsync("migrate", "--Storage:Provider", "PostgreSql", "--ConnectionStrings:Graph", graph, "--Demo:Enabled", "false");
                Assert.True(code == 0, $"{round}: exit {code}: {output}");
                Assert.DoesNotContain("fail:", output);
                Assert.DoesNotContain("__EFMigrationsHistory", output);
                Assert.Contains("\"command\":\"migrate\"", output);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgreSqlTestStore.ServerConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<(int Code, string Output)> RunCliAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ketenaanpak.dll"); // the CLI, copied beside the tests by the project reference
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (p.ExitCode, await stdout + await stderr);
    }
}
