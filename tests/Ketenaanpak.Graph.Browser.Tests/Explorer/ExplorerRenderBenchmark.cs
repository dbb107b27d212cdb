using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ketenaanpak.Graph.Browser.Tests.Explorer;

/// <summary>
/// Benchmark, not a timed assertion: how long the explorer takes to draw a view of 2,000 nodes and 5,000 edges with
/// its layout (the page's own path: add elements, filters, sizes, list, fCoSE) in headless Chromium. The figures go
/// to the test output and artifacts/benchmarks/explorer-render.txt; docs/benchmarks.md records them.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ExplorerRenderBenchmark(BrowserFixture fixture, ITestOutputHelper output)
{
    // A seeded random graph (Mulberry32) in the API's element shape, so every run draws the same view.
    private const string Script = """
        async ([n, m, seed]) => {
            let a = seed >>> 0;
            const rnd = () => { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; };
            const kinds = ['Person', 'Address', 'Company', 'BankAccount', 'Phone'];
            const roles = ['perpetrator', 'victim', 'facilitator', 'unknown'];
            const nodes = [...Array(n).keys()].map(i => ({ data: { id: 'n' + i, label: 'Entiteit ' + i, kind: kinds[i % 5], kindLabel: kinds[i % 5], role: roles[i % 4], partner: 'Partner ' + (i % 7), grading: 'B2' } }));
            const seen = new Set(); const edges = [];
            for (let i = 1; i < n && edges.length < m; i++) { const j = Math.floor(rnd() * i); seen.add(j + '|' + i); edges.push({ data: { id: 'e' + edges.length, source: 'n' + j, target: 'n' + i, type: 'LinkedTo', label: 'verbonden met', weight: 1 } }); }
            while (edges.length < m) { const u = Math.floor(rnd() * n), v = Math.floor(rnd() * n); const k = Math.min(u, v) + '|' + Math.max(u, v); if (u === v || seen.has(k)) continue; seen.add(k); edges.push({ data: { id: 'e' + edges.length, source: 'n' + u, target: 'n' + v, type: 'LinkedTo', label: 'verbonden met', weight: 1 } }); }
            const t0 = performance.now();
            const parts = await window.verkenner.show({ nodes, edges, more: 0 });
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            const total = performance.now() - t0;
            const cy = window.verkenner.cy;
            const f0 = performance.now();
            for (let i = 0; i < 20; i++) { cy.panBy({ x: 5, y: 3 }); await new Promise(r => requestAnimationFrame(r)); }
            const frame = (performance.now() - f0) / 20;
            return [total, frame, cy.nodes().length, cy.edges().length, parts.add, parts.prepare, parts.layout];
        }
        """;

    /// <summary>CPU seconds (user + system) of the browser processes this test started: the machine is shared, so wall
    /// time alone says more about the other workers than about the page.</summary>
    private static double BrowserCpuSeconds()
    {
        var parent = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parent[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
        }
        var mine = new HashSet<int> { Environment.ProcessId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, ppid) in parent)
                if (mine.Contains(ppid) && mine.Add(pid)) grew = true;
        }
        mine.Remove(Environment.ProcessId);
        return mine.Sum(p => ticks.GetValueOrDefault(p)) / 100.0; // USER_HZ is 100 on Linux
    }

    [Fact]
    public async Task Render_2000Nodes5000Edges_MeasuredWithLayout()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(Render_2000Nodes5000Edges_MeasuredWithLayout));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        var totals = new List<double>();
        var frames = new List<double>();
        var parts = new List<string>();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        for (var run = 0; run < 4; run++)
        {
            await page.GotoAsync(fixture.BaseUrl + "/verkenner");
            await page.WaitForSelectorAsync("#verkenner[data-ready=true]");
            var cpuBefore = BrowserCpuSeconds();
            var r = await page.EvaluateAsync<double[]>(Script, new object[] { 2000, 5000, 2026 });
            var cpu = BrowserCpuSeconds() - cpuBefore;
            Assert.Equal(2000, (int)r[2]);
            Assert.Equal(5000, (int)r[3]);
            if (run == 0) { await steps.ShotAsync("2000-knopen-5000-relaties"); continue; } // first run warms the JIT and caches
            totals.Add(r[0]);
            frames.Add(r[1]);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"add {r[4]:F0} + prepare {r[5]:F0} + layout {r[6]:F0} ms, browser CPU {cpu:F1} s"));
        }
        totals.Sort();
        frames.Sort();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"explorer render 2000 nodes / 5000 edges (fCoSE, page path): median {totals[1]:F0} ms (runs {string.Join(", ", totals.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms); pan frame median {frames[1]:F1} ms; " +
            $"parts: {string.Join(" | ", parts)} ms; load average {load} → {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        output.WriteLine(line);
        var folder = Path.Combine(TestKit.RepositoryPaths.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "explorer-render.txt"), line + Environment.NewLine);
        await page.CloseAsync();
    }
}
