using System.Net;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Partners;

/// <summary>The partner directory (issue 7 §6): everyone reads it, administrators keep it; refusals in Dutch, nothing half-saved.</summary>
[Collection(HostsCollection.Name)]
public sealed class PartnerDirectoryPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, url);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string ErrorOf(string html, string field) =>
        new HtmlParser().ParseDocument(html).QuerySelector($"#{field}-error")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task Administrator_AddsAPartner_InvalidFieldsAreRefusedOneByOne_AndNothingIsSavedUntilRight()
    {
        await using var app = new AppFactory(store);
        using var admin = await SignIn.AsAsync(app, "beheerder");
        await using var before = store.NewContext();
        var count = await before.Partners.CountAsync();

        var empty = await PostAsync(admin, "/partners/nieuw", new() { ["Code"] = "", ["Name"] = "", ["Kind"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal("Vul een korte code in, bijvoorbeeld GGD-TW.", ErrorOf(html, "Code"));
        Assert.Equal("Kies het soort organisatie.", ErrorOf(html, "Kind"));

        var municipalityMissing = await PostAsync(admin, "/partners/nieuw", new() { ["Code"] = "GEM-X", ["Name"] = "Gemeente X", ["Kind"] = "Municipality" });
        Assert.Equal("Kies de gemeente van deze gemeentelijke partner.", ErrorOf(await municipalityMissing.Content.ReadAsStringAsync(), "MunicipalityCode"));

        var badCode = await PostAsync(admin, "/partners/nieuw", new() { ["Code"] = "<script>", ["Name"] = "X", ["Kind"] = "Shelter" });
        var badHtml = await badCode.Content.ReadAsStringAsync();
        Assert.Equal("Een code bestaat uit hoogstens 40 letters, cijfers, '-' of '_'.", ErrorOf(badHtml, "Code"));
        Assert.DoesNotContain("<script>", badHtml.Replace("<script src", "")); // echoed as text, never as markup

        var tooLong = await PostAsync(admin, "/partners/nieuw", new() { ["Code"] = "OPV-1", ["Name"] = "Opvang Oost", ["Kind"] = "Shelter", ["ReportingPoint"] = new string('x', 301) });
        Assert.Equal("Het meldpunt is te lang (maximaal 300 tekens).", ErrorOf(await tooLong.Content.ReadAsStringAsync(), "ReportingPoint"));

        var numericKind = await PostAsync(admin, "/partners/nieuw", new() { ["Code"] = "OPV-1", ["Name"] = "Opvang Oost", ["Kind"] = "17" });
        Assert.Equal("Kies het soort organisatie.", ErrorOf(await numericKind.Content.ReadAsStringAsync(), "Kind"));

        await using (var db = store.NewContext())
            Assert.Equal(count, await db.Partners.CountAsync());

        var ok = await PostAsync(admin, "/partners/nieuw", new()
        {
            ["Code"] = "OPV-1", ["Name"] = "Opvang Oost", ["Kind"] = "Shelter", ["ContactPerson"] = "M. de Vries", ["ReportingPoint"] = "meldpunt@opvang-oost.example",
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("De partner is toegevoegd.", await ok.Content.ReadAsStringAsync());

        var duplicate = await PostAsync(admin, "/partners/nieuw", new() { ["Code"] = "OPV-1", ["Name"] = "Nog een", ["Kind"] = "Shelter" });
        Assert.Equal("Er is al een partner met deze code.", ErrorOf(await duplicate.Content.ReadAsStringAsync(), "Code"));

        await using var check = store.NewContext();
        var saved = await check.Partners.SingleAsync(p => p.Code == "OPV-1");
        Assert.False(saved.IsCovenant); // a shelter reports signals and gets feedback, it does not read dossiers
        Assert.Equal("meldpunt@opvang-oost.example (contactpersoon M. de Vries)", saved.RoutingDescription);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create && e.SubjectType == "Partner" && e.SubjectId == "OPV-1"));
    }

    [Fact]
    public async Task Administrator_ChangesTheReportingPoint_TheDirectoryAndInterventionRoutingShowIt()
    {
        await using var app = new AppFactory(store);
        using var admin = await SignIn.AsAsync(app, "beheerder");
        string code;
        await using (var db = store.NewContext())
            code = (await db.Partners.AsNoTracking().FirstAsync(p => p.Kind == PartnerKind.LabourInspectorate)).Code;

        var response = await PostAsync(admin, $"/partners/{code}/bewerken", new() { ["ContactPerson"] = "J. Jansen", ["ReportingPoint"] = "Team Arbeidsuitbuiting Oost" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Contactpersoon en meldpunt zijn bijgewerkt.", page.QuerySelector("#melding")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Team Arbeidsuitbuiting Oost") && r.TextContent.Contains("J. Jansen"));

        await using var check = store.NewContext();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == AuditAction.Update && e.SubjectType == "Partner" && e.SubjectId == code));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/partners/BESTAAT-NIET/bewerken")).StatusCode);
    }

    [Theory]
    [InlineData("analist")]
    [InlineData("coordinator")]
    [InlineData("melder")]
    public async Task OtherRoles_ReadTheDirectory_ButCannotChangeIt(string account)
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, account);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/partners"));
        Assert.NotEmpty(page.QuerySelectorAll("tbody tr"));
        Assert.Null(page.QuerySelector("a[href='/partners/nieuw']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/partners/nieuw")).StatusCode);
    }
}
