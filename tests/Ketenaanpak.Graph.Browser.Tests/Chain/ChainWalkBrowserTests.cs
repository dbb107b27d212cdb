using System.Globalization;
using System.Text.RegularExpressions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Browser.Tests.Signals;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Chain;

/// <summary>
/// Issue 7's acceptance walk: one case from a new signal to a closed, evaluated dossier, through the pages, each step by
/// the user whose step it is: the coordinator files the signal; the analyst opens a dossier from the alert, forms it,
/// reads the barrier plan and weighs it; the case meeting (planned by the RIEC) decides and proposes two interventions;
/// the police declines one for capacity (after a refused attempt without a reason), the analyst reassigns it to the
/// labour inspectorate, which accepts; the municipality accepts the other; minutes are adopted; the coordinator moves
/// the dossier into execution, carries out the municipal intervention, evaluates and closes. Finally the
/// data-protection officer's audit page (and the log itself) shows every step with its author.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ChainWalkBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const float Patient = 120_000; // ms: the CI machine has two cores and other builds beside us
    private readonly Dictionary<string, IBrowserContext> _contexts = [];
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts.Values) await context.CloseAsync();
    }

    [Fact]
    public async Task OneCase_FromNewSignal_ToClosedEvaluatedDossier_EveryStepByItsUser_AndInTheAuditLog()
    {
        var name = nameof(OneCase_FromNewSignal_ToClosedEvaluatedDossier_EveryStepByItsUser_AndInTheAuditLog);
        try
        {
            await WalkAsync(name);
        }
        catch
        {
            // What each user's browser showed when the walk broke off, beside the step screenshots.
            foreach (var (user, context) in _contexts)
                foreach (var page in context.Pages)
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Steps.Folder(name), $"fout-{user}.png"), FullPage = true });
            throw;
        }
    }

    private async Task WalkAsync(string name)
    {
        await EnsureInspectorAsync();
        // An Enschede address (the demo coordinator's municipality), not the one the issue-6 walk uses.
        var all = RegistrationSignal.AddressesBelowThreshold();
        var candidate = all.Skip(1).FirstOrDefault(c => c.MunicipalityCode == "GM0153") ?? all[1];

        // 1. The coordinator files the signal.
        var coordinator = await SignedInAsync("coordinator");
        var steps = new Steps(coordinator, name);
        var signal = await RegistrationSignal.FileAsync(coordinator, fixture.BaseUrl, steps, candidate,
            ["Oleksandr Bondarenko", "Taras Melnyk", "Bohdan Kravets", "Yurii Tkachenko", "Dmytro Savchenko", "Roman Lysenko"],
            "Zes mannen ingeschreven op één adres; de verhuurder regelt ook het werk en houdt de paspoorten.");
        var alertId = await RegistrationSignal.WaitForAlertAsync(fixture, candidate.Address.Id);

        // 2. The analyst opens a new dossier from the alert, with the address as facilitator.
        var analyst = await SignedInAsync("analist");
        var analystSteps = steps.On(analyst);
        await GoAsync(analyst, $"/signaleringen/{alertId}");
        await analyst.SelectOptionAsync("#dossier", "nieuw");
        await analyst.SelectOptionAsync("#rol", "faciliteerder");
        await analystSteps.ShotAsync("signalering-nieuw-dossier");
        await analyst.ClickAsync("button:has-text('Toevoegen aan dossier')");
        await analyst.WaitForURLAsync("**gedaan=dossier");
        var notice = await analyst.Locator(".notice").InnerTextAsync();
        var number = Regex.Match(notice, @"DOS-\d{4}-\d{3}").Value;
        Assert.False(string.IsNullOrEmpty(number), $"no dossier number in '{notice}'");
        await analystSteps.ShotAsync("dossier-geopend");

        // 3. Dossier formation, then weighing; the assignment step says what it still needs.
        await GoAsync(analyst, $"/dossiers/{number}/proces");
        Assert.Equal("Detectie", (await analyst.Locator(".step-current").InnerTextAsync()).Trim());
        await MoveAsync(analyst, "Dossiervorming", "Signalering adres met zes inschrijvingen; dossier gevormd rond het adres.");
        await MoveAsync(analyst, "Weging en kwalificatie", "Verhuurder en werkgever lijken één persoon; bron is het signaal van de gemeente.");
        var blocked = analyst.Locator(".move-forward:has(h3:has-text('Toewijzing interventies'))");
        Assert.Contains("Leg eerst de weging vast", await blocked.Locator("ul.missing").InnerTextAsync());
        Assert.Equal(0, await blocked.Locator("form").CountAsync());
        await analystSteps.ShotAsync("weging-ontbreekt");

        // 4. The barrier plan of the dossier, then the weighing with its plan of approach.
        await GoAsync(analyst, $"/verkenner/dossier/{number}/barrieres");
        // Ready or failed, then say which: a failed load shows its message instead of running into the timeout.
        await analyst.WaitForSelectorAsync("#barrieres[data-ready]", new PageWaitForSelectorOptions { Timeout = Patient });
        var barrierState = await analyst.GetAttributeAsync("#barrieres", "data-ready");
        Assert.True(barrierState == "true", $"the barrier page did not load: {await analyst.Locator("#fout").InnerTextAsync()} ({barrierState})");
        await analystSteps.ShotAsync("barriereplan");
        await GoAsync(analyst, $"/dossiers/{number}/proces");
        foreach (var (field, score) in new[] { ("#ernst", "4"), ("#urgentie", "4"), ("#omvang", "3"), ("#bewijs", "2") })
            await analyst.SelectOptionAsync(field, score);
        await analyst.FillAsync("#slachtoffers", "6");
        await analyst.FillAsync("#plan", "Barrière bij huisvesting (woningcontrole, overbewoning) en bij werk (inspectie bij de werkgever).");
        await analyst.FillAsync("#resultaat", "Overbewoning beëindigd, bewoners in beeld bij zorg, werkgever gecontroleerd.");
        foreach (var input in await analyst.Locator("input[name^='aanpak[']").AllAsync())
            await input.FillAsync("Bestuurlijke aanpak: controle en handhaving huisvesting");
        await analystSteps.ShotAsync("weging-ingevuld");
        await analyst.ClickAsync("button:has-text('Weging vastleggen')");
        await analyst.WaitForURLAsync("**gedaan=weging");
        Assert.Contains("Prioriteit", await analyst.Locator(".priority").InnerTextAsync());
        await MoveAsync(analyst, "Toewijzing interventies", "Gewogen en gekwalificeerd; naar het casusoverleg voor de interventies.");
        await analystSteps.ShotAsync("toewijzing");

        // 5. The RIEC plans an ad-hoc case meeting and puts the dossier on its agenda.
        await GoAsync(analyst, "/casusoverleg");
        await analyst.SelectOptionAsync("#Kind", "adhoc");
        await analyst.FillAsync("#Title", $"Ad-hoc casusoverleg {number}");
        await analyst.FillAsync("#Date", DateTime.Today.AddDays(1).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await analyst.FillAsync("#Time", "13:00");
        await analyst.FillAsync("#Chair", "Burgemeester van Enschede (portefeuillehouder mensenhandel)");
        await analyst.ClickAsync("button:has-text('Overleg plannen')");
        await analyst.WaitForURLAsync("**gedaan=gepland");
        var meetingPath = new Uri(analyst.Url).AbsolutePath;
        await analyst.FillAsync("#dossier", number);
        await analyst.ClickAsync("form[action$='/dossiers'] button:has-text('Toevoegen')");
        await analyst.WaitForURLAsync("**gedaan=dossier*");
        Assert.Contains(number, await analyst.Locator("article.agenda-item").InnerTextAsync());
        await analystSteps.ShotAsync("overleg-agenda");

        // 6. The case meeting (the police expert at the table) records its decision and proposes the two interventions.
        var police = await SignedInAsync("casusoverleg");
        var policeSteps = steps.On(police);
        await GoAsync(police, meetingPath);
        var item = police.Locator($"article.agenda-item:has-text('{number}')");
        await item.Locator("summary:has-text('Besluit of actiepunt vastleggen')").ClickAsync();
        await item.Locator("select[name=soort]").SelectOptionAsync("besluit");
        await item.Locator("textarea[name=tekst]").FillAsync("Het overleg kwalificeert de casus als mogelijke arbeidsuitbuiting; barrières bij huisvesting en werk.");
        await item.Locator("button:has-text('Vastleggen')").ClickAsync();
        await police.WaitForURLAsync("**gedaan=besluit*");
        Assert.Contains("mogelijke arbeidsuitbuiting", await police.Locator($"article.agenda-item:has-text('{number}') ul.decisions").InnerTextAsync());
        await policeSteps.ShotAsync("overleg-besluit");

        const string housing = "Woningcontrole op overbewoning en brandveiligheid";
        const string work = "Controle bij de werkgever van de ingeschreven mannen";
        var due = DateTime.Today.AddDays(42).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await GoAsync(police, $"/dossiers/{number}/proces");
        await ProposeAsync(police, "Administrative", "housing", "GEM-ENSCHEDE", due, housing);
        await ProposeAsync(police, "Criminal", "work", "POL-ON", due, work);
        await policeSteps.ShotAsync("interventies-voorgesteld");

        // 7. The police declines its intervention for capacity: first without a reason (refused, says what is missing).
        var workRow = Row(police, work);
        await workRow.Locator("select[name=actie]").SelectOptionAsync("afwijzen");
        await workRow.Locator("button:has-text('Vastleggen')").ClickAsync();
        var refusal = police.Locator(".validation-summary[role=alert]");
        await refusal.WaitForAsync(new LocatorWaitForOptions { Timeout = Patient });
        Assert.Contains("Geef aan waarom de interventie niet kan worden opgepakt", await refusal.InnerTextAsync());
        await policeSteps.ShotAsync("afwijzen-zonder-reden-geweigerd");
        await GoAsync(police, $"/dossiers/{number}/proces");
        Assert.Contains("Voorgesteld", await Row(police, work).Locator("td.status").InnerTextAsync());
        await Row(police, work).Locator("select[name=actie]").SelectOptionAsync("afwijzen");
        await Row(police, work).Locator("input[name=toelichting]").FillAsync("Geen rechercheurs vrij dit kwartaal; de Arbeidsinspectie kan dit eerder oppakken.");
        await Row(police, work).Locator("button:has-text('Vastleggen')").ClickAsync();
        await police.WaitForURLAsync("**gedaan=antwoord");
        await policeSteps.ShotAsync("afgewezen");

        // 8. The analyst reassigns it to the labour inspectorate; the decline stays in its history.
        await GoAsync(analyst, $"/dossiers/{number}/proces");
        await Row(analyst, work).Locator("select[name=partner]").SelectOptionAsync("ISZW");
        await Row(analyst, work).Locator("button:has-text('Opnieuw toewijzen')").ClickAsync();
        await analyst.WaitForURLAsync("**gedaan=toewijzing");
        var history = Row(analyst, work).Locator("details.intervention-history[open]"); // open by itself: it holds a decline
        var historyText = await history.InnerTextAsync();
        Assert.Contains("casusoverleg: afgewezen (capaciteit) namens Politie", historyText);
        Assert.Contains("Geen rechercheurs vrij dit kwartaal", historyText);
        Assert.Contains("analist: opnieuw toegewezen aan Inspectie SZW", historyText);
        await analystSteps.ShotAsync("opnieuw-toegewezen");

        // 9. The partners answer: the inspectorate and the municipality accept.
        var inspector = await SignedInAsync("inspecteur");
        await GoAsync(inspector, $"/dossiers/{number}/proces");
        await RespondAsync(inspector, work, "accepteren", null);
        await steps.On(inspector).ShotAsync("inspectie-accepteert");
        await GoAsync(coordinator, $"/dossiers/{number}/proces");
        await RespondAsync(coordinator, housing, "accepteren", null);
        await steps.On(coordinator).ShotAsync("gemeente-accepteert");

        // 10. The RIEC adopts the minutes of the meeting.
        await GoAsync(analyst, meetingPath);
        await analyst.FillAsync("#verslag-tekst", $"Dossier {number} besproken. Besluit: mogelijke arbeidsuitbuiting. Interventies: woningcontrole (gemeente Enschede), controle werkgever (Inspectie SZW, na afwijzing door de politie).");
        await analyst.ClickAsync("button:has-text('Verslag vaststellen')");
        await analyst.WaitForURLAsync("**gedaan=verslag*");
        Assert.Contains("Het verslag is vastgesteld", await analyst.Locator("h1 + p.lead").InnerTextAsync());
        await analystSteps.ShotAsync("verslag-vastgesteld");

        // 11. The coordinator moves into execution and carries out the municipal intervention; evaluation waits for the inspectorate.
        var coordinatorSteps = steps.On(coordinator);
        await GoAsync(coordinator, $"/dossiers/{number}/proces");
        await MoveAsync(coordinator, "Uitvoering", "Beide interventies zijn door een partner geaccepteerd.");
        await RespondAsync(coordinator, housing, "starten", null);
        await RespondAsync(coordinator, housing, "afronden", "Controle uitgevoerd: overbewoning vastgesteld, last onder dwangsom opgelegd, bewoners aangemeld bij zorg.");
        var waiting = coordinator.Locator(".move-forward:has(h3:has-text('Evaluatie'))");
        Assert.Contains("Er loopt nog één interventie", await waiting.Locator("ul.missing").InnerTextAsync());
        await coordinatorSteps.ShotAsync("uitvoering-wacht-op-inspectie");
        await GoAsync(inspector, $"/dossiers/{number}/proces");
        await RespondAsync(inspector, work, "afronden", "Inspectie bij de werkgever: onderbetaling vastgesteld, boete opgelegd, proces-verbaal naar het OM.");
        await steps.On(inspector).ShotAsync("inspectie-afgerond");

        // 12. The coordinator evaluates and closes.
        await GoAsync(coordinator, $"/dossiers/{number}/proces");
        await MoveAsync(coordinator, "Evaluatie", "Alle interventies zijn afgerond.");
        await coordinator.FillAsync("#uitkomst", "Overbewoning beëindigd, zes bewoners in beeld bij zorg, werkgever beboet.");
        await coordinator.FillAsync("#lessen", "De afwijzing door de politie is snel opgevangen door de Arbeidsinspectie; eerder samen plannen.");
        await coordinator.ClickAsync("button:has-text('Evaluatie vastleggen')");
        await coordinator.WaitForURLAsync("**gedaan=evaluatie");
        await MoveAsync(coordinator, "Gesloten", "Geëvalueerd; de casus is afgerond.");
        Assert.Equal(0, await coordinator.Locator(".move-forward").CountAsync()); // closed: only a step back (with a reason) remains
        Assert.Contains("Overbewoning beëindigd", await coordinator.Locator("dl.evaluation").InnerTextAsync());
        await coordinatorSteps.ShotAsync("gesloten");

        // 13. The data-protection officer reads the dossier's steps in the audit log, each with its author.
        var officer = await SignedInAsync("fg");
        await GoAsync(officer, "/audit");
        await officer.FillAsync("#onderwerpid", number);
        await officer.SelectOptionAsync("#actie", "StatusChange");
        await officer.ClickAsync("button[type=submit]:text-is('Zoeken')");
        await officer.WaitForURLAsync("**onderwerpid=*");
        await steps.On(officer).ShotAsync("auditlog-stappen");
        var rows = await officer.Locator("table.audit-table tbody tr").AllInnerTextsAsync();
        foreach (var (user, detail) in new[]
                 {
                     ("analist", "stap Detectie → Dossiervorming"), ("analist", "stap Dossiervorming → Weging en kwalificatie"),
                     ("analist", "stap Weging en kwalificatie → Toewijzing interventies"), ("coordinator", "stap Toewijzing interventies → Uitvoering"),
                     ("coordinator", "stap Uitvoering → Evaluatie"), ("coordinator", "stap Evaluatie → Gesloten"),
                 })
            Assert.True(rows.Any(r => r.Contains(user) && r.Contains(detail)), $"audit page lacks '{detail}' by {user}:\n{string.Join("\n", rows)}");

        // …and the whole walk in the log itself (interventions and the meeting have ids the page shows as GUIDs).
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var since = DateTimeOffset.UtcNow.AddHours(-2);
        var log = (await db.AuditEntries.Where(e => e.Action != AuditAction.Read && e.Action != AuditAction.Search).ToListAsync())
            .Where(e => e.At >= since).Select(e => (e.ActorName, e.SubjectType, e.SubjectId, Detail: e.Detail ?? "")).ToList();
        var expected = new (string User, string Subject, string Detail)[]
        {
            ("coordinator", "Signal", signal), ("analist", "Dossier", "dossier geopend vanuit signalering"),
            ("analist", "Signalering", $"toegevoegd aan dossier {number}"), ("analist", "Dossier", "weging vastgelegd"),
            ("analist", "CaseMeeting", $"dossier {number} geagendeerd"), ("analist", "Dossier", "gedeeld met Politie"),
            ("casusoverleg", "CaseMeeting", $"besluit vastgelegd bij dossier {number}"),
            ("casusoverleg", "Intervention", $"'{housing}'"), ("casusoverleg", "Intervention", $"'{work}'"),
            ("casusoverleg", "Intervention", $"Voorgesteld → Afgewezen (capaciteit) (dossier {number})"),
            ("analist", "Intervention", $"opnieuw toegewezen aan Inspectie SZW (Nederlandse Arbeidsinspectie) na afwijzing door Politie"),
            ("inspecteur", "Intervention", "Voorgesteld → Geaccepteerd"), ("coordinator", "Intervention", "Voorgesteld → Geaccepteerd"),
            ("analist", "CaseMeeting", "verslag vastgesteld"), ("coordinator", "Intervention", "Geaccepteerd → In uitvoering"),
            ("coordinator", "Intervention", "In uitvoering → Afgerond"), ("inspecteur", "Intervention", "Geaccepteerd → Afgerond"),
            ("coordinator", "Dossier", "slotevaluatie vastgelegd"),
        };
        foreach (var (user, subject, detail) in expected)
            Assert.True(log.Any(e => e.ActorName == user && e.SubjectType == subject && (e.SubjectId == detail || e.Detail.Contains(detail, StringComparison.Ordinal))),
                $"audit log lacks {subject} '{detail}' by {user}:\n{string.Join("\n", log.Select(e => $"{e.ActorName} {e.SubjectType} {e.SubjectId} {e.Detail}"))}");
    }

    /// <summary>
    /// A criminal-law signal of the police enters the case meeting only after the public prosecutor's recorded consent:
    /// the process page says so and names the signal; the prosecutor records consent on the page; then the step is open.
    /// </summary>
    [Fact]
    public async Task CriminalSignal_FromThePolice_WaitsForTheProsecutorsConsent_BeforeWeighing()
    {
        var name = nameof(CriminalSignal_FromThePolice_WaitsForTheProsecutorsConsent_BeforeWeighing);
        string number, signal;
        // Arranged through the store (no page links a signal to a dossier directly): a police signal under the police
        // data act joins a demo dossier in dossier formation, which the case meeting shared with the OM.
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
            var dossier = await db.Dossiers.Include(d => d.Signals).Include(d => d.Shares).SingleAsync(d => d.Title == "Tuinbouw Dinkelland via Flexwerk Oost");
            var police = await db.Partners.AsNoTracking().SingleAsync(p => p.Code == "POL-ON");
            var om = await db.Partners.AsNoTracking().SingleAsync(p => p.Code == "OM-ON");
            var inDossier = dossier.Signals.Select(s => s.SignalId).ToList();
            var criminal = await db.Signals.AsNoTracking()
                .Where(s => s.Provenance.SourcePartner == police.Id && s.Provenance.LegalBasis == Domain.Provenance.LegalBasis.PoliceDataAct && !inDossier.Contains(s.Id))
                .OrderBy(s => s.Number).FirstAsync();
            dossier.AddSignal(criminal.Id);
            if (dossier.Shares.All(s => s.PartnerId != om.Id)) dossier.ShareWith(om.Id, "casusoverleg (test)", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            (number, signal) = (dossier.Number, criminal.Number);
        }

        var analyst = await SignedInAsync("analist");
        var steps = new Steps(analyst, name);
        await GoAsync(analyst, $"/dossiers/{number}/proces");
        Assert.Equal("Dossiervorming", (await analyst.Locator(".step-current").InnerTextAsync()).Trim());
        var toWeighing = analyst.Locator(".move-forward:has(h3:text-is('Door naar Weging en kwalificatie'))");
        var missing = await toWeighing.Locator("ul.missing").InnerTextAsync();
        Assert.Contains("toestemming van de officier van justitie", missing);
        Assert.Contains(signal, missing);
        Assert.Equal(0, await toWeighing.Locator("form").CountAsync());
        await steps.ShotAsync("wacht-op-officier");

        var prosecutor = await SignedInAsync("officier");
        await GoAsync(prosecutor, $"/dossiers/{number}/proces");
        var row = prosecutor.Locator($"table.consents tbody tr:has(td:text-is('{signal}'))");
        Assert.Contains("Wacht op de officier", await row.InnerTextAsync());
        await row.Locator("input[name=besluit][value=toestemming]").CheckAsync();
        await row.Locator("input[name=toelichting]").FillAsync("Mag in het casusoverleg worden besproken.");
        await steps.On(prosecutor).ShotAsync("officier-beslist");
        await row.Locator("button:has-text('Vastleggen')").ClickAsync();
        await prosecutor.WaitForURLAsync("**gedaan=toestemming");
        Assert.Contains("Toestemming (officier", await prosecutor.Locator($"table.consents tbody tr:has(td:text-is('{signal}')) td.consent-state").InnerTextAsync());
        await steps.On(prosecutor).ShotAsync("toestemming-vastgelegd");

        await GoAsync(analyst, $"/dossiers/{number}/proces");
        Assert.Equal(1, await toWeighing.Locator("form").CountAsync());
        await steps.ShotAsync("weging-open");
    }

    // ---- the moves a user makes on the pages ----

    private async Task<IPage> SignedInAsync(string user)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "nl-NL" });
        context.SetDefaultTimeout(Patient);
        context.SetDefaultNavigationTimeout(Patient);
        _contexts[user] = context;
        var page = await context.NewPageAsync();
        await page.SignInAsync(fixture.BaseUrl, user);
        return page;
    }

    private async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(fixture.BaseUrl + path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
    }

    /// <summary>One step forward on the process page, with its reason; the page then shows the new step as current.</summary>
    private static async Task MoveAsync(IPage page, string to, string reason)
    {
        var move = page.Locator($".move-forward:has(h3:text-is('Door naar {to}'))");
        await move.Locator("textarea[name=reden]").FillAsync(reason);
        await move.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/proces?gedaan=stap");
        Assert.Equal(to, (await page.Locator(".step-current").InnerTextAsync()).Trim());
    }

    private static async Task ProposeAsync(IPage page, string type, string phase, string partner, string due, string title)
    {
        await page.SelectOptionAsync("#soort", type);
        await page.SelectOptionAsync("#fase", phase);
        await page.SelectOptionAsync("#partner", partner);
        await page.FillAsync("#termijn", due);
        await page.FillAsync("#titel", title);
        foreach (var target in await page.Locator("input[name=doelen]").AllAsync()) await target.CheckAsync();
        await page.ClickAsync("button:has-text('Interventie voorstellen')");
        await page.WaitForURLAsync("**gedaan=interventie");
        Assert.Contains("Voorgesteld", await Row(page, title).Locator("td.status").InnerTextAsync());
    }

    private static async Task RespondAsync(IPage page, string title, string action, string? text)
    {
        var row = Row(page, title);
        await row.Locator("select[name=actie]").SelectOptionAsync(action);
        if (text is not null) await row.Locator("input[name=toelichting]").FillAsync(text);
        await row.Locator("button:has-text('Vastleggen')").ClickAsync();
        await page.WaitForURLAsync("**gedaan=antwoord");
    }

    private static ILocator Row(IPage page, string title) => page.Locator($"table.interventions tbody tr:has(td:text-is('{title}'))");

    /// <summary>
    /// The demo has no account at the labour inspectorate: one inspector, a case-meeting member (the inspectorate sits
    /// at the table for labour cases), created as an administrator would.
    /// </summary>
    private async Task EnsureInspectorAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync("inspecteur") is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Code == "ISZW");
        var user = new ApplicationUser { UserName = "inspecteur", DisplayName = "Inspecteur Arbeidsinspectie (test)", PartnerId = partner.Id, EmailConfirmed = true };
        var created = await users.CreateAsync(user, BrowserFixture.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.CaseMeetingMember)).Succeeded);
    }
}
