using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// Two real app processes on one PostgreSQL share the Hangfire queues (issue 8 §4): a batch of 100 queued imports runs
/// each import exactly once, and killing one instance mid-batch (SIGKILL, no graceful shutdown) lets the other finish
/// with nothing lost or duplicated. The instances are the published web app, started as separate processes, so the
/// kill is a real one: the killed instance's transactions die with its connections and its fetched jobs are taken over
/// once their claim is older than Jobs:InvisibilityTimeoutSeconds (10 s here).
/// </summary>
/// <remarks>
/// In the default test command since the fourth session. Before, in two of seven runs under a load of ~27 the
/// surviving instance went quiet after the kill: the single-run jobs (statistics, retention, alerts) held Hangfire lock
/// rows, a killed holder's row stays for Hangfire.PostgreSql's ten-minute lock timeout, and the survivor's workers
/// waited on it. Those jobs now take a PostgreSQL advisory lock that dies with its session (OneRunAtATime). On a
/// timeout the test prints the runs, the Hangfire jobs per state and the Hangfire lock rows.
/// </remarks>
[Collection(HostsCollection.Name)]
public sealed class MultiInstanceImportTests(PostgreSqlTestStore store, ITestOutputHelper output) : IClassFixture<PostgreSqlTestStore>
{
    private const int Imports = 100;
    private const int NodesPerFile = 400;
    private const int EdgesPerFile = 2000;

