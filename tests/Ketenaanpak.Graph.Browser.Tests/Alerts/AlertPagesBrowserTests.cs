using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Alerts;

/// <summary>
/// The analyst's alert work in the browser: the menu count, the list with the urgent alert on top in red, the Almelo
/// address alert with its subgraph, adding it to the open dossier, and asking for an ad-hoc case meeting.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AlertPagesBrowserTests(BrowserFixture fixture)
{
    private async Task ArrangeAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<AlertEvaluation>().RunAsync(null, CancellationToken.None);
        // The intake form is another branch: an urgent signal of the GGD, submitted straight through the domain.
        var db = sp.GetRequiredService<GraphDbContext>();
        var ggd = await db.Partners.AsNoTracking().SingleAsync(p => p.Code == "GGD-TW");
        var now = DateTimeOffset.UtcNow;
        var id = SignalId.New();
        var prov = new Provenance(ggd.Id, id, null, now.AddHours(-2), now, Grading.Default, LegalBasis.Covenant, HandlingCode.Chain, DateOnly.FromDateTime(now.UtcDateTime).AddYears(5));
        var signal = new Signal(id, "SIG-2026-0999", "Verpleegkundige GGD", DateOnly.FromDateTime(now.UtcDateTime), "GM0153", ExploitationForm.Sexual,
            Sector.SexIndustry, "Vrouw op het spreekuur vertelt dat zij vanavond wordt overgebracht; zij is bang.", true, prov);
        var victim = new Node(NodeId.New(), NodeKind.Person, "Vrouw op spreekuur (onbekend)", null, prov);
        db.Nodes.Add(victim);
        signal.Mention(victim.Id, "slachtoffer");
        signal.Submit(now);
        db.Signals.Add(signal);
        await db.SaveChangesAsync();
        foreach (var handler in sp.GetServices<ISignalSubmittedHandler>()) await handler.OnSubmittedAsync(id, CancellationToken.None);
    }

    [Fact]
    public async Task Analyst_SeesTheCountAndTheList_OpensTheAddressAlert_AddsItToTheDossier_AndAsksForACaseMeeting()
    {
        await ArrangeAsync();
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(Analyst_SeesTheCountAndTheList_OpensTheAddressAlert_AddsItToTheDossier_AndAsksForACaseMeeting));
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.SignInAsync(fixture.BaseUrl, "analist", steps);
        var menu = await page.Locator("nav a[href='/signaleringen']").InnerTextAsync();
        Assert.Matches(@"Signaleringen \(\d+\)", menu);

        await page.ClickAsync("nav a[href='/signaleringen']");
        await page.WaitForURLAsync("**/signaleringen");
        var first = page.Locator("table.alerts tbody tr").First;
        Assert.Contains("urgent", await first.GetAttributeAsync("class") ?? "");
        Assert.Contains("Acuut gevaar", await first.InnerTextAsync());
        await steps.ShotAsync("lijst");

        await page.ClickAsync("table.alerts a:has-text('14 personen ingeschreven')");
        await page.WaitForURLAsync("**/signaleringen/*");
        Assert.Equal(15, await page.Locator("table.alert-nodes tbody tr").CountAsync());
        Assert.Contains("Wierdensestraat 87", await page.Locator("table.alert-nodes").InnerTextAsync());
        await steps.ShotAsync("detail");

        var dossier = await page.Locator("#dossier option:has-text('Wierdensestraat')").GetAttributeAsync("value");
        await page.SelectOptionAsync("#dossier", dossier!);
        await page.SelectOptionAsync("#rol", "faciliteerder");
        await page.ClickAsync("button:has-text('Toevoegen aan dossier')");
        await page.WaitForURLAsync("**gedaan=dossier");
        Assert.Contains($"Toegevoegd aan dossier {dossier}", await page.Locator(".notice").InnerTextAsync());
        await steps.ShotAsync("toegevoegd");

        await page.GotoAsync(fixture.BaseUrl + "/signaleringen");
        await page.ClickAsync("table.alerts tr.urgent a");
        await page.WaitForURLAsync("**/signaleringen/*");
        await page.FillAsync("#toelichting", "Overplaatsing vanavond; politie en coördinator Enschede zijn gemeld.");
        await page.ClickAsync("button:has-text('Ad-hoc casusoverleg aanvragen')");
        await page.WaitForURLAsync("**gedaan=casusoverleg");
        Assert.Contains("Ad-hoc casusoverleg aangevraagd", await page.Locator("table.alert-history").InnerTextAsync());
        await steps.ShotAsync("casusoverleg");
        await page.CloseAsync();
    }
}
