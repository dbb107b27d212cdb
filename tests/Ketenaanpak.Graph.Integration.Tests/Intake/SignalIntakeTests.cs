using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Intake;

/// <summary>Records what the intake hands on after a submission; a second handler fails, which must not matter.</summary>
public sealed class RecordingHandler : ISignalSubmittedHandler
{
    public List<SignalId> Submitted { get; } = [];
    public Task OnSubmittedAsync(SignalId signal, CancellationToken cancellationToken) { lock (Submitted) Submitted.Add(signal); return Task.CompletedTask; }
}

public sealed class FailingHandler : ISignalSubmittedHandler
{
    public Task OnSubmittedAsync(SignalId signal, CancellationToken cancellationToken) => throw new InvalidOperationException("job store down");
}

/// <summary>
/// The signal intake over HTTP on the demo region, on SQLite and on PostgreSQL: the form and the API, drafts, the
/// exact-key link to a demo address, field-by-field refusals that store nothing, immutability after submission, and a
/// non-covenant reporter who reads back only their own signal.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class SignalIntakeTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private readonly RecordingHandler _recorder = new();

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host(AppFactory app) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<ISignalSubmittedHandler>(new FailingHandler());
            s.AddSingleton<ISignalSubmittedHandler>(_recorder);
        }));

    private async Task<(NodeId Id, string Postcode, string HouseNumber)> DemoAddressAsync()
    {
        await using var db = store.NewContext();
        var node = await db.Nodes.AsNoTracking().Include(n => n.Statements)
            .FirstAsync(n => n.Kind == NodeKind.Address && n.Caption.StartsWith("Wierdensestraat 87,"));
        return (node.Id, node.Statements.First(s => s.Property == "postcode").Value, node.Statements.First(s => s.Property == "houseNumber").Value);
    }

    private async Task<StoreCounts> CountsAsync()
    {
        await using var db = store.NewContext();
        return await StoreCounts.OfAsync(db);
    }

    [Fact]
    public async Task Form_CoordinatorFilesUrgentSignalForDemoAddress_LinksTheAddressInOneGo_AndConfirms()
    {
        await using var app = new AppFactory(store);
        await using var host = Host(app);
        using var coordinator = await IntakeClient.SignInAsync(host, "coord-almelo", Roles.MunicipalCoordinator, "GEM-ENSCHEDE");
        var (addressId, postcode, houseNumber) = await DemoAddressAsync();
        var before = await CountsAsync();

        var response = await IntakeClient.PostFormAsync(coordinator, "/signalen/nieuw",
            IntakeClient.SignalForm(postcode.Replace(" ", "").ToLowerInvariant(), houseNumber, urgent: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // after the redirect to the signal
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var number = page.QuerySelector(".signal-number")!.TextContent.Trim();
        Assert.Matches(@"^SIG-\d{4}-\d{4}$", number);
        Assert.Contains("worden nu gealarmeerd", page.QuerySelector(".urgent-confirmation")!.TextContent);
        Assert.Contains("politie", page.QuerySelector(".urgent-confirmation")!.TextContent);
        Assert.Equal("Ontvangen", page.QuerySelector(".signal-status")!.TextContent.Trim());

        await using var db = store.NewContext();
        var signal = await db.Signals.AsNoTracking().Include(s => s.Mentions).Include(s => s.Indicators).SingleAsync(s => s.Number == number);
        Assert.True(signal.Urgent);
        Assert.Equal(SignalStatus.Submitted, signal.Status);
        Assert.Equal(["BRP.01", "BRP.05", "BRP.06"], signal.Indicators.Select(i => i.Code).Order());
        var placeMention = Assert.Single(signal.Mentions, m => m.Role == SignalIntakeValidator.PlaceRole);
        Assert.Equal(addressId, placeMention.NodeId); // exact key: the existing demo address, not a new node
        var after = await StoreCounts.OfAsync(db);
        Assert.Equal(before.Signals + 1, after.Signals);
        Assert.Equal(before.Nodes + 3, after.Nodes); // two persons and the passport; the address was reused
        Assert.Equal(before.Relations + 3, after.Relations);
        Assert.Equal(4, signal.Mentions.Count);
        var addedToAddress = await db.Statements.AsNoTracking().Where(s => s.NodeId == addressId && s.Provenance.SourceSignal == signal.Id).ToListAsync();
        Assert.Contains(addedToAddress, s => s.Property == "postcode" && s.Value == postcode); // side by side with the demo's own statement
        var registered = await db.Relations.AsNoTracking().SingleAsync(r => r.Provenance.SourceSignal == signal.Id && r.Type == RelationType.RegisteredAt);
        Assert.Equal(addressId, registered.TargetId);
        Assert.Contains(_recorder.Submitted, id => id == signal.Id); // handlers called after the commit; the failing one changed nothing
        Assert.True(await db.AuditEntries.AnyAsync(a => a.SubjectType == "Signal" && a.SubjectId == number && a.Action == Application.Auditing.AuditAction.Create));

        // The reporter's list shows it with status; an analyst of the RIEC sees it with a link to the linked address.
        var list = new HtmlParser().ParseDocument(await coordinator.GetStringAsync("/signalen"));
        Assert.Contains(list.QuerySelectorAll(".signal-list a"), a => a.TextContent == number);
        using var analyst = await IntakeClient.SignInAsync(host, "riec-analist", Roles.RiecAnalyst, "RIEC-ON");
        var all = new HtmlParser().ParseDocument(await analyst.GetStringAsync("/signalen?alle=1"));
        Assert.Contains(all.QuerySelectorAll(".signal-list a"), a => a.TextContent == number);
        var detail = new HtmlParser().ParseDocument(await analyst.GetStringAsync($"/signalen/{number}"));
        Assert.Contains(detail.QuerySelectorAll("a.entity-link"), a => a.GetAttribute("href") == $"/entiteiten/{addressId}");
    }

    [Fact]
    public async Task Form_EachInvalidField_GetsItsDutchMessageNextToIt_AndNothingIsSaved()
    {
        await using var app = new AppFactory(store);
        using var coordinator = await IntakeClient.SignInAsync(app, "coord-fouten", Roles.MunicipalCoordinator, "GEM-ENSCHEDE");
        var cases = new (string Field, string Value, string Message)[]
        {
            ("ReporterName", "", "Vul de naam van de melder in."),
            ("ObservedOn", "2099-01-01", "De datum van de waarneming ligt in de toekomst."),
            ("Place.Municipality", "GM9999", "Kies een gemeente uit de lijst."),
            ("Place.Postcode", "7601", "Vul ook de twee letters van de postcode in"),
            ("Place.HouseNumber", "straat 5", "Een huisnummer begint met een cijfer"),
            ("Form", "Hobby", "Kies een vorm van uitbuiting uit de lijst."),
            ("Sector", "", "Kies de sector (of Onbekend)."),
            ("Grading", "Q7", "zoals B2"),
            ("LegalBasis", "PoliceDataAct", "kan deze grondslag niet gebruiken"),
            ("Mentions[1].Values[birthDate]", "31-31-2003", "Maand 31 bestaat niet"),
            ("Mentions[2].Values[issuingCountry]", "Roemenië", "tweeletterige landcode"),
            ("Relations[0].Type", "Kent", "Kies een soort relatie uit de lijst."),
        };
        var before = await CountsAsync();
        foreach (var (field, value, message) in cases)
        {
            var response = await IntakeClient.PostFormAsync(coordinator, "/signalen/nieuw", IntakeClient.SignalForm("7601 AB", "12").With(field, value));
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{field}: {(int)response.StatusCode}");
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var id = new string(field.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') + "-fout";
            var error = page.GetElementById(id);
            Assert.True(error is not null && error.TextContent.Contains(message, StringComparison.OrdinalIgnoreCase), $"{field}: {error?.TextContent ?? "no message"}");
            Assert.Contains(message, page.QuerySelector(".validation-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
        // No indicator at all: the message sits above the signal card.
        var none = await IntakeClient.PostFormAsync(coordinator, "/signalen/nieuw", IntakeClient.SignalForm("7601 AB", "12").Where(kv => kv.Key != "Indicators").ToList());
        Assert.Contains("Kies minstens één indicator", new HtmlParser().ParseDocument(await none.Content.ReadAsStringAsync()).GetElementById("Indicators-fout")!.TextContent);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Api_DraftThenSubmit_ThenTheSignalIsImmutable()
    {
        await using var app = new AppFactory(store);
        using var client = await IntakeClient.SignInAsync(app, "api-politie", Roles.CaseMeetingMember, "POL-ON");
        var before = await CountsAsync();

        // A draft may be incomplete, but what it does give must be valid.
        var refused = await IntakeClient.SendAsync(client, HttpMethod.Post, "/api/signals", new { place = new { postcode = "12" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("postcode", problem.GetProperty("errors").GetProperty("place.postcode")[0].GetString());
        Assert.Equal(before, await CountsAsync());

        var created = await IntakeClient.SendAsync(client, HttpMethod.Post, "/api/signals", new { reporterName = "Wijkagent", note = "Eerste aantekening." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal("Concept", draft.GetProperty("statusText").GetString());
        Assert.Equal(before with { Drafts = before.Drafts + 1 }, await CountsAsync()); // a draft makes no entities

        // Submitting the incomplete draft: every missing field named, nothing stored.
        var incomplete = await IntakeClient.SendJsonAsync(client, HttpMethod.Post, $"/api/signals/{id}/indienen", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var missing = JsonDocument.Parse(await incomplete.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "observedOn", "place.municipality", "form", "sector", "indicators" }) Assert.True(missing.TryGetProperty(field, out _), field);
        Assert.Equal(before with { Drafts = before.Drafts + 1 }, await CountsAsync());

        var complete = new
        {
            reporterName = "Wijkagent", observedOn = TestKit.TestClock.Today.ToString("yyyy-MM-dd"),
            place = new { municipality = "GM0153" }, form = "Sexual", sector = "SexIndustry", indicators = new[] { "SEX.03", "LOC.06" },
            mentions = new object[]
            {
                new { @ref = "tel", kind = "Phone", values = new Dictionary<string, string> { ["number"] = "06 9876 5432" } },
                new { @ref = "ad", kind = "OnlineAd", values = new Dictionary<string, string> { ["url"] = "https://escort.example/advertentie/1", ["platform"] = "Escortsite" } },
            },
            relations = new[] { new { from = "ad", type = "AdvertisesVia", to = "tel" } },
            legalBasis = "PoliceDataAct", grading = "A2", reference = "BVH-2026-1234",
        };
        Assert.Equal(HttpStatusCode.OK, (await IntakeClient.SendAsync(client, HttpMethod.Put, $"/api/signals/{id}", complete)).StatusCode);
        var submitted = await IntakeClient.SendJsonAsync(client, HttpMethod.Post, $"/api/signals/{id}/indienen", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var status = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Submitted", status.GetProperty("status").GetString());
        Assert.Equal("Ontvangen", status.GetProperty("statusText").GetString());
        var number = status.GetProperty("number").GetString()!;
        var after = await CountsAsync();
        Assert.Equal(before.Signals + 1, after.Signals);
        Assert.Equal(before.Drafts, after.Drafts); // the draft became the signal
        Assert.Equal(before.Relations + 1, after.Relations);

        // Immutable: a change or a second submission is a conflict; the signal is as it was.
        var put = await IntakeClient.SendAsync(client, HttpMethod.Put, $"/api/signals/{id}", complete);
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("al ingediend", await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await IntakeClient.SendJsonAsync(client, HttpMethod.Post, $"/api/signals/{id}/indienen", null)).StatusCode);
        Assert.Equal(after, await CountsAsync());

        var read = JsonDocument.Parse(await client.GetStringAsync($"/api/signals/{id}?doel=terugkoppeling%20bvh")).RootElement;
        Assert.Equal(number, read.GetProperty("number").GetString());
        await using var db = store.NewContext();
        var audited = await db.AuditEntries.Where(a => a.SubjectType == "Signal" && a.SubjectId == number).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(Application.Auditing.AuditAction.Create, audited[0].Action); // submission; the status it answers and the GET are reads
        Assert.All(audited.Skip(1), a => Assert.Equal(Application.Auditing.AuditAction.Read, a.Action));
        Assert.Equal("terugkoppeling bvh", audited[^1].Purpose);
        var signal = await db.Signals.AsNoTracking().SingleAsync(s => s.Number == number);
        Assert.Equal("BVH-2026-1234", signal.Provenance.SourceReference);
        Assert.Equal(Domain.Provenance.LegalBasis.PoliceDataAct, signal.Provenance.LegalBasis);
    }

    [Fact]
    public async Task Api_BadInput_AnswersProblemDetailsPerFieldInDutch_NeverA500_AndStoresNothing()
    {
        await using var app = new AppFactory(store);
        using var client = await IntakeClient.SignInAsync(app, "api-fouten", Roles.RiecAnalyst, "RIEC-ON");
        var before = await CountsAsync();
        var bodies = new[] { "{\"reporterName\": \"x\",,,", "[1,2,3]", "{\"urgent\": \"ja\"}", "{\"mentions\": {\"kind\": 5}}", "", "null", "\"tekst\"" };
        foreach (var body in bodies)
        {
            var response = await IntakeClient.SendJsonAsync(client, HttpMethod.Post, "/api/signals?indienen=true", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
            Assert.True(detail.Contains("JSON") || detail.Contains("inhoud"), $"{body}: {detail}");
        }

        var many = await IntakeClient.SendAsync(client, HttpMethod.Post, "/api/signals?indienen=true", new
        {
            reporterName = "", observedOn = "gisteren", place = new { municipality = "GM0153", postcode = "9999 SS", houseNumber = "1" },
            form = "Labour", sector = "Construction", indicators = new[] { "ARB.01" },
            mentions = new[] { new { @ref = "r", kind = "BankAccount", values = new Dictionary<string, string> { ["iban"] = "NL91ABNA0417164301" } } },
            relations = new[] { new { from = "r", type = "PaysTo", to = "nergens" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        var errors = JsonDocument.Parse(await many.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(new[] { "mentions[0].values[iban]", "observedOn", "place.postcode", "relations[0].to", "reporterName" },
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("controlecijfers", errors.GetProperty("mentions[0].values[iban]")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/signals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/signals/niet-een-id")).StatusCode);
    }

    [Fact]
    public async Task NonCovenantContributor_FilesAndReadsOwnSignal_AndNothingElse()
    {
        await using var app = new AppFactory(store);
        using var ggd = await IntakeClient.SignInAsync(app, "ggd-melder", Roles.PartnerContributor, "GGD-TW");
        var response = await IntakeClient.SendAsync(ggd, HttpMethod.Post, "/api/signals?indienen=true", new
        {
            reporterName = "<script>alert('melder')</script>", observedOn = TestKit.TestClock.Today.ToString("yyyy-MM-dd"),
            place = new { municipality = "GM0164" }, form = "Sexual", sector = "SexIndustry", indicators = new[] { "SEX.01", "VRH.01" },
            mentions = new[] { new { @ref = "b", kind = "Company", values = new Dictionary<string, string> { ["name"] = "<img src=x onerror=alert(1)> Massage B.V." } } },
            note = "<b>vet</b> & \"quotes\"",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var own = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var number = own.GetProperty("number").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await ggd.GetAsync($"/api/signals/{own.GetProperty("id").GetString()}")).StatusCode);

        // Their own signal: status and feedback, the content they sent, as text; no links into the network.
        var html = await ggd.GetStringAsync($"/signalen/{number}");
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>vet</b>", html);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Contains("<script>alert('melder')</script>", page.QuerySelector(".facts")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("a.entity-link"));
        Assert.Contains(new HtmlParser().ParseDocument(await ggd.GetStringAsync("/signalen")).QuerySelectorAll(".signal-list a"), a => a.TextContent == number);

        // Nothing else: other partners' signals, the RIEC list, the network, entities and dossiers.
        await using var db = store.NewContext();
        var other = await db.Signals.AsNoTracking().Where(s => s.Status != SignalStatus.Draft && s.Number != number).OrderBy(s => s.Number).FirstAsync();
        var node = await db.Nodes.AsNoTracking().Select(n => n.Id).FirstAsync();
        var dossier = await db.Dossiers.AsNoTracking().Select(d => d.Number).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await ggd.GetAsync($"/signalen/{other.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ggd.GetAsync($"/api/signals/{other.Id}")).StatusCode);
        foreach (var url in new[] { "/signalen?alle=1", "/verkenner", $"/entiteiten/{node}", $"/api/nodes/{node}", "/api/search?q=massage", "/zoeken?q=massage",
                     $"/dossiers/{dossier}", "/interventies" })
        {
            var status = (await ggd.GetAsync(url)).StatusCode;
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)status}");
        }
        // The analyst's view of the same signal shows the company's name as text.
        using var analyst = await IntakeClient.SignInAsync(app, "riec-analist-2", Roles.RiecAnalyst, "RIEC-ON");
        var analystHtml = await analyst.GetStringAsync($"/signalen/{number}");
        Assert.DoesNotContain("<img src=x", analystHtml);
        Assert.Contains("<img src=x onerror=alert(1)> Massage B.V.", new HtmlParser().ParseDocument(analystHtml).QuerySelector(".mention-list")!.TextContent);
    }

    [Fact]
    public async Task Drafts_AreTheirOwnersOnly_AndTheFormSavesAndReopensThem()
    {
        await using var app = new AppFactory(store);
        using var owner = await IntakeClient.SignInAsync(app, "coord-concept", Roles.MunicipalCoordinator, "GEM-ENSCHEDE");
        var saved = await IntakeClient.PostFormAsync(owner, "/signalen/nieuw", new List<KeyValuePair<string, string>>
        {
            new("ReporterName", "Handhaver"), new("Place.Postcode", "7511 ab"), new("Indicators", "LOC.02"),
            new("Mentions[0].Kind", "Vehicle"), new("Mentions[0].Ref", "voertuig-1"), new("Mentions[0].Values[licencePlate]", "ab-123-c"), new("actie", "concept"),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/signalen/concept/", path);
        var page = new HtmlParser().ParseDocument(await saved.Content.ReadAsStringAsync());
        Assert.Contains("Het concept is opgeslagen", page.QuerySelector(".notice")!.TextContent);
        Assert.Equal("7511 ab", page.QuerySelector("input[name='Place.Postcode']")!.GetAttribute("value"));
        Assert.Equal("ab-123-c", page.QuerySelector("input[name='Mentions[0].Values[licencePlate]']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=Indicators][value='LOC.02'][checked]"));

        using var colleague = await IntakeClient.SignInAsync(app, "coord-collega", Roles.MunicipalCoordinator, "GEM-ENSCHEDE");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(path)).StatusCode);
        var id = path["/signalen/concept/".Length..];
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/signals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await IntakeClient.SendAsync(colleague, HttpMethod.Put, $"/api/signals/{id}", new { note = "overgenomen" })).StatusCode);
        var list = new HtmlParser().ParseDocument(await owner.GetStringAsync("/signalen"));
        Assert.Contains(list.QuerySelectorAll(".signal-list a"), a => a.GetAttribute("href") == path);
    }

    [Fact]
    public async Task KnowledgePage_EveryRole_SeesEveryIndicatorWithItsAnchor_AndTheFormLinksThere()
    {
        await using var app = new AppFactory(store);
        using var dpo = await IntakeClient.SignInAsync(app, "fg-kennis", Roles.DataProtectionOfficer, "RIEC-ON");
        var page = new HtmlParser().ParseDocument(await dpo.GetStringAsync("/kennis"));
        foreach (var indicator in IndicatorCatalog.All)
            Assert.True(page.GetElementById(indicator.Code)?.QuerySelector(".example") is not null, indicator.Code);
        Assert.Contains("In de wachtruimte zit een (jonge) vrouw", page.GetElementById("BRP.06")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/signalen/nieuw']"));
        using var ggd = await IntakeClient.SignInAsync(app, "ggd-kennis", Roles.PartnerContributor, "GGD-TW");
        var form = new HtmlParser().ParseDocument(await ggd.GetStringAsync("/signalen/nieuw"));
        Assert.Equal(IndicatorCatalog.All.Count(), form.QuerySelectorAll("a.explain[href^='/kennis#']").Length);
        Assert.Equal("GGD Twente", form.QuerySelector(".partner-name")!.TextContent.Trim());
        Assert.Null(form.QuerySelector("script:not([src])")); // strict CSP: no inline script
    }
}

public sealed class SqliteSignalIntakeTests(SqliteTestStore store) : SignalIntakeTests<SqliteTestStore>(store);

public sealed class PostgreSqlSignalIntakeTests(PostgreSqlTestStore store) : SignalIntakeTests<PostgreSqlTestStore>(store);
