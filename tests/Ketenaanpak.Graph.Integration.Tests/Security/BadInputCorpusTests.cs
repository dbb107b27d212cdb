using System.Net;
using System.Text;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Security;

/// <summary>
/// The bad-input corpus, sent to a real Kestrel server (so the server's own limits apply): each case must get a 4xx with
/// a message a coordinator understands — never a 500 — and must store nothing.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class BadInputCorpusTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private static readonly string Guid0 = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

    /// <param name="Message">A fragment of the Dutch answer; null where the status is the whole answer (405, 413, 431).</param>
    /// <param name="As">The account that sends it; <paramref name="Form"/> is posted with a valid antiforgery token.</param>
    public sealed record Case(string Name, string Method, string Url, string? Message, Func<HttpContent?>? Body = null, bool Anonymous = false,
        (string Name, string Value)? Header = null, string As = "analist", Dictionary<string, string>? Form = null);

    /// <summary>The user-management forms, posted by an administrator with a valid token: each bad field answered, nothing stored.</summary>
    private static IEnumerable<object[]> UserManagementCases()
    {
        const string pw = "Goed-Wachtwoord-2026!";
        Dictionary<string, string> User(string userName = "nieuw.account", string display = "Nieuw Account", string email = "", string role = "RiecAnalyst",
            string partner = "{partner}", string password = pw, string repeat = pw) => new()
            { ["UserName"] = userName, ["DisplayName"] = display, ["Email"] = email, ["Role"] = role, ["PartnerId"] = partner, ["Password"] = password, ["PasswordRepeat"] = repeat };
        Case C(string name, Dictionary<string, string> form, string message) => new(name, "POST", "/beheer/gebruikers/nieuw", message, As: "beheerder", Form: form);
        yield return [C("user: script tag as user name", User(userName: "<script>alert(1)</script>"), "alleen uit letters, cijfers")];
        yield return [C("user: SQL in user name", User(userName: "x' OR '1'='1"), "alleen uit letters, cijfers")];
        yield return [C("user: path traversal as user name", User(userName: "../../etc/passwd"), "alleen uit letters, cijfers")];
        yield return [C("user: 101-character user name", User(userName: new string('a', 101)), "hoogstens 100 tekens")];
        yield return [C("user: empty display name", User(display: ""), "Vul de naam van de gebruiker in.")];
        yield return [C("user: 5000-character display name", User(display: new string('n', 5000)), "hoogstens 100 tekens")];
        yield return [C("user: malformed e-mail", User(email: "iemand@"), "geen geldig e-mailadres")];
        yield return [C("user: unknown role", User(role: "SuperUser"), "Kies een van de rollen uit de lijst.")];
        yield return [C("user: administrator of a non-covenant partner", User(role: "Administrator", partner: "{ggd}"), "geen convenantpartner")];
        yield return [C("user: partner id not a GUID", User(partner: "1; DROP TABLE partners"), "Kies een van de organisaties uit de lijst.")];
        yield return [C("user: unknown partner", User(partner: Guid0), "Kies een van de organisaties uit de lijst.")];
        yield return [C("user: weak password", User(password: "wachtwoord", repeat: "wachtwoord"), "minstens 12 tekens")];
        yield return [C("user: passwords differ", User(repeat: pw + "x"), "niet gelijk")];
        yield return [C("user: existing user name", User(userName: "analist"), "bestaat al een account")];
        yield return [new Case("user: create without token (CSRF)", "POST", "/beheer/gebruikers/nieuw", "Laad de pagina opnieuw",
            () => new FormUrlEncodedContent(User()), As: "beheerder")];
        yield return [new Case("user: lock without token (CSRF)", "POST", "/beheer/gebruikers/{analist}/blokkeren", "Laad de pagina opnieuw",
            () => new FormUrlEncodedContent([]), As: "beheerder")];
        yield return [new Case("user: lock an unknown user", "POST", "/beheer/gebruikers/bestaat-niet/blokkeren", "niet gevonden", As: "beheerder", Form: [])];
        yield return [new Case("user: role change with traversal id", "POST", "/beheer/gebruikers/..%2F..%2Fetc/rol", "niet gevonden", As: "beheerder", Form: [])];
        yield return [new Case("user: 300-character id", "GET", "/beheer/gebruikers/" + new string('9', 300), "niet gevonden", As: "beheerder")];
        yield return [new Case("user: role change to nothing", "POST", "/beheer/gebruikers/{analist}/rol", "Kies een rol.", As: "beheerder",
            Form: new() { ["Role"] = "", ["PartnerId"] = "" })];
    }

    public static IEnumerable<object[]> Cases()
    {
        var ids = new[] { "niet-een-guid", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "123", "00000000-0000-0000-0000",
            "%F0%9F%98%80", new string('a', 300), "%00", "%E2%80%AE", "1%3B%20DROP%20TABLE%20nodes", "%2E%2E" };
        // Kestrel itself refuses a NUL in the path (400 before the app runs); ".." is normalised away (→ 404 page).
        foreach (var id in ids) yield return [new Case($"node id {id}", "GET", $"/api/nodes/{id}", id switch { "%00" => null, "%2E%2E" => "niet gevonden", _ => "geen geldige id" })];
        foreach (var id in ids.Take(4)) yield return [new Case($"neighbourhood id {id}", "GET", $"/api/nodes/{id}/neighbourhood", "geen geldige id")];
        foreach (var hops in new[] { "0", "4", "-1", "99999999999999999999", "abc", "1.5", "%3Cb%3E" })
            yield return [new Case($"hops={hops}", "GET", $"/api/nodes/{Guid0}/neighbourhood?hops={hops}", hops is "0" or "4" or "-1" ? "stappen" : "niet geldig")];
        foreach (var max in new[] { "0", "501", "-5", "1e9", "" })
            yield return [new Case($"max={max}", "GET", $"/api/nodes/{Guid0}/neighbourhood?max={max}", max is "0" or "501" or "-5" ? "entiteiten tegelijk" : "niet geldig")];
        yield return [new Case("unknown node", "GET", $"/api/nodes/{Guid0}", "geen toegang")];
        // Explorer API (expand paging, analyses) and the search and entity pages.
        foreach (var cap in new[] { "0", "501", "-1" })
            yield return [new Case($"cap={cap}", "GET", $"/api/nodes/{Guid0}/neighbourhood?cap={cap}", "entiteiten tegelijk")];
        foreach (var offset in new[] { "-1", "100001" })
            yield return [new Case($"offset={offset}", "GET", $"/api/nodes/{Guid0}/neighbourhood?offset={offset}", "al getoonde buren")];
        yield return [new Case("offset=abc", "GET", $"/api/nodes/{Guid0}/neighbourhood?offset=abc", "niet geldig")];
        foreach (var algorithm in new[] { "foo", "%3Cscript%3E", "degree%00", "DROP%20TABLE" })
            yield return [new Case($"analysis {algorithm}", "GET", $"/api/analysis/{algorithm}", algorithm.Contains("%00") ? null : "Onbekende analyse")]; // Kestrel refuses a NUL itself
        foreach (var top in new[] { "0", "501", "-3" })
            yield return [new Case($"analysis top={top}", "GET", $"/api/analysis/degree?top={top}", "Toon 1 tot en met 500")];
        yield return [new Case("analysis top=abc", "GET", "/api/analysis/degree?top=abc", "niet geldig")];
        foreach (var kind in new[] { "Alien", "3", "Person,Address", "%3Cb%3E" })
            yield return [new Case($"analysis kind={kind}", "GET", $"/api/analysis/pagerank?kind={kind}", "Onbekende soort entiteit")];
        foreach (var nr in new[] { "%3Cscript%3E", "DOS'%20OR%20'1'%3D'1", new string('D', 40) })
            yield return [new Case($"analysis dossier={nr}", "GET", $"/api/analysis/degree?dossier={nr}", "dossiernummer")];
        yield return [new Case("analysis unknown dossier", "GET", "/api/analysis/degree?dossier=DOS-1999-001", "geen toegang")];
        yield return [new Case("analysis purpose too long", "GET", $"/api/analysis/degree?doel={new string('d', 250)}", "hoogstens 200 tekens")];
        foreach (var q in new[] { "a", new string('x', 101), "ab%1Fcd", "%C3%28abc" })
            yield return [new Case($"search page q='{(q.Length > 20 ? q[..20] : q)}'", "GET", $"/zoeken?q={q}", q.StartsWith("%C3") ? "ongeldige tekens" : q.Contains('%') ? "stuurteken" : q.Length > 100 ? "100 tekens" : "twee tekens")];
        foreach (var id in new[] { "niet-een-guid", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1--", Guid0 })
            yield return [new Case($"entity page {id}", "GET", $"/entiteiten/{id}", "niet gevonden")];
        yield return [new Case("entity page purpose too long", "GET", $"/entiteiten/{Guid0}?doel={new string('d', 250)}", "hoogstens 200 tekens")];
        yield return [new Case("unknown dossier", "GET", "/api/dossiers/DOS-1999-001/barriers", "geen toegang")];
        foreach (var nr in new[] { "%3Cscript%3E", "DOS'%20OR%20'1'%3D'1", new string('D', 40), "..%2F..%2Fetc" })
            yield return [new Case($"dossier number {nr}", "GET", $"/api/dossiers/{nr}/barriers", "dossiernummer")];
        foreach (var q in new[] { "", "a", "%20%20", new string('x', 101), "%00abc", "ab%1Fcd", "ab%0Acd", "%C3%28abc", "%FF%FEab" })
            yield return [new Case($"search q='{(q.Length > 20 ? q[..20] : q)}'", "GET", $"/api/search?q={q}", q.StartsWith("%C3") || q.StartsWith("%FF") ? "ongeldige tekens" : q.Contains('%') && q.Length > 3 && !q.StartsWith("%20") ? "stuurteken" : q.Length > 100 ? "100 tekens" : "twee tekens")];
        yield return [new Case("search without q", "GET", "/api/search", "twee tekens")];
        foreach (var jaar in new[] { "%00", "%C3%28", "..%2F..%2Fetc", "10000", new string('9', 300) })
            foreach (var path in new[] { "/jaarverslag", "/jaarverslag.csv", "/jaarverslag.pdf" })
                yield return [new Case($"yearly report {path} jaar={(jaar.Length > 20 ? jaar[..20] : jaar)}", "GET", $"{path}?jaar={jaar}",
                    jaar is "1999" or "10000" ? "Kies een jaar van" : "Het jaar moet een jaartal zijn")];
        yield return [new Case("purpose too long", "GET", $"/api/search?q=jansen&doel={new string('d', 250)}", "hoogstens 200 tekens")];
        yield return [new Case("POST to a GET endpoint", "POST", "/api/search?q=jansen", null, () => new StringContent("{}", Encoding.UTF8, "application/json"))];
        yield return [new Case("PUT a node", "PUT", $"/api/nodes/{Guid0}", null, () => new StringContent("{\"caption\":\"x\"}", Encoding.UTF8, "application/json"))];
        yield return [new Case("DELETE a node", "DELETE", $"/api/nodes/{Guid0}", null)];
        yield return [new Case("malformed JSON to the API", "POST", "/api/nodes", null, () => new StringContent("{\"caption\": \"x\",,,", Encoding.UTF8, "application/json"))];
        yield return [new Case("sign-in without antiforgery token", "POST", "/account/inloggen", "Laad de pagina opnieuw",
            () => new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "analist", ["Password"] = SignIn.DemoPassword }), Anonymous: true)];
        yield return [new Case("sign-in as JSON", "POST", "/account/inloggen", "Laad de pagina opnieuw",
            () => new StringContent("{\"UserName\":\"analist\"}", Encoding.UTF8, "application/json"), Anonymous: true)];
        yield return [new Case("sign-out without token (CSRF)", "POST", "/account/uitloggen", "Laad de pagina opnieuw", () => new FormUrlEncodedContent([]))];
        yield return [new Case("2FA change without token (CSRF)", "POST", "/account/tweestapsverificatie/uit", "Laad de pagina opnieuw", () => new FormUrlEncodedContent([]))];
        yield return [new Case("audit export by a non-DPO", "POST", "/audit/export", null, () => new FormUrlEncodedContent([]))];
        yield return [new Case("10 MB sign-in body", "POST", "/account/inloggen", null,
            () => new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = new string('a', 10_000_000) }), Anonymous: true)];
        yield return [new Case("10 MB JSON body", "POST", "/api/nodes", null, () => new StringContent("[" + new string('1', 10_000_000) + "]", Encoding.UTF8, "application/json"))];
        yield return [new Case("path traversal to appsettings", "GET", "/css/..%2F..%2Fappsettings.json", "niet gevonden")];
        yield return [new Case("path traversal to the database", "GET", "/..%2Fdata%2Fketenaanpak.db", "niet gevonden")];
        yield return [new Case("encoded backslash traversal", "GET", "/css/..%5C..%5Cappsettings.json", "niet gevonden")];
        yield return [new Case("huge header", "GET", "/", null, Header: ("X-Groot", new string('h', 40_000)))];
        yield return [new Case("unknown page", "GET", "/beheer/geheim", "niet gevonden")];
        foreach (var c in UserManagementCases()) yield return c;
        // Alerts (signaleringen): ids, filters and the rules form.
        yield return [new Case("alert id not a GUID", "GET", "/api/alerts/%3Cscript%3E", "geen geldige id")];
        yield return [new Case("alert status filter unknown", "GET", "/api/alerts?status=%27%20OR%201%3D1--", "Onbekende status")];
        yield return [new Case("alert rule filter unknown", "GET", "/api/alerts?rule=alles", "Onbekende regel")];
        yield return [new Case("unknown alert page", "GET", $"/signaleringen/{Guid0}", "niet gevonden")];
        yield return [new Case("alert rule threshold not a number", "POST", "/signaleringen/regels/adres-inschrijvingen", "Vul een drempel in",
            Form: new() { ["Drempel"] = "1e9", ["Periode"] = "365", ["Actief"] = "true" })];
        yield return [new Case("alert rule window out of range", "POST", "/signaleringen/regels/adres-inschrijvingen", "tussen 1 en 3650 dagen",
            Form: new() { ["Drempel"] = "6", ["Periode"] = "99999", ["Actief"] = "true" })];
        // Signal intake (issue 6.1): the form refuses field by field, the API without a token before reading the body.
        yield return [new Case("signal: script tags in the form", "POST", "/signalen/nieuw", "Een postcode bevat alleen cijfers en letters",
            Form: new() { ["ReporterName"] = "<script>alert(1)</script>", ["Place.Municipality"] = "GM0153", ["Place.HouseNumber"] = "1", ["Place.Postcode"] = "<script>", ["actie"] = "indienen" })];
        yield return [new Case("signal: 5000-character note", "POST", "/signalen/nieuw", "De toelichting is te lang",
            Form: new() { ["Note"] = new string('n', 5000), ["actie"] = "concept" })];
        yield return [new Case("signal: form without token (CSRF)", "POST", "/signalen/nieuw", "Laad de pagina opnieuw",
            () => new FormUrlEncodedContent(new Dictionary<string, string> { ["ReporterName"] = "x", ["actie"] = "concept" }))];
        yield return [new Case("signal: JSON without token (CSRF)", "POST", "/api/signals?indienen=true", null,
            () => new StringContent("{\"reporterName\": \"x\"}", Encoding.UTF8, "application/json"))];
        yield return [new Case("signal: unknown draft", "GET", "/signalen/concept/{guid}", "niet gevonden")];
        yield return [new Case("signal: 300-character number", "GET", "/signalen/" + new string('S', 300), "niet gevonden")];
        // Issue 14: the surfaces the intrusion test went through, each refused with its own words or status.
        yield return [new Case("add to dossier: entity id not a GUID", "GET", "/dossiers/leden/nieuw?entiteit=%3Cscript%3E", null)];
        yield return [new Case("add to dossier: SQL as entity id", "GET", "/dossiers/leden/nieuw?entiteit='%20OR%201%3D1--", null)];
        yield return [new Case("export: unknown format", "GET", "/exporteren?formaat=pdf", "Kies als formaat")];
        yield return [new Case("export: script as format", "GET", "/exporteren?formaat=%3Cscript%3E", "Kies als formaat")];
        yield return [new Case("export: traversal as dataset", "GET", "/exporteren?formaat=graphml&dataset=..%2F..%2Fetc", null)];
        yield return [new Case("export: 300-character dataset", "GET", $"/exporteren?formaat=graphml&dataset={new string('d', 300)}", null)];
        yield return [new Case("process page: SQL as dossier number", "GET", "/dossiers/DOS'%20OR%20'1'%3D'1/proces", null)];
        yield return [new Case("process page: unknown dossier", "GET", "/dossiers/DOS-1999-001/proces", null)];
        yield return [new Case("alert page: not a GUID", "GET", "/signaleringen/niet-een-guid", null)];
        yield return [new Case("meeting page: not a GUID", "GET", "/casusoverleg/niet-een-guid", null)];
        yield return [new Case("import run: unknown", "GET", "/importeren/{guid}", null)];
        yield return [new Case("saved view: not a GUID", "GET", "/api/views/%3Cb%3E", null)];
        yield return [new Case("paths: ids not GUIDs", "GET", "/api/paths?from=x&to=y", null)];
        yield return [new Case("central paths: top out of range", "GET", "/api/nodes/{guid}/central-paths?top=99", null)];
        yield return [new Case("error page asked for 200", "GET", "/fout/200", null)];
        yield return [new Case("error page asked for 999", "GET", "/fout/999", null)];
        yield return [new Case("explorer dossier graph: script as number", "GET", "/api/explorer/dossiers/%3Cscript%3E/graph", null)];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_Answers4xxWithAClearMessageAndStoresNothing(Case c)
    {
        await using var app = new AppFactory(store);
        app.UseKestrel(0);
        app.StartServer();
        var client = c.Anonymous ? app.CreateClient() : await SignIn.AsAsync(app, c.As);
        var counts = await CountsAsync();
        var url = c.Url.Replace("{guid}", Guid0).Replace("{analist}", await IdAsync(db => db.Users.Where(u => u.UserName == "analist").Select(u => u.Id)));
        var content = c.Body?.Invoke();
        if (c.Form is not null)
        {
            var form = c.Form.ToDictionary(kv => kv.Key, kv => kv.Value);
            foreach (var (key, value) in form)
                if (value is "{partner}" or "{ggd}")
                    form[key] = await IdAsync(db => db.Partners.Where(p => p.Code == (value == "{ggd}" ? "GGD-TW" : "RIEC-ON")).Select(p => p.Id.Value.ToString()));
            form["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/partners");
            content = new FormUrlEncodedContent(form);
        }
        var request = new HttpRequestMessage(new HttpMethod(c.Method), url) { Content = content };
        if (c.Header is { } h) request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException) when (c.Name.StartsWith("10 MB"))
        {
            // Kestrel may close the connection while a body it refused is still being sent: refused all the same.
            Assert.Equal(counts, await CountsAsync());
            return;
        }
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{c.Name}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        if (c.Message is not null) Assert.Contains(c.Message, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body); // no stack trace
        Assert.Equal(counts, await CountsAsync());
    }

    private async Task<string> IdAsync(Func<Infrastructure.Persistence.GraphDbContext, IQueryable<string>> query)
    {
        await using var db = store.NewContext();
        return await query(db).SingleAsync();
    }

    private async Task<(int Nodes, int Statements, int Relations, int Signals, int Dossiers, int Audit, int Users, int Locked)> CountsAsync()
    {
        await using var db = store.NewContext();
        // Audit entries of the rejected request itself would be a bug too: a refused request reads nothing.
        return (await db.Nodes.CountAsync(), await db.Statements.CountAsync(), await db.Relations.CountAsync(), await db.Signals.CountAsync(),
            await db.Dossiers.CountAsync(), await db.AuditEntries.Where(e => e.Action != Application.Auditing.AuditAction.SignIn && e.Action != Application.Auditing.AuditAction.SignInFailed).CountAsync(),
            await db.Users.CountAsync(), await db.Users.CountAsync(u => u.LockoutEnd != null));
    }
}
