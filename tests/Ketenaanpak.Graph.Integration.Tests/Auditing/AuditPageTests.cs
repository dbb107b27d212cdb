using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.Extensions.Time.Testing;
using static Ketenaanpak.Graph.Integration.Tests.Auditing.AuditTestData;

namespace Ketenaanpak.Graph.Integration.Tests.Auditing;

/// <summary>The data-protection officer's audit page on the real app and store: filters, paging, export, verification.</summary>
public abstract class AuditPageTests<TStore>(TStore store) : IClassFixture<TStore>, IAsyncLifetime where TStore : TestStore
{
    public Task InitializeAsync() => ClearAsync(store);

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static List<string[]> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll(".audit-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    private async Task SeedAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        var log = Log(store, clock);
        for (var i = 1; i <= 3; i++)
        {
            await log.AppendAsync(Record(i));
            clock.Advance(TimeSpan.FromDays(7));
        }
        await log.AppendAsync(new AuditRecord(Coordinator, AuditAction.Search, "Zoekopdracht", null, "3 resultaten", "signaal Hengelo"));
    }

    [Fact]
    public async Task Index_FilteredByActorActionSubjectAndPeriod_ShowsOnlyMatchingEntriesInDutch()
    {
        await SeedAsync();
        // The officer's own page views are recorded too; dated in December, they stay out of the November filters below.
        await using var app = new AppFactory(store, demo: false) { Clock = new TestKit.PinnedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) };
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(Roles.DataProtectionOfficer);

        var all = await PageAsync(client, "/audit");
        Assert.Equal("Auditlog", all.QuerySelector("h1")!.TextContent);
        Assert.Equal("active", all.QuerySelector("nav a[href='/audit']")!.ClassName);
        Assert.Equal(["4", "3", "2", "1"], Rows(all).Select(r => r[0]));

        var byActor = Rows(await PageAsync(client, "/audit?gebruiker=BRINK"));
        var row = Assert.Single(byActor);
        Assert.Equal(("Jeroen BrinkhuisGemeentelijk coördinator", "Gezocht", "Zoekopdracht", "3 resultaten", "signaal Hengelo"), (row[2], row[3], row[4], row[5], row[6]));

        var bySubject = Rows(await PageAsync(client, "/audit?actie=Read&onderwerp=Dossier&onderwerpid=D-2026-002"));
        Assert.Equal("2", Assert.Single(bySubject)[0]);
        Assert.Equal(("Ingezien", "Dossier D-2026-002", "dossier geopend (2)"), (bySubject[0][3], bySubject[0][4], bySubject[0][5]));

        // Entries fall on 2, 9 and 16 November (09:00 Dutch time) and 23 November.
        var byPeriod = await PageAsync(client, "/audit?van=2026-11-09&tot=16-11-2026");
        Assert.Equal(["3", "2"], Rows(byPeriod).Select(r => r[0]));
        Assert.Equal("2026-11-09", byPeriod.QuerySelector<IHtmlInputElement>("#van")!.Value);
        Assert.Equal("09-11-2026 09:00:00", Rows(byPeriod)[1][1]);

        var none = await PageAsync(client, "/audit?gebruiker=niemand");
        Assert.Equal("Geen regels gevonden die aan dit filter voldoen.", none.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Index_SixtyEntries_ShowsFiftyPerPageNewestFirst()
    {
        await AppendAsync(store, 60);
        await using var app = new AppFactory(store, demo: false);
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(Roles.DataProtectionOfficer);

        // Only the dossier reads: the officer's own page views (subject Auditlog) are recorded as reads too.
        var first = await PageAsync(client, "/audit?actie=Read&onderwerp=Dossier");
        Assert.Equal(Enumerable.Range(11, 50).Reverse().Select(i => i.ToString()), Rows(first).Select(r => r[0]));
        Assert.Contains("Pagina 1 van 2", first.QuerySelector(".pager")!.TextContent);
        var next = first.QuerySelector<IHtmlAnchorElement>(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("actie=Read", next);

        var second = await PageAsync(client, next);
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => i.ToString()), Rows(second).Select(r => r[0]));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
    }

    [Theory]
    [InlineData("/audit?van=2026-12-01&tot=2026-11-01", "De periode klopt niet: ‘Tot en met’ (1 november 2026) ligt vóór ‘Van’ (1 december 2026).")]
    [InlineData("/audit?van=31-02-2026", "‘Van’ is geen geldige datum.")]
    [InlineData("/audit?actie=Opgegeten", "Kies een actie uit de lijst.")]
    public async Task Index_BadFilter_ShowsDutchMessageAndNoResults(string url, string message)
    {
        await AppendAsync(store, 2);
        await using var app = new AppFactory(store, demo: false);
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(Roles.DataProtectionOfficer);

        var page = await PageAsync(client, url);
        Assert.Contains(message, page.QuerySelector(".validation-summary")!.TextContent);
        Assert.Null(page.QuerySelector(".audit-table"));
        Assert.Null(page.QuerySelector("form.export"));
    }