    [Fact]
    public async Task HundredQueuedImports_OneInstanceKilledMidBatch_TheOtherFinishesEachExactlyOnce()
    {
        var folder = Directory.CreateTempSubdirectory("ketenaanpak-multi-");
        var dataDirectory = Path.Combine(folder.FullName, "data");
        var instances = new List<Process>();
        try
        {
            for (var i = 0; i < Imports; i++)
            {
                var file = Path.Combine(folder.FullName, $"batch-{i:000}.txt");
                await File.WriteAllTextAsync(file, EdgeList(seed: i));
                var (code, json, stderr) = await BulkCli.RunAsync(store, "import", file, "--format", "edgelist", "--dataset", $"batch-{i:000}",
                    "--background", "--Storage:DataDirectory", dataDirectory);
                Assert.True(code == 0, stderr);
                Assert.True(json.GetProperty("queued").GetBoolean());
            }
            Assert.Equal(Imports, await CountRunsAsync(null));

            var killed = Start("a", dataDirectory, folder.FullName);
            instances.Add(killed);
            instances.Add(Start("b", dataDirectory, folder.FullName));

            // Kill the first instance once it has done imports of its own (so both demonstrably share the queue) and has
            // more in hand.
            await WaitUntilAsync(async () => (await SucceededJobsByServerAsync(log: false)).Any(s => s.Server.Contains($":{killed.Id}:", StringComparison.Ordinal) && s.Jobs >= 3),
                TimeSpan.FromMinutes(3), "instance a has done three imports");
            var doneAtKill = await CountRunsAsync(ImportRunStatus.Succeeded);
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
            output.WriteLine($"instance a (pid {killed.Id}) killed with {doneAtKill} of {Imports} imports done");
            Assert.True(doneAtKill < Imports, "the batch was over before the kill; the test proves nothing");

            try
            {
                await WaitUntilAsync(async () => await CountRunsAsync(ImportRunStatus.Succeeded) == Imports, TimeSpan.FromMinutes(6),
                    "all imports done by the surviving instance");
            }
            catch (TimeoutException)
            {
                await ReportStateAsync();
                throw;
            }

            await using var db = store.NewContext();
            var runs = await db.ImportRuns.AsNoTracking().ToListAsync();
            Assert.All(runs, r => Assert.Equal(ImportRunStatus.Succeeded, r.Status));
            // Nothing lost, nothing twice: every dataset has exactly its own nodes and relations.
            Assert.Equal(Imports * NodesPerFile, await db.Nodes.CountAsync());
            Assert.Equal(Imports * EdgesPerFile, await db.Relations.CountAsync());
            // A run whose data was committed just before the kill, but not its status, is run again and then finds
            // everything present (0 inserted): the totals above are what proves nothing was lost or doubled.
            foreach (var run in runs)
                Assert.True((run.NodesInserted, run.RelationsInserted) == (NodesPerFile, EdgesPerFile) || run.Attempts > 1,
                    $"{run.Dataset}: {run.NodesInserted} nodes, {run.RelationsInserted} relations in {run.Attempts} attempt(s)");

            // Each import job succeeded exactly once (the instances' own statistics jobs aside), and both instances did part of the work.
            // A job whose run the killed instance had finished, but not yet reported to Hangfire, is delivered again
            // once its claim expires; that delivery finds the run succeeded and ends at once. Wait for it.
            await WaitUntilAsync(async () => (await SucceededJobsByServerAsync(log: false)).Sum(s => s.DistinctJobs) >= Imports,
                TimeSpan.FromMinutes(2), "every import job in Hangfire's Succeeded state");
            var succeededBy = await SucceededJobsByServerAsync();
            Assert.Equal(Imports, succeededBy.Sum(s => s.Jobs));
            Assert.Equal(Imports, succeededBy.Sum(s => s.DistinctJobs));
            Assert.Contains(succeededBy, s => s.Server.Contains($":{killed.Id}:", StringComparison.Ordinal));
            Assert.Contains(succeededBy, s => s.Server.Contains($":{instances[1].Id}:", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var p in instances.Where(p => !p.HasExited)) p.Kill(entireProcessTree: true);
            foreach (var p in instances) await p.WaitForExitAsync();
            foreach (var log in folder.GetFiles("instance-*.log"))
                output.WriteLine($"--- {log.Name} (last lines)\n{string.Join('\n', File.ReadLines(log.FullName).TakeLast(15))}");
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A connected graph of 400 nodes: a ring plus chords, 2000 distinct undirected edges, no repeats.</summary>
    private static string EdgeList(int seed)
    {
        var edges = new HashSet<(int, int)>();
        var random = new Random(seed);
        for (var v = 0; v < NodesPerFile; v++) edges.Add((v, (v + 1) % NodesPerFile));
        while (edges.Count < EdgesPerFile)
        {
            int a = random.Next(NodesPerFile), b = random.Next(NodesPerFile);
            if (a != b && !edges.Contains((a, b)) && !edges.Contains((b, a))) edges.Add((a, b));
        }
        var text = new StringBuilder();
        foreach (var (a, b) in edges) text.Append(CultureInfo.InvariantCulture, $"p{a} p{b}\n");
        return text.ToString();
    }

    private Process Start(string name, string dataDirectory, string logFolder)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "src", "Ketenaanpak.Graph.Web", "bin", "Release", "net10.0", "Ketenaanpak.Graph.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution in Release first.");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = logFolder,
        };
        foreach (var arg in (string[])[dll, "--urls", "http://127.0.0.1:0", "--Storage:Provider", "PostgreSql",
                     "--ConnectionStrings:Graph", store.ConnectionString, "--Storage:DataDirectory", dataDirectory, "--Demo:Enabled", "false",
                     "--Jobs:InvisibilityTimeoutSeconds", "10", "--Jobs:WorkerCount", "3", "--Logging:LogLevel:Default", "Warning",
                     "--Logging:LogLevel:Hangfire", "Information"])
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var log = new StreamWriter(Path.Combine(logFolder, $"instance-{name}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>What the runs and the Hangfire jobs looked like when the wait ran out, for the test output.</summary>
    private async Task ReportStateAsync()
    {
        await using (var db = store.NewContext())
            foreach (var g in (await db.ImportRuns.AsNoTracking().ToListAsync()).GroupBy(r => r.Status))
                output.WriteLine($"runs {g.Key}: {g.Count()} (attempts {string.Join(",", g.Select(r => r.Attempts).Distinct())})");
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(j.statename, '-') || ' ' || coalesce(substring(j.invocationdata::text from '"Type":"([^",]*)'), '?') AS what, count(*)::int
            FROM hangfire.job j GROUP BY 1 ORDER BY 1
            """, connection);
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) output.WriteLine($"jobs {reader.GetString(0)}: {reader.GetInt32(1)}");
        await using var locks = new NpgsqlCommand("SELECT resource, acquired::text FROM hangfire.lock", connection);
        await using var lockReader = await locks.ExecuteReaderAsync();
        while (await lockReader.ReadAsync()) output.WriteLine($"lock {lockReader.GetString(0)} since {lockReader.GetString(1)}");
    }

    private async Task<int> CountRunsAsync(ImportRunStatus? status)
    {
        await using var db = store.NewContext();
        return await db.ImportRuns.CountAsync(r => status == null || r.Status == status);
    }

    private async Task<List<(string Server, int Jobs, int DistinctJobs)>> SucceededJobsByServerAsync(bool log = true)
    {
        // Hangfire records the processing server on the Processing state; the Succeeded state follows it on the same job.
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.data::json->>'ServerId' AS server, count(*)::int, count(DISTINCT s.jobid)::int
            FROM hangfire.state s
            JOIN hangfire.job j ON j.id = s.jobid AND j.invocationdata::text LIKE '%ImportJob%'
            JOIN LATERAL (SELECT data FROM hangfire.state p WHERE p.jobid = s.jobid AND p.name = 'Processing' AND p.id < s.id
                          ORDER BY p.id DESC LIMIT 1) p ON true
            WHERE s.name = 'Succeeded'
            GROUP BY 1
            """, connection);
        var result = new List<(string, int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        if (log) output.WriteLine(string.Join("; ", result.Select(r => $"{r.Item1}: {r.Item2} jobs")));
        return result;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for: {what}.");
            await Task.Delay(250);
        }
    }
}
