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
// A measurement harness, not a check: several minutes of drawing under load; run it by hand (docs/benchmarks.md).
[Trait("Category", "Slow")]
public sealed class ExplorerRenderBenchmark(BrowserFixture fixture, ITestOutputHelper output)
{
    // A seeded random graph (Mulberry32) in the API's element shape, so every run draws the same view. quickAbove: the
    // node count above which the page uses its own layout instead of fCoSE (-1 = fCoSE always); path: how a big view is
    // drawn (window.verkenner.drawPath): "placed" (fifth session: placed on plain data, one cy.add), "batch" (fourth
    // session: added, then placed in one batch), "legacy" (third session's page; window.verkenner.legacyDraw).
    internal const string Script = """
        async ([n, m, seed, quickAbove, path]) => {
            let a = seed >>> 0;
            const rnd = () => { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; };
            const kinds = ['Person', 'Address', 'Company', 'BankAccount', 'Phone'];
            const roles = ['perpetrator', 'victim', 'facilitator', 'unknown'];
            const nodes = [...Array(n).keys()].map(i => ({ data: { id: 'n' + i, label: 'Entiteit ' + i, kind: kinds[i % 5], kindLabel: kinds[i % 5], role: roles[i % 4], partner: 'Partner ' + (i % 7), grading: 'B2' } }));
            const seen = new Set(); const edges = [];
            for (let i = 1; i < n && edges.length < m; i++) { const j = Math.floor(rnd() * i); seen.add(j + '|' + i); edges.push({ data: { id: 'e' + edges.length, source: 'n' + j, target: 'n' + i, type: 'LinkedTo', label: 'verbonden met', weight: 1 } }); }
            while (edges.length < m) { const u = Math.floor(rnd() * n), v = Math.floor(rnd() * n); const k = Math.min(u, v) + '|' + Math.max(u, v); if (u === v || seen.has(k)) continue; seen.add(k); edges.push({ data: { id: 'e' + edges.length, source: 'n' + u, target: 'n' + v, type: 'LinkedTo', label: 'verbonden met', weight: 1 } }); }
            window.verkenner.quickLayoutAbove = quickAbove < 0 ? Infinity : quickAbove;
            window.verkenner.legacyDraw = path === 'legacy';
            window.verkenner.drawPath = path === 'legacy' ? undefined : path;
            const t0 = performance.now();
            const parts = await window.verkenner.show({ nodes, edges, more: 0 });
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            const total = performance.now() - t0;
            const cy = window.verkenner.cy;
            return [total, cy.nodes().length, cy.edges().length, parts.add, parts.prepare, parts.layout];
        }
        """;

    private const string ScriptedPan = """
        async () => {
            const cy = window.verkenner.cy;
            const f0 = performance.now();
            for (let i = 0; i < 20; i++) { cy.panBy({ x: 5, y: 3 }); await new Promise(r => requestAnimationFrame(r)); }
            return (performance.now() - f0) / 20;
        }
        """;

    /// <summary>CPU seconds (user + system) of the browser processes this test started: the machine is shared, so wall
    /// time alone says more about the other workers than about the page.</summary>
    internal static double BrowserCpuSeconds(Func<string, bool>? processFilter = null)
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
        if (processFilter is not null) mine.RemoveWhere(p => !processFilter(CommandLine(p)));
        return mine.Sum(p => ticks.GetValueOrDefault(p)) / 100.0; // USER_HZ is 100 on Linux
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    /// <summary>Frame intervals while the user drags the canvas with the mouse (40 moves over 400 px): median and max in
    /// ms. A drag is what the renderer optimises (edges hidden, texture while moving), unlike a scripted <c>panBy</c>.</summary>
    private static async Task<double[]> DragPanFrameAsync(IPage page)
    {
        var box = await page.Locator("#cy").BoundingBoxAsync() ?? throw new InvalidOperationException("Geen tekenvlak.");
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.EvaluateAsync("() => { window.frames_ = []; window.framesStop_ = false; const f = t => { window.frames_.push(t); if (!window.framesStop_) requestAnimationFrame(f); }; requestAnimationFrame(f); }");
        await page.Mouse.MoveAsync((float)x, (float)y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(x + 300), (float)(y + 100), new MouseMoveOptions { Steps = 40 });
        await page.Mouse.UpAsync();
        var stamps = await page.EvaluateAsync<double[]>("() => { window.framesStop_ = true; return window.frames_; }");
        var gaps = stamps.Zip(stamps.Skip(1), (a, b) => b - a).Order().ToList();
        return gaps.Count == 0 ? [double.NaN, double.NaN] : [gaps[gaps.Count / 2], gaps[^1]];
    }

