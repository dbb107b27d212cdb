using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Signals;

/// <summary>
/// Issue 6's acceptance walk: a municipal coordinator files a signal for a demo address through the form; the analyst
/// sees it linked to the existing address; the registration rule fires (the job runs on submission, through Hangfire);
/// the analyst adds the alert to an open dossier.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignalToDossierBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Coordinator_FilesSignal_AnalystSeesItLinked_AlertFiresForTheRegistrationThreshold_AndGoesIntoTheOpenDossier()
    {
        var candidate = RegistrationSignal.AddressesBelowThreshold()[0];
        var address = candidate.Address;
        string Value(string property) => candidate.Value(property);

        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var name = nameof(Coordinator_FilesSignal_AnalystSeesItLinked_AlertFiresForTheRegistrationThreshold_AndGoesIntoTheOpenDossier);
        var steps = new Steps(page, name);
        await page.SignInAsync(fixture.BaseUrl, "coordinator");
        var number = await RegistrationSignal.FileAsync(page, fixture.BaseUrl, steps, candidate,
            ["Andrei Munteanu", "Vasile Rusu", "Ion Ciobanu", "Mihai Lupu", "Petru Botnaru", "Sergiu Cojocaru"],
            "Nieuwe inschrijvingen op dit adres binnen een jaar; de mannen kenden hun eigen adres niet.");
        await page.CloseAsync();

        var alertId = await RegistrationSignal.WaitForAlertAsync(fixture, address.Id);

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var analyst = await context.NewPageAsync();
        var analystSteps = new Steps(analyst, name + "-analist");
        await analyst.SignInAsync(fixture.BaseUrl, "analist");
        await analyst.GotoAsync($"{fixture.BaseUrl}/signalen/{number}");
        Assert.Equal(1, await analyst.Locator($"a.entity-link[href='/entiteiten/{address.Id}']").CountAsync()); // linked, not a copy
        await analystSteps.ShotAsync("signaal-gekoppeld");

        await analyst.ClickAsync("nav a[href='/signaleringen']");
        await analyst.WaitForURLAsync("**/signaleringen");
        var row = analyst.Locator($"table.alerts tr:has(a[href='/signaleringen/{alertId}'])");
        Assert.Contains($"{RegistrationSignal.Threshold} personen", await row.InnerTextAsync());
        await analystSteps.ShotAsync("signaleringen");
        await row.Locator("a").First.ClickAsync();
        await analyst.WaitForURLAsync($"**/signaleringen/{alertId}");
        Assert.Contains(Value("street"), await analyst.Locator("table.alert-nodes").InnerTextAsync());
        var dossier = await analyst.Locator("#dossier option[value]:not([value='']):not([value='nieuw'])").First.GetAttributeAsync("value");
        await analyst.SelectOptionAsync("#dossier", dossier!);
        await analyst.SelectOptionAsync("#rol", "faciliteerder");
        await analystSteps.ShotAsync("toevoegen");
        await analyst.ClickAsync("button:has-text('Toevoegen aan dossier')");
        await analyst.WaitForURLAsync("**gedaan=dossier");
        Assert.Contains($"Toegevoegd aan dossier {dossier}", await analyst.Locator(".notice").InnerTextAsync());
        await analystSteps.ShotAsync("toegevoegd");
        await context.CloseAsync();

        await using var check = fixture.Services.CreateAsyncScope();
        var store = check.ServiceProvider.GetRequiredService<GraphDbContext>();
        var added = await store.Dossiers.AsNoTracking().Include(d => d.Members).SingleAsync(d => d.Number == dossier);
        Assert.Contains(added.Members, m => m.NodeId == address.Id);
    }
}
