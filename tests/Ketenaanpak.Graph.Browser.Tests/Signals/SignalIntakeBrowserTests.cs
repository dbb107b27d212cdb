using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Domain.Graph;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Signals;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignalIntakeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Coordinator_FilesSignalForDemoAddressThroughTheForm_AnalystSeesItLinkedToTheExistingAddress()
    {
        // The demo address of the "fourteen registrations" case, from the same seed the app loads (2014).
        var address = TwenteDemoGenerator.Generate(2014).Nodes.First(n => n.Kind == NodeKind.Address && n.Caption.StartsWith("Wierdensestraat 87,"));
        var postcode = address.Statements.First(s => s.Property == "postcode").Value;

        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var steps = new Steps(page, nameof(Coordinator_FilesSignalForDemoAddressThroughTheForm_AnalystSeesItLinkedToTheExistingAddress));
        var scriptErrors = new List<string>();
        page.PageError += (_, e) => scriptErrors.Add(e);
        // The refused submission answers 422, which Chromium logs as a failed resource; that is the form working, not a script error.
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.Contains("Failed to load resource")) scriptErrors.Add(m.Text); };
        // Every script and stylesheet the pages load must be there (the browser asks for a favicon the app does not have).
        page.Response += (_, r) => { if (r.Status == 404 && !r.Url.EndsWith("/favicon.ico")) scriptErrors.Add($"{r.Status} {r.Url}"); };
        await page.SignInAsync(fixture.BaseUrl, "coordinator");

        await page.ClickAsync("nav a[href='/signalen']");
        await page.WaitForURLAsync("**/signalen");
        await page.ClickAsync("a[href='/signalen/nieuw']");
        await page.WaitForURLAsync("**/signalen/nieuw");
        Assert.Equal("Gemeente Enschede", (await page.Locator(".partner-name").InnerTextAsync()).Trim());
        await steps.ShotAsync("leeg-formulier");

        await page.SelectOptionAsync("select[name='Place.Municipality']", "GM0141");
        await page.FillAsync("input[name='Place.Street']", "Wierdensestraat");
        await page.FillAsync("input[name='Place.HouseNumber']", "87");
        await page.FillAsync("input[name='Place.Postcode']", postcode[..4]); // a typo first: the letters are missing
        await page.FillAsync("input[name='Place.Town']", "Almelo");
        await page.SelectOptionAsync("select[name='Place.LocationType']", "PrivateHouse");
        await page.SelectOptionAsync("select[name=Form]", "Unknown");
        await page.SelectOptionAsync("select[name=Sector]", "Housing");
        foreach (var code in new[] { "BRP.01", "BRP.05", "BRP.06" }) await page.CheckAsync($"input[name=Indicators][value='{code}']");

        await page.ClickAsync("button.add-row[data-kind=Person]");
        await page.FillAsync("input[name='Mentions[0].Values[firstName]']", "Ion");
        await page.FillAsync("input[name='Mentions[0].Values[lastName]']", "Vasilescu");
        await page.FillAsync("input[name='Mentions[0].Values[nationality]']", "RO");
        await page.FillAsync("input[name='Mentions[0].Role']", "begeleider");
        await page.ClickAsync("button.add-row[data-kind=Person]");
        await page.FillAsync("input[name='Mentions[1].Values[firstName]']", "Maria");
        await page.FillAsync("input[name='Mentions[1].Values[lastName]']", "Dobre");
        await page.FillAsync("input[name='Mentions[1].Values[birthDate]']", "2003");
        await page.ClickAsync("button.add-row[data-kind=Document]");
        await page.SelectOptionAsync("select[name='Mentions[2].Values[documentType]']", "Paspoort");
        await page.FillAsync("input[name='Mentions[2].Values[number]']", "RX1234567");
        await page.FillAsync("input[name='Mentions[2].Values[issuingCountry]']", "RO");

        await page.ClickAsync("button.add-relation");
        await page.SelectOptionAsync("select[name='Relations[0].From']", new SelectOptionValue { Label = "Persoon 1: Ion" });
        await page.SelectOptionAsync("select[name='Relations[0].Type']", "Accompanies");
        await page.SelectOptionAsync("select[name='Relations[0].To']", new SelectOptionValue { Label = "Persoon 2: Maria" });
        await page.ClickAsync("button.add-relation");
        await page.SelectOptionAsync("select[name='Relations[1].From']", new SelectOptionValue { Label = "Persoon 1: Ion" });
        await page.SelectOptionAsync("select[name='Relations[1].Type']", "HoldsOthersDocument");
        await page.SelectOptionAsync("select[name='Relations[1].To']", new SelectOptionValue { Label = "Document 1: RX1234567" });
        await page.FillAsync("input[name='Relations[1].Detail']", "Begeleider hield paspoort vast");
        await page.FillAsync("textarea[name=Note]", "Zelfde begeleider als vorige maand; hij nam het paspoort na de inschrijving weer mee.");
        await page.CheckAsync("input[name=Urgent]");
        await steps.ShotAsync("ingevuld");

        await page.ClickAsync("button[name=actie][value=indienen]");
        await page.WaitForSelectorAsync(".validation-summary");
        Assert.Contains("Vul ook de twee letters van de postcode in", await page.Locator("#Place-Postcode-fout").InnerTextAsync());
        Assert.Equal("Ion", await page.InputValueAsync("input[name='Mentions[0].Values[firstName]']")); // nothing typed is lost
        await steps.ShotAsync("postcode-fout");

        await page.FillAsync("input[name='Place.Postcode']", postcode.Replace(" ", "").ToLowerInvariant());
        await page.ClickAsync("button[name=actie][value=indienen]");
        await page.WaitForURLAsync("**/signalen/SIG-*?ingediend=1");
        var number = (await page.Locator(".signal-number").InnerTextAsync()).Trim();
        Assert.Contains("worden nu gealarmeerd", await page.Locator(".urgent-confirmation").InnerTextAsync());
        await steps.ShotAsync("bevestiging");
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));

        // The analyst finds it among all signals and sees it linked to the existing demo address.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        var analyst = await context.NewPageAsync();
        var analystSteps = new Steps(analyst, nameof(Coordinator_FilesSignalForDemoAddressThroughTheForm_AnalystSeesItLinkedToTheExistingAddress) + "-analist");
        await analyst.SignInAsync(fixture.BaseUrl, "analist");
        await analyst.GotoAsync(fixture.BaseUrl + "/signalen?alle=1");
        await analystSteps.ShotAsync("alle-signalen");
        await analyst.ClickAsync($"a[href='/signalen/{number}']");
        await analyst.WaitForURLAsync($"**/signalen/{number}");
        var link = analyst.Locator($"a.entity-link[href='/entiteiten/{address.Id}']");
        Assert.Equal(1, await link.CountAsync());
        await analystSteps.ShotAsync("signaal");
        await link.ClickAsync();
        await analyst.WaitForURLAsync($"**/entiteiten/{address.Id}");
        await analystSteps.ShotAsync("adres");
        Assert.Contains(number, await analyst.ContentAsync());
        await context.CloseAsync();

        // The form's "uitleg" link of an indicator lands on its explanation on the knowledge page.
        await page.GotoAsync(fixture.BaseUrl + "/signalen/nieuw");
        var explain = await page.Locator("a.explain[href='/kennis#BRP.06']").GetAttributeAsync("target");
        Assert.Equal("_blank", explain); // the half-filled form stays open
        await page.GotoAsync(fixture.BaseUrl + "/kennis#BRP.06");
        Assert.Contains("In de wachtruimte zit een (jonge) vrouw", await page.Locator("#BRP\\.06").InnerTextAsync());
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Steps.Folder(nameof(Coordinator_FilesSignalForDemoAddressThroughTheForm_AnalystSeesItLinkedToTheExistingAddress)), "05-kennis-BRP.06.png") });
        await page.CloseAsync();
    }
}