    /// <summary>Two drawing paths alternating in the same browser under the same load, after one warm-up of each; by
    /// default "placed" (fifth session: filters, layout and sizes on plain data, one cy.add, labels and the long node
    /// list left out while zoomed out) against "batch" (fourth session: added, then filtered and placed in one batch).
    /// KETENAANPAK_RENDER_PATHS="placed,legacy" compares with the third session's page instead. Browser CPU is measured
    /// around the drawing alone: on this shared machine wall time mostly says how many other workers were running.</summary>
    [Fact]
    public async Task Render_2000Nodes5000Edges_MeasuredWithLayout()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(Render_2000Nodes5000Edges_MeasuredWithLayout));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        var modes = (Environment.GetEnvironmentVariable("KETENAANPAK_RENDER_PATHS") ?? "placed,batch")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (p, p)).ToArray();
        var runs = modes.ToDictionary(m => m.Item1, _ => new List<(double Wall, double Cpu, string Parts, double Pan, double[] Drag)>());
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        for (var run = 0; run < 4 * modes.Length; run++)
        {
            var (mode, path) = modes[run % modes.Length];
            await page.GotoAsync(fixture.BaseUrl + "/verkenner");
            await page.WaitForSelectorAsync("#verkenner[data-ready=true]");
            var cpuBefore = BrowserCpuSeconds();
            var r = await page.EvaluateAsync<double[]>(Script, new object[] { 2000, 5000, 2026, 400, path });
            var cpu = BrowserCpuSeconds() - cpuBefore;
            Assert.Equal(2000, (int)r[1]);
            Assert.Equal(5000, (int)r[2]);
            var pan = await page.EvaluateAsync<double>(ScriptedPan);
            var drag = await DragPanFrameAsync(page);
            if (run < modes.Length) { await steps.ShotAsync($"2000-knopen-5000-relaties-{mode}"); continue; } // warm-up: JIT and caches
            runs[mode].Add((r[0], cpu, string.Create(CultureInfo.InvariantCulture, $"add {r[3]:F0} + prepare {r[4]:F0} + layout {r[5]:F0} ms"), pan, drag));
        }
        var lines = runs.Select(kv =>
        {
            var xs = kv.Value;
            return string.Create(CultureInfo.InvariantCulture,
                $"{kv.Key}: wall {string.Join(" / ", xs.Select(x => x.Wall.ToString("F0", CultureInfo.InvariantCulture)))} ms, browser CPU {string.Join(" / ", xs.Select(x => x.Cpu.ToString("F2", CultureInfo.InvariantCulture)))} s, " +
                $"parts [{string.Join(" | ", xs.Select(x => x.Parts))}], scripted pan frame {string.Join(" / ", xs.Select(x => x.Pan.ToString("F0", CultureInfo.InvariantCulture)))} ms, " +
                $"mouse-drag frame median/max {string.Join(" ; ", xs.Select(x => $"{x.Drag[0]:F0}/{x.Drag[1]:F0}"))} ms");
        }).ToList();
        var line = $"explorer render 2000 nodes / 5000 edges, page path: {string.Join(" || ", lines)}; load average {load} → {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores";
        output.WriteLine(line);
        var folder = Path.Combine(TestKit.RepositoryPaths.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "explorer-render.txt"), line + Environment.NewLine);
        await page.CloseAsync();
    }
}
