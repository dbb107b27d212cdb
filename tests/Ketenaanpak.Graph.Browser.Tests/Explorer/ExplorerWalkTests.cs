using System.Xml.Linq;
using Microsoft.Playwright;
using static Ketenaanpak.Graph.Browser.Tests.Explorer.PagePolling;

namespace Ketenaanpak.Graph.Browser.Tests.Explorer;

/// <summary>
/// The analyst's walk through the explorer on the demo region: a dossier's network → expand twice → path between two
/// nodes → save the view → reopen it → export PNG and GraphML (re-read with System.Xml); and the barrier view.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ExplorerWalkTests(BrowserFixture fixture)
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    private async Task<IPage> NewPageAsync() =>
        await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "nl-NL", AcceptDownloads = true });

    private static Task<int> CountAsync(IPage page, string what) => page.EvaluateAsync<int>($"window.verkenner.cy.{what}.length");

    private static async Task DoubleClickNodeAsync(IPage page, string id)
    {
        var box = await page.Locator("#cy").BoundingBoxAsync();
        var p = await page.EvaluateAsync<double[]>($"(() => {{ const q = window.verkenner.cy.getElementById('{id}').renderedPosition(); return [q.x, q.y]; }})()");
        await page.Mouse.DblClickAsync((float)(box!.X + p[0]), (float)(box.Y + p[1]));
    }

    private static async Task WaitIdleAsync(IPage page) => await UntilAsync(page, "document.getElementById('laden').hidden === true");

    [Fact]
    public async Task Explorer_DemoDossier_ExpandPathSaveReopenExport()
    {
        var page = await NewPageAsync();
        var steps = new Steps(page, nameof(Explorer_DemoDossier_ExpandPathSaveReopenExport));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        await page.GotoAsync(fixture.BaseUrl + "/verkenner");
        await page.WaitForSelectorAsync("#verkenner[data-ready=true]");
        Assert.True(await page.Locator("#leeg").IsVisibleAsync());
        await steps.ShotAsync("leeg");

        // Start from a search hit, as an analyst with a name would.
        await page.FillAsync("#zoek-tekst", "Vastgoed Oost");
        await page.PressAsync("#zoek-tekst", "Enter");
        await page.Locator("#zoek-resultaten button").First.WaitForAsync();
        await steps.ShotAsync("zoekresultaten");
        await page.Locator("#zoek-resultaten button").First.ClickAsync();
        await UntilAsync(page, "window.verkenner.cy.nodes().length > 1");
        await WaitIdleAsync(page);
        var start = await CountAsync(page, "nodes()");
        await steps.ShotAsync("start");

        // Expand twice by double-clicking the busiest node that still has neighbours to show.
        for (var round = 1; round <= 2; round++)
        {
            var before = await CountAsync(page, "nodes()");
            var next = await page.EvaluateAsync<string>("(() => { const cy = window.verkenner.cy; const seen = window.verkenner.state.more; " +
                "const fresh = cy.nodes().filter(n => !seen.has(n.id())); return (fresh.nonempty() ? fresh : cy.nodes()).max(n => n.degree()).ele.id(); })()");
            await DoubleClickNodeAsync(page, next);
            await UntilAsync(page, $"window.verkenner.state.more.has('{next}')");
            await WaitIdleAsync(page);
            await steps.ShotAsync($"uitgebreid-{round}");
            Assert.True(await CountAsync(page, "nodes()") >= before);
        }
        Assert.True(await CountAsync(page, "nodes()") > start, "two expansions added nothing");

        // Path between two nodes far apart in the view: click the first, shift-click the second.
        var ends = await page.EvaluateAsync<string[]>("(() => { const cy = window.verkenner.cy; const ns = cy.nodes(':visible'); " +
            "const a = ns[0]; const d = cy.elements(':visible').dijkstra({ root: a }); const b = ns.max(n => isFinite(d.distanceTo(n)) ? d.distanceTo(n) : -1).ele; return [a.id(), b.id()]; })()");
        await page.EvaluateAsync("window.verkenner.cy.nodes().unselect()");
        var cyBox = await page.Locator("#cy").BoundingBoxAsync();
        foreach (var (id, shift) in new[] { (ends[0], false), (ends[1], true) })
        {
            var p = await page.EvaluateAsync<double[]>($"(() => {{ const q = window.verkenner.cy.getElementById('{id}').renderedPosition(); return [q.x, q.y]; }})()");
            if (shift) await page.Keyboard.DownAsync("Shift");
            await page.Mouse.ClickAsync((float)(cyBox!.X + p[0]), (float)(cyBox.Y + p[1]));
            if (shift) await page.Keyboard.UpAsync("Shift");
        }
        Assert.Equal(2, await CountAsync(page, "nodes(':selected')"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.ClickAsync("#kortste-pad");
        await page.Locator("#paden .path-button").First.WaitForAsync();
        Console.WriteLine($"shortest path step: {clock.ElapsedMilliseconds} ms");
        Assert.True(await CountAsync(page, "edges('.path')") >= 1);
        await steps.ShotAsync("kortste-pad");
        await page.FillAsync("#k", "3");
        await page.EvaluateAsync("document.getElementById('paden').replaceChildren()");
        await page.ClickAsync("#k-paden");
        await page.Locator("#paden .path-button").First.WaitForAsync();
        await steps.ShotAsync("k-paden");

        // Save the view, open a fresh explorer, reopen it: the same nodes come back.
        var viewNodes = await CountAsync(page, "nodes()");
        await page.FillAsync("#weergave-naam", "Maandag: netwerk <script>alert(1)</script>");
        await page.ClickAsync("#bewaren button[type=submit]");
        await page.Locator("#weergaven button").First.WaitForAsync();
        Assert.Contains("bewaard", await page.Locator("#melding").InnerTextAsync());
        await steps.ShotAsync("bewaard");
        await page.GotoAsync(fixture.BaseUrl + "/verkenner");
        await page.WaitForSelectorAsync("#verkenner[data-ready=true]");
        var saved = page.Locator("#weergaven button", new() { HasText = "Maandag: netwerk <script>" });
        await saved.First.ClickAsync();
        await UntilAsync(page, $"window.verkenner.cy.nodes().length === {viewNodes}");
        await steps.ShotAsync("heropend");

        // Exports: PNG (client) and GraphML (server), the GraphML re-read and checked.
        var png = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        var pngBytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, pngBytes[..4]);
        var pngCopy = Path.Combine(Steps.Folder(nameof(Explorer_DemoDossier_ExpandPathSaveReopenExport)), "export.png");
        await File.WriteAllBytesAsync(pngCopy, pngBytes);
        var graphml = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-graphml"));
        Assert.EndsWith(".graphml", graphml.SuggestedFilename);
        var doc = XDocument.Load((await graphml.PathAsync())!);
        var nodes = doc.Descendants(GraphMl + "node").ToList();
        var edges = doc.Descendants(GraphMl + "edge").ToList();
        Assert.Equal(await CountAsync(page, "nodes(':visible')"), nodes.Count);
        Assert.Equal(await CountAsync(page, "edges()"), edges.Count);
        var ids = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.All(edges, e => Assert.True(ids.Contains((string)e.Attribute("source")!) && ids.Contains((string)e.Attribute("target")!)));
        Assert.All(nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Elements(GraphMl + "data").Single(d => (string)d.Attribute("key")! == "label").Value)));
        var svg = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-svg"));
        Assert.Equal(nodes.Count, XDocument.Load((await svg.PathAsync())!).Descendants(XNamespace.Get("http://www.w3.org/2000/svg") + "text").Count());
        await steps.ShotAsync("geexporteerd");

        // Delete the view: the owner sees a delete button, confirms in Dutch, and it leaves the list.
        string? question = null;
        page.Dialog += async (_, dialog) => { question = dialog.Message; await dialog.AcceptAsync(); };
        var item = page.Locator("#weergaven li", new() { HasText = "Maandag: netwerk <script>" });
        var viewsBefore = await item.CountAsync();
        await item.First.Locator("[data-delete-view]").ClickAsync();
        await UntilAsync(page, $"[...document.querySelectorAll('#weergaven li')].filter(li => li.textContent.includes('Maandag: netwerk')).length === {viewsBefore - 1}");
        Assert.StartsWith("Weergave \"Maandag: netwerk <script>alert(1)</script>\" verwijderen?", question);
        Assert.Contains("verwijderd", await page.Locator("#melding").InnerTextAsync());
        await steps.ShotAsync("weergave-verwijderd");
        await page.CloseAsync();
    }

    /// <summary>The barrier-phase filter: a dossier's network in the explorer, the housing facilitators filtered out
    /// and back; the facilitators' phases come from the same derivation the barrier view colours by.</summary>
    [Fact]
    public async Task Explorer_BarrierPhaseFilter_HidesTheFacilitatorsOfThatPhase()
    {
        var page = await NewPageAsync();
        var steps = new Steps(page, nameof(Explorer_BarrierPhaseFilter_HidesTheFacilitatorsOfThatPhase));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        var row = page.Locator("tr", new() { HasText = "Huisjesmelker Enschede-Oost" });
        await row.Locator("a").First.ClickAsync();
        var number = await page.Locator("h1").InnerTextAsync();
        await page.ClickAsync("a[href^='/verkenner?dossier=']");
        await page.WaitForSelectorAsync("#verkenner[data-ready=true]");
        await WaitIdleAsync(page);
        var total = await CountAsync(page, "nodes(':visible')");
        var housing = await page.EvaluateAsync<int>("window.verkenner.cy.nodes('[phase = \"housing\"]').length");
        Assert.True(housing > 0, $"no housing facilitators in {number}");
        var box = page.Locator("#filter-fasen label", new() { HasText = "Huisvesting" });
        await steps.ShotAsync("alle-fasen");
        await box.ClickAsync();
        await UntilAsync(page, $"window.verkenner.cy.nodes(':visible').length === {total - housing}");
        Assert.Equal(0, await page.EvaluateAsync<int>("window.verkenner.cy.nodes('[phase = \"housing\"]:visible').length"));
        Assert.Contains($"{housing} entiteiten weggefilterd", await page.Locator("#filter-telling").InnerTextAsync());
        await steps.ShotAsync("zonder-huisvesting");
        await box.ClickAsync();
        await UntilAsync(page, $"window.verkenner.cy.nodes(':visible').length === {total}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task BarrierPage_DemoDossier_SaysPerPhaseWhoDependsOnWhat_ThePlanWithItsOwner_AndWhatIfBesideTheBox()
    {
        var page = await NewPageAsync();
        var steps = new Steps(page, nameof(BarrierPage_DemoDossier_SaysPerPhaseWhoDependsOnWhat_ThePlanWithItsOwner_AndWhatIfBesideTheBox));
        await page.SignInAsync(fixture.BaseUrl, "analist");
        var row = page.Locator("tr", new() { HasText = "Huisjesmelker Enschede-Oost" });
        await row.Locator("a").First.ClickAsync();
        await page.ClickAsync("a.dossier-links-barriers, .dossier-links a:first-child");
        await page.WaitForSelectorAsync("#barrieres[data-ready=true]");
        await steps.ShotAsync("barrieres");
        // Per phase in words; the housing phase carries this dossier.
        var housing = await page.Locator("#fasen li[data-phase=housing]").InnerTextAsync();
        Assert.Matches(@"Huisvesting — \d+ van de \d+ slachtoffers zijn via .+ bereikbaar voor de daders", housing);
        // The plan names who raises the barrier: the lead municipality's own inspection.
        var plan = page.Locator("#plan tbody tr");
        Assert.True(await plan.CountAsync() >= 1);
        Assert.Contains("Gemeente Enschede", await plan.First.InnerTextAsync());
        // Shares ranked, highest first; the planned barriers drawn with a thick border.
        var shares = (await page.Locator("#faciliteerders td.num:nth-child(4)").AllInnerTextsAsync())
            .Select(t => int.Parse(t.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(shares.OrderByDescending(v => v), shares);
        Assert.True(await page.EvaluateAsync<int>("window.barrieres.cy.nodes('.planned').length") >= 1);
        // Why: the explanation opens on click.
        var first = page.Locator("#faciliteerders tr[data-in-plan=true]").First;
        await first.Locator("details summary").ClickAsync();
        Assert.Contains("Huisvesting", await first.Locator("details p").InnerTextAsync());
        await steps.ShotAsync("waarom");

        // What-if: tick the planned barrier; the answer appears beside the box and in the panel.
        await first.Locator("input.whatif-box").CheckAsync();
        await UntilAsync(page, "document.getElementById('barrieres').dataset.whatIf > 0");
        Assert.Matches(@"samen \d+ van \d+ doorbroken", await first.Locator(".whatif-result").InnerTextAsync());
        Assert.Contains("afhankelijkheden doorbroken", await page.Locator("#watals").InnerTextAsync());
        await steps.ShotAsync("wat-als");
        foreach (var jargon in new[] { "minimale snede", "tussenheid" })
            Assert.DoesNotContain(jargon, (await page.ContentAsync()).ToLowerInvariant());
        await page.CloseAsync();
    }
}
