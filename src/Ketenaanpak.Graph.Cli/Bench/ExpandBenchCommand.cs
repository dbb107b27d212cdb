using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Explorer;
using Ketenaanpak.Graph.Application.Generation;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Infrastructure;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ketenaanpak.Graph.Cli.Bench;

/// <summary>
/// <c>ketenaanpak bench expand --nodes N [--edges M] [--seed S] [--requests R] [--cap C] [--hops H] [--input DIR]</c>:
/// the explorer's expand as the server answers it — <see cref="NetworkQueries.NeighbourhoodAsync"/> with the access
/// policy and the audit append to a real SQLite store in a temporary folder — on a generated graph (the files of
/// <c>ketenaanpak generate</c>) with a synthetic provenance mix (<see cref="SyntheticStoreGraph"/>). Reports p50/p95/max
/// over R expands from random start nodes and from the 10 largest hubs, for a RIEC analyst and a coordinator, plus
/// the cost of the previous approach (cut out the user's whole visible snapshot per request) for comparison.
/// </summary>
public static class ExpandBenchCommand
{
    private static readonly string[] Flags = ["nodes", "edges", "seed", "requests", "cap", "hops", "input", "before"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var flags = new CliArgs(args, "before");
        flags.RejectUnknown(Flags);
        var nodes = flags.Long("nodes", fallback: 100_000);
        var edges = flags.Long("edges", fallback: nodes * 5);
        var seed = flags.Long("seed", fallback: 1);
        var requests = (int)flags.Long("requests", fallback: 200);
        var cap = (int)flags.Long("cap", fallback: 200);
        var hops = (int)flags.Long("hops", fallback: 1);
        var work = Path.Combine(Path.GetTempPath(), $"ketenaanpak-expand-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var clock = Stopwatch.StartNew();
            var input = flags.Get("input");
            if (input is null)
            {
                input = work;
                using var nodesWriter = new StreamWriter(Path.Combine(work, "nodes.csv"));
                using var edgesWriter = new StreamWriter(Path.Combine(work, "edges.csv"));
                SyntheticGraphGenerator.Generate(new SyntheticGraphOptions(nodes, edges, seed), nodesWriter, edgesWriter);
            }
            var generateSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var graph = SyntheticStoreGraph.Load(input, seed);
            var loadSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            _ = graph.Snapshot.IncidentEdges(0); // built once per snapshot version, like the CSR views
            var incidenceSeconds = clock.Elapsed.TotalSeconds;

            using var host = BuildHost(work, graph);
            await host.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
            await host.Services.GetRequiredService<GraphSnapshotService>().RefreshIfChangedAsync();

            var random = new Random((int)seed);
            var snapshot = graph.Snapshot;
            var hubs = Enumerable.Range(0, snapshot.NodeCount).OrderByDescending(v => snapshot.IncidentEdges(v).Length).Take(10).ToArray();
            var results = new Dictionary<string, object>();
            foreach (var (name, actor) in new[] { ("analyst", SyntheticStoreGraph.Analyst), ("coordinator", SyntheticStoreGraph.Coordinator) })
            {
                var access = ViewerAccess.For(graph, actor);
                var visible = Enumerable.Range(0, snapshot.NodeCount).Where(access.NodeVisible).ToArray();
                var starts = Enumerable.Range(0, requests).Select(_ => visible[random.Next(visible.Length)]).ToArray();
                var visibleHubs = hubs.Where(access.NodeVisible).ToArray();
                await TimeAsync(host, actor, snapshot, [.. starts.Take(20), .. visibleHubs], hops, cap); // warm-up (JIT tiers)
                results[name] = new
                {
                    visible_nodes = visible.Length,
                    random = await TimeAsync(host, actor, snapshot, starts, hops, cap),
                    after_warmup = await AfterWarmUpAsync(host, actor, snapshot, visibleHubs),
                    hubs = await TimeAsync(host, actor, snapshot, [.. visibleHubs, .. visibleHubs, .. visibleHubs], hops, cap, coldToo: true),
                };
                if (flags.Has("before")) results[name + "_before"] = Before(graph, actor, Math.Min(10, requests));
            }
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "expand", n = snapshot.NodeCount, m = snapshot.EdgeCount, seed, hops, cap, requests,
                max_degree = snapshot.IncidentEdges(hubs[0]).Length,
                generate_s = Math.Round(generateSeconds, 2), load_s = Math.Round(loadSeconds, 2), incidence_s = Math.Round(incidenceSeconds, 3),
                results, processors = Environment.ProcessorCount,
                // Other engineers build on the same 2 cores: wall-clock figures scale with this.
                load_average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?",
            }));
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static IHost BuildHost(string dataDirectory, StoreGraph graph)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = ["--Storage:DataDirectory", dataDirectory, "--Demo:Enabled", "false"],
            ContentRootPath = dataDirectory,
        });
        builder.Logging.ClearProviders();
        builder.AddInfrastructure(runJobServer: false);
        // The snapshot comes from the generated files; the audit log is the real one in the temporary store.
        builder.Services.AddScoped<IStoreGraphSource>(_ => new FixedSource(graph));
        return builder.Build();
    }

    private static async Task<object> TimeAsync(IHost host, Actor actor, Analytics.Snapshot.GraphSnapshot snapshot, int[] starts, int hops, int cap, bool coldToo = false)
    {
        var millis = new List<double>(starts.Length);
        var queryMillis = new List<double>(starts.Length);
        var explorerMillis = new List<double>(starts.Length);
        var coldMillis = new List<double>(starts.Length);
        // CPU of this process around each explorer expand: on a shared machine wall time mostly measures the others.
        var explorerCpu = new List<double>(starts.Length);
        var coldCpu = new List<double>(starts.Length);
        static double CpuMs() => ProcessCpu.Milliseconds();
        long nodesReturned = 0;
        var graph = host.Services.GetRequiredService<GraphSnapshotService>().Current;
        foreach (var v in starts)
        {
            // The query alone (no audit append, no DI scope), then the whole server-side call.
            var clock = Stopwatch.StartNew();
            NeighbourhoodExpander.Expand(ViewerScope.For(actor, graph), v, hops, cap, 0);
            queryMillis.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await using var scope = host.Services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<NetworkQueries>();
            var answer = await queries.NeighbourhoodAsync(actor, new NodeId(Guid.Parse(snapshot.Node(v).Key)), hops, cap, "bench");
            millis.Add(clock.Elapsed.TotalMilliseconds);
            nodesReturned += answer?.Nodes.Count ?? 0;
            // The explorer page's own expand (POST /api/explorer/expand): first page of 15, nothing drawn yet, with audit.
            var explorer = scope.ServiceProvider.GetRequiredService<Application.Explorer.ExplorerQueries>();
            if (coldToo)
            {
                // Cold: no visible degree counted yet for this user's profile (the first expand after a new snapshot
                // version), alternating with the warm one below in the same loop, so both see the same load.
                Application.Explorer.VisibleDegrees.Forget(graph);
                var cpu0 = CpuMs();
                clock.Restart();
                await explorer.ExpandAsync(actor, new NodeId(Guid.Parse(snapshot.Node(v).Key)), 0, 15, []);
                coldMillis.Add(clock.Elapsed.TotalMilliseconds);
                coldCpu.Add(CpuMs() - cpu0);
            }
            var cpu1 = CpuMs();
            clock.Restart();
            await explorer.ExpandAsync(actor, new NodeId(Guid.Parse(snapshot.Node(v).Key)), 0, 15, []);
            explorerMillis.Add(clock.Elapsed.TotalMilliseconds);
            explorerCpu.Add(CpuMs() - cpu1);
        }
        static double Pct(List<double> xs, double p) => xs.Count == 0 ? 0 : Math.Round(xs.Order().ElementAt(Math.Min(xs.Count - 1, (int)Math.Ceiling(p * xs.Count) - 1)), 2);
        return new
        {
            count = millis.Count, p50_ms = Pct(millis, 0.50), p95_ms = Pct(millis, 0.95), max_ms = Pct(millis, 1.0),
            query_p50_ms = Pct(queryMillis, 0.50), query_p95_ms = Pct(queryMillis, 0.95), query_max_ms = Pct(queryMillis, 1.0),
            mean_nodes = millis.Count == 0 ? 0 : nodesReturned / millis.Count,
            explorer_p50_ms = Pct(explorerMillis, 0.50), explorer_p95_ms = Pct(explorerMillis, 0.95), explorer_max_ms = Pct(explorerMillis, 1.0),
            explorer_cold_p50_ms = Pct(coldMillis, 0.50), explorer_cold_p95_ms = Pct(coldMillis, 0.95), explorer_cold_max_ms = Pct(coldMillis, 1.0),
            explorer_cpu_p50_ms = Pct(explorerCpu, 0.50), explorer_cpu_p95_ms = Pct(explorerCpu, 0.95),
            explorer_cold_cpu_p50_ms = Pct(coldCpu, 0.50), explorer_cold_cpu_p95_ms = Pct(coldCpu, 0.95),
        };
    }

    /// <summary>
    /// What an analyst meets once the background warm-up after a new snapshot version has run (<see cref="HubWarmer"/>,
    /// for this user's profile only): its own cost, then the first expand of each hub.
    /// </summary>
    private static async Task<object> AfterWarmUpAsync(IHost host, Actor actor, Analytics.Snapshot.GraphSnapshot snapshot, int[] hubs)
    {
        var graph = host.Services.GetRequiredService<GraphSnapshotService>().Current;
        Application.Explorer.VisibleDegrees.Forget(graph);
        var warmer = new HubWarmer(NullLogger<HubWarmer>.Instance);
        warmer.Remember(actor, ViewerAccess.For(graph, actor).Profile);
        var cpu0 = ProcessCpu.Milliseconds();
        var clock = Stopwatch.StartNew();
        var degrees = warmer.Warm(graph, () => false, CancellationToken.None);
        var warmUpWall = clock.Elapsed.TotalMilliseconds;
        var warmUpCpu = ProcessCpu.Milliseconds() - cpu0;
        var wall = new List<double>();
        var cpu = new List<double>();
        foreach (var v in hubs)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var explorer = scope.ServiceProvider.GetRequiredService<Application.Explorer.ExplorerQueries>();
            var c0 = ProcessCpu.Milliseconds();
            clock.Restart();
            await explorer.ExpandAsync(actor, new NodeId(Guid.Parse(snapshot.Node(v).Key)), 0, 15, []);
            wall.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add(ProcessCpu.Milliseconds() - c0);
        }
        static double Pct(List<double> xs, double p) => xs.Count == 0 ? 0 : Math.Round(xs.Order().ElementAt(Math.Min(xs.Count - 1, (int)Math.Ceiling(p * xs.Count) - 1)), 2);
        return new
        {
            warmup_degrees = degrees, warmup_wall_ms = Math.Round(warmUpWall, 1), warmup_cpu_ms = Math.Round(warmUpCpu, 1),
            first_expand_count = wall.Count, first_expand_p50_ms = Pct(wall, 0.5), first_expand_p95_ms = Pct(wall, 0.95),
            first_expand_cpu_p50_ms = Pct(cpu, 0.5), first_expand_cpu_p95_ms = Pct(cpu, 0.95),
        };
    }

    /// <summary>What every expand paid before: the user's whole visible snapshot, its undirected CSR, a scan of all edges.</summary>
    private static object Before(StoreGraph graph, Actor actor, int times)
    {
        var millis = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            var visible = ViewerScope.For(actor, graph).Visible;
            _ = visible.Undirected;
            var count = 0;
            for (var e = 0; e < visible.EdgeCount; e++) if (visible.Edge(e).Source == 0) count++;
            millis.Add(clock.Elapsed.TotalMilliseconds);
        }
        millis.Sort();
        return new { count = times, p50_ms = Math.Round(millis[millis.Count / 2], 1), max_ms = Math.Round(millis[^1], 1) };
    }

    private sealed class FixedSource(StoreGraph graph) : IStoreGraphSource
    {
        public Task<string> FingerprintAsync(CancellationToken cancellationToken) => Task.FromResult(graph.Fingerprint);
        public Task<StoreGraph> LoadAsync(long version, CancellationToken cancellationToken) => Task.FromResult(graph);
    }
}

/// <summary>CPU time of this process in ms at nanosecond resolution (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)); Process.TotalProcessorTime
/// on Linux counts in 10 ms ticks, too coarse for one request.</summary>
internal static partial class ProcessCpu
{
    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static double Milliseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6
        : Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