    [Fact]
    public async Task Index_EmptyLog_SaysSo()
    {
        await using var app = new AppFactory(store, demo: false);
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(Roles.DataProtectionOfficer);

        Assert.Equal("Het auditlog is nog leeg.", (await PageAsync(client, "/audit")).QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Export_FilteredEntries_DownloadsProtectedCsvAndRecordsTheExport()
    {
        var log = Log(store);
        var hostile = new Actor("u-5", "=cmd|' /C calc'!A0", Roles.PartnerContributor, RiecPartner, PartnerKind.CareOrganisation, false, null);
        await log.AppendAsync(new AuditRecord(hostile, AuditAction.Read, "Dossier", "D-2026-099", "+31 6 \"mobiel\", privé", null));
        await log.AppendAsync(Record(2));
        await using var app = new AppFactory(store, demo: false);
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(Roles.DataProtectionOfficer);
        var page = await PageAsync(client, "/audit?onderwerpid=D-2026-099");
        var form = page.QuerySelector<IHtmlFormElement>("form.export")!;
        Assert.Equal("Exporteren (CSV)", form.QuerySelector("button")!.TextContent);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input").Where(i => i.Name is not null and not "doel")
            .Select(i => KeyValuePair.Create(i.Name!, i.Value)).Append(KeyValuePair.Create("doel", "klacht van betrokkene")).ToList();
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");

        var response = await client.PostAsync("/audit/export", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("auditlog-", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(AuditCsv.Header, rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(("1", "'=cmd|' /C calc'!A0", "'+31 6 \"mobiel\", privé"), (row[0], row[3], row[9]));

        var export = (await EntriesAsync(store))[^1];
        // 1–2 appended above, 3 the officer's page view, 4 the export.
        Assert.Equal((4L, AuditAction.Export, TestSignIn.UserId, TestSignIn.UserName, Roles.DataProtectionOfficer, "Auditlog"),
            (export.Sequence, export.Action, export.ActorId, export.ActorName, export.Role, export.SubjectType));
        Assert.Equal(("1 regels; id D-2026-099", "klacht van betrokkene"), (export.Detail, export.Purpose));
        Assert.True((await VerifyAsync(store)).Ok);
    }

    [Fact]
    public async Task Export_WithoutAntiforgeryToken_IsRefusedAndNotRecorded()
    {
        await AppendAsync(store, 1);
        await using var app = new AppFactory(store, demo: false);
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(Roles.DataProtectionOfficer);

        var response = await client.PostAsync("/audit/export", new FormUrlEncodedContent([KeyValuePair.Create("doel", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await EntriesAsync(store));
    }

    [Fact]
    public async Task Index_VerificationRequested_ShowsIntactChainWithHeadOrExactlyWhereItBreaks()
    {
        await AppendAsync(store, 5);
        await using var app = new AppFactory(store, demo: false);
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(Roles.DataProtectionOfficer);

        var before = await PageAsync(client, "/audit?gebruiker=fatima");
        var link = before.QuerySelector<IHtmlAnchorElement>(".verification a.button")!.GetAttribute("href")!;
        Assert.Equal("/audit?gebruiker=fatima&controle=true", link);
        var intact = await PageAsync(client, link);
        Assert.Contains("De keten is intact.", intact.QuerySelector(".status-ok")!.TextContent);
        // The check runs before this view's own entry is appended: its head is the entry before that one (the five
        // appended here, then the officer's first page view; the test sign-in's own entry was taken out).
        var entries = await EntriesAsync(store);
        Assert.Equal("6", intact.QuerySelector(".head-sequence")!.TextContent);
        Assert.Equal(entries[5].Hash, intact.QuerySelector(".head-hash")!.TextContent);
        Assert.Contains("klopt met de bewaarde kop", intact.QuerySelector(".status-ok")!.TextContent);

        await TamperAsync(store, """UPDATE audit_log SET "Purpose" = 'zomaar' WHERE "Sequence" = 2""");
        var broken = await PageAsync(client, link);
        Assert.Equal("2", broken.QuerySelector(".status-broken .broken-sequence")!.TextContent);
        Assert.Contains("inhoud gewijzigd", broken.QuerySelector(".broken-reason")!.TextContent);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData(Roles.RiecAnalyst, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Administrator, HttpStatusCode.Forbidden)]
    public async Task Index_NotTheDataProtectionOfficer_IsRefused(string? role, HttpStatusCode expected)
    {
        await using var app = new AppFactory(store, demo: false);
        await using var signedIn = app.WithTestSignIn();
        using var client = await signedIn.CreateClientAsAsync(role);

        var response = await client.GetAsync("/audit");
        if (role is null) Assert.Equal("/account/inloggen", response.RequestMessage!.RequestUri!.AbsolutePath); // sent to sign in
        else Assert.Equal(expected, response.StatusCode);
    }
}

[Collection(HostsCollection.Name)]
public sealed class SqliteAuditPageTests(SqliteTestStore store) : AuditPageTests<SqliteTestStore>(store);

[Collection(HostsCollection.Name)]
public sealed class PostgreSqlAuditPageTests(PostgreSqlTestStore store) : AuditPageTests<PostgreSqlTestStore>(store);
