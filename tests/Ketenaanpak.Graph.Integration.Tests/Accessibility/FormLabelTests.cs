using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Accessibility;

/// <summary>
/// Issue 5's "labels on every input, keyboard reachable controls, visible focus" on the pages analysts work in: every
/// visible form control has a label (a &lt;label for&gt;, an enclosing label or aria-label/-labelledby), no control is
/// taken out of the tab order, and the stylesheet draws a focus ring.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class FormLabelTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private static bool Labelled(IElement control, IDocument page) =>
        control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby") || control.Closest("label") is not null
        || (control.Id is { Length: > 0 } id && page.QuerySelector($"label[for='{id}']") is not null);

    [Fact]
    public async Task AnalystPages_EveryControlHasALabel_AndNoneIsOutOfTheTabOrder()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        string dossier;
        Guid entity;
        await using (var db = store.NewContext())
        {
            dossier = (await db.Dossiers.AsNoTracking().OrderBy(d => d.Number).FirstAsync()).Number;
            entity = (await db.Nodes.AsNoTracking().OrderBy(n => n.Caption).FirstAsync()).Id.Value;
        }
        var pages = new[] { "/verkenner", $"/verkenner/dossier/{dossier}/barrieres", $"/dossiers/{dossier}/proces", $"/entiteiten/{entity}",
            "/zoeken?q=flexwerk", $"/dossiers/leden/nieuw?entiteit={entity}", "/jaarverslag?jaar=2025" };
        var checkedControls = 0;
        foreach (var url in pages)
        {
            var page = new HtmlParser().ParseDocument(await analyst.GetStringAsync(url));
            var controls = page.QuerySelectorAll("input, select, textarea")
                .Where(c => c.GetAttribute("type") is not ("hidden" or "submit" or "button")).ToList();
            foreach (var control in controls)
                Assert.True(Labelled(control, page), $"{url}: <{control.LocalName} id=\"{control.Id}\" name=\"{control.GetAttribute("name")}\"> has no label");
            Assert.DoesNotContain(page.QuerySelectorAll("a, button, input, select, textarea, summary"), c => c.GetAttribute("tabindex") is { } t && t.StartsWith('-'));
            checkedControls += controls.Count;
        }
        Assert.True(checkedControls > 20, $"only {checkedControls} controls checked");
        var css = await analyst.GetStringAsync("/css/site.css");
        Assert.Contains(":focus-visible { outline:", css);
    }
}
