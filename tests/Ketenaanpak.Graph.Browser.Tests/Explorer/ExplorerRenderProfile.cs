using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ketenaanpak.Graph.Browser.Tests.Explorer;

/// <summary>
/// Diagnostic, not an assertion: where the browser spends its CPU when the explorer draws 2,000 nodes / 5,000 edges.
/// Samples the page's JavaScript with the DevTools protocol (<c>Profiler.start/stop</c> through Playwright's CDP
/// session) around one drawing (after a warm-up) plus two idle seconds (Cytoscape fills its texture caches in the
/// frames after the first), and splits the browser CPU by Chromium process type (renderer, GPU, browser). Lists the
/// top functions by self time in artifacts/benchmarks/explorer-render-profile.txt. With KETENAANPAK_CYTOSCAPE_UNMINIFIED
/// pointing at the same Cytoscape version's cytoscape.umd.js, the page gets that file so the names are readable.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
// A measurement harness, not a check: several minutes of drawing under load; run it by hand (docs/benchmarks.md).
[Trait("Category", "Slow")]
public sealed class ExplorerRenderProfile(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] ProcessTypes = ["renderer", "gpu-process", "utility", "browser"];

    private static string TypeOf(string commandLine)
    {
        var at = commandLine.IndexOf("--type=", StringComparison.Ordinal);
        if (at < 0) return "browser";
        var end = commandLine.IndexOf(' ', at);
        return commandLine[(at + 7)..(end < 0 ? commandLine.Length : end)];
    }

    private static Dictionary<string, double> CpuByType() =>
        ProcessTypes.ToDictionary(t => t, t => ExplorerRenderBenchmark.BrowserCpuSeconds(c => TypeOf(c) == t));

    [Fact]
    public async Task Profile_2000Nodes5000Edges_TopSelfTime()
    {
        // KETENAANPAK_PROFILE_CHROMIUM_ARGS: another Chromium command line (e.g. software GL instead of --disable-gpu),
        // to see whether the canvas cost depends on it; the fixture's browser otherwise.
        var chromiumArgs = Environment.GetEnvironmentVariable("KETENAANPAK_PROFILE_CHROMIUM_ARGS");
        using var playwright = string.IsNullOrWhiteSpace(chromiumArgs) ? null : await Playwright.CreateAsync();
        await using var ownBrowser = playwright is null ? null : await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = chromiumArgs!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        });
        var page = await (ownBrowser ?? fixture.Browser).NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(Profile_2000Nodes5000Edges_TopSelfTime));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        var unminified = Environment.GetEnvironmentVariable("KETENAANPAK_CYTOSCAPE_UNMINIFIED");
        if (File.Exists(unminified))
            await page.RouteAsync("**/lib/cytoscape/cytoscape.min.js*", r => r.FulfillAsync(new RouteFulfillOptions { Path = unminified, ContentType = "text/javascript" }));
        // KETENAANPAK_PROFILE_LEGACY=1: the third session's drawing path; KETENAANPAK_PROFILE_PATH=batch: the fourth's.
        var path = Environment.GetEnvironmentVariable("KETENAANPAK_PROFILE_LEGACY") == "1" ? "legacy"
            : Environment.GetEnvironmentVariable("KETENAANPAK_PROFILE_PATH") ?? "placed";
        var quickAbove = int.Parse(Environment.GetEnvironmentVariable("KETENAANPAK_PROFILE_QUICK_ABOVE") ?? "400", CultureInfo.InvariantCulture);

        await page.GotoAsync(fixture.BaseUrl + "/verkenner"); // warm-up: JIT and caches
        await page.WaitForSelectorAsync("#verkenner[data-ready=true]");
        await page.EvaluateAsync<double[]>(ExplorerRenderBenchmark.Script, new object[] { 2000, 5000, 2026, quickAbove, path });
        await page.GotoAsync(fixture.BaseUrl + "/verkenner");
        await page.WaitForSelectorAsync("#verkenner[data-ready=true]");

        // Counts the frames Cytoscape draws from here on (each is a full redraw of what changed).
        await page.EvaluateAsync("() => { window.renders_ = 0; window.verkenner.cy.on('render', () => window.renders_++); }");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Profiler.enable");
        await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 250 });
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var cpu0 = CpuByType();
        await cdp.SendAsync("Profiler.start");
        var r = await page.EvaluateAsync<double[]>(ExplorerRenderBenchmark.Script, new object[] { 2000, 5000, 2026, quickAbove, path });
        var cpu1 = CpuByType();
        var renders1 = await page.EvaluateAsync<int>("() => window.renders_");
        await page.WaitForTimeoutAsync(2000);
        var cpu2 = CpuByType();
        var renders2 = await page.EvaluateAsync<int>("() => window.renders_");
        var profile = await cdp.SendAsync("Profiler.stop") ?? throw new InvalidOperationException("Geen profiel.");
        await steps.ShotAsync("getekend");

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"explorer render profile, 2000 nodes / 5000 edges, quick layout above {quickAbove}, drawing path '{path}', chromium {chromiumArgs ?? "(fixture)"}; load average {load} on {Environment.ProcessorCount} cores");
        var renderer = await page.EvaluateAsync<string>("() => { const c = document.createElement('canvas').getContext('webgl2'); return c ? c.getParameter(c.RENDERER) : 'no webgl2'; }");
        report.AppendLine(CultureInfo.InvariantCulture, $"WebGL2 renderer: {renderer}");
        report.AppendLine(CultureInfo.InvariantCulture, $"wall {r[0]:F0} ms (add {r[3]:F0}, prepare {r[4]:F0}, layout {r[5]:F0})");
        report.AppendLine(CultureInfo.InvariantCulture, $"Cytoscape frames: {renders1} while drawing, {renders2 - renders1} in the next 2 s");
        foreach (var t in ProcessTypes)
            report.AppendLine(CultureInfo.InvariantCulture, $"CPU {t}: drawing {cpu1[t] - cpu0[t]:F2} s, next 2 s idle {cpu2[t] - cpu1[t]:F2} s");
        report.Append(TopSelfTime(profile.GetProperty("profile"), 50));
        output.WriteLine(report.ToString());
        var folder = Path.Combine(TestKit.RepositoryPaths.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "explorer-render-profile.txt"), report.ToString());
        await page.CloseAsync();
    }

    /// <summary>Self time per function (name, file, line) from a V8 CPU profile: each sample's time delta goes to the
    /// node it hit.</summary>
    private static string TopSelfTime(JsonElement profile, int top)
    {
        var frames = new Dictionary<int, string>();
        var parent = new Dictionary<int, int>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            if (node.TryGetProperty("children", out var children))
                foreach (var c in children.EnumerateArray()) parent[c.GetInt32()] = node.GetProperty("id").GetInt32();
            var f = node.GetProperty("callFrame");
            var url = f.GetProperty("url").GetString() ?? "";
            var file = url.Length == 0 ? "" : url[(url.LastIndexOf('/') + 1)..].Split('?')[0];
            var name = f.GetProperty("functionName").GetString();
            frames[node.GetProperty("id").GetInt32()] = $"{(string.IsNullOrEmpty(name) ? "(anonymous)" : name)} {file}:{f.GetProperty("lineNumber").GetInt32() + 1}";
        }
        var samples = profile.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()).ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetDouble()).ToList();
        var self = new Dictionary<string, double>();
        for (var i = 0; i + 1 < samples.Count; i++)
        {
            // Native calls (canvas drawImage, …) are named with their JavaScript caller, which says what drew.
            var key = frames[samples[i]];
            if (key.EndsWith(" :0", StringComparison.Ordinal) && !key.StartsWith('(') && parent.TryGetValue(samples[i], out var p))
                key += " ← " + frames[p] + (parent.TryGetValue(p, out var pp) ? " ← " + frames[pp] : "");
            self[key] = self.GetValueOrDefault(key) + deltas[i + 1] / 1000.0;
        }
        var total = self.Values.Sum();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"sampled {total:F0} ms on the page's main thread; top {top} by self time:");
        foreach (var (key, ms) in self.OrderByDescending(kv => kv.Value).Take(top))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{ms,8:F1} ms {100 * ms / total,5:F1} %  {key}");
        return sb.ToString();
    }
}
