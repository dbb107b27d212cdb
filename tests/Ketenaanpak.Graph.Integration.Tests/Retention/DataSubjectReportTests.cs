using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.DataSubjects;
using Ketenaanpak.Graph.Web.Features.DataSubjects;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Integration.Tests.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit.Builders;

namespace Ketenaanpak.Graph.Integration.Tests.Retention;

/// <summary>The data-subject report on the real app: every fact with source and legal basis, for the FG only, audited.</summary>
[Collection(HostsCollection.Name)]
public abstract class DataSubjectReportTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private sealed record Seeded(Node Person, string Suffix, string MunicipalityName, string PoliceName, string DossierNumber, string SignalNumber);

    private async Task<Seeded> SeedAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var municipality = Facts.Partner("GEM-" + suffix, PartnerKind.Municipality, "GM0153");
        var police = Facts.Partner("POL-" + suffix, PartnerKind.Police);
        var fromMunicipality = Facts.From(municipality).Under(LegalBasis.GdprPublicTask, HandlingCode.Chain).Build();
        var fromPolice = Facts.From(police).Under(LegalBasis.PoliceDataAct, HandlingCode.PoliceAndJustice).Build();
        var person = Facts.Person(fromMunicipality, "Ilse", "Kamphuis" + suffix);
        person.State("nationality", "PL", fromPolice); // the police's fact beside the municipality's
        var hostile = new Node(NodeId.New(), NodeKind.Person, "=cmd|' /C calc'!A0", null, fromPolice);
        var dossier = new Dossier(DossierId.New(), "DOS-I-" + suffix, "Inzage", "GM0153", municipality.Id, ExploitationForm.Labour, Facts.Now, new DateOnly(2031, 1, 1));
        dossier.AddMember(person.Id, DossierRole.Victim, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, fromMunicipality);
        var signal = new Signal(SignalId.New(), "SIG-I-" + suffix, "Melder", new DateOnly(2026, 2, 1), "GM0153", ExploitationForm.Labour, Sector.Unknown, null, false, fromMunicipality);
        signal.Mention(person.Id, "slachtoffer");
        await using var db = store.NewContext();
        db.Partners.AddRange(municipality, police);
        db.Nodes.AddRange(person, hostile);
        db.Relations.Add(new Relation(RelationId.New(), RelationType.Associate, person.Id, hostile.Id, null, null, 1, null, fromPolice));
        db.Dossiers.Add(dossier);
        db.Signals.Add(signal);
        await db.SaveChangesAsync();
        return new Seeded(person, suffix, municipality.Name, police.Name, dossier.Number, signal.Number);
    }

    [Fact]
    public async Task Report_FactsFromTwoPartners_ListsThemSideBySideWithLegalBasis_AndAuditsTheRead()
    {
        var s = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(Roles.DataProtectionOfficer);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/betrokkene/{s.Person.Id}"));

        var statements = page.QuerySelectorAll(".statements tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(4, statements.Count);
        Assert.Contains(statements, r => r[1] == "PL" && r[2] == s.PoliceName && r[6] == "Wet politiegegevens (Wpg)");
        Assert.Contains(statements, r => r[1] == "Ilse" && r[2] == s.MunicipalityName && r[6] == "AVG art. 6 lid 1 sub e (publieke taak)");
        Assert.Contains("=cmd|' /C calc'!A0", page.QuerySelector(".relations")!.TextContent);
        Assert.Contains(s.DossierNumber, page.QuerySelector(".memberships")!.TextContent);
        Assert.Contains("Slachtoffer", page.QuerySelector(".memberships")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(s.SignalNumber, page.QuerySelector(".signals")!.TextContent);

        var read = Assert.Single(await AuditTestData.EntriesAsync(store), e => e.Action == AuditAction.Read && e.SubjectId == s.Person.Id.ToString());
        Assert.Equal((DataSubjectsController.Purpose, Roles.DataProtectionOfficer), (read.Purpose, read.Role));
    }

    [Fact]
    public async Task Export_Report_DownloadsCsvProtectedAgainstFormulasAndAuditsIt()
    {
        var s = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(Roles.DataProtectionOfficer);
        var token = await SignIn.AntiforgeryTokenAsync(client, $"/betrokkene/{s.Person.Id}");

        var response = await client.PostAsync($"/betrokkene/{s.Person.Id}/export", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(DataSubjectReport.CsvHeader, rows[0]);
        Assert.Contains(rows, r => r[0] == "relatie" && r[2] == "'=cmd|' /C calc'!A0");
        Assert.Contains(rows, r => r[0] == "gegeven" && r[2] == "PL" && r[3] == s.PoliceName && r[7] == "Wet politiegegevens (Wpg)");
        Assert.Contains(rows, r => r[0] == "dossier" && r[1] == s.DossierNumber);
        Assert.Contains(rows, r => r[0] == "signaal" && r[1] == s.SignalNumber && r[2] == "slachtoffer");
        var export = Assert.Single(await AuditTestData.EntriesAsync(store), e => e.Action == AuditAction.Export && e.SubjectId == s.Person.Id.ToString());
        Assert.Equal(DataSubjectsController.Purpose, export.Purpose);

        var forged = await client.PostAsync($"/betrokkene/{s.Person.Id}/export", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Search_PartOfNameInOtherCase_FindsPersonAndAuditsTheSearch()
    {
        var s = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(Roles.DataProtectionOfficer);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/betrokkene?naam=kamphuis{s.Suffix.ToUpperInvariant()}"));

        var link = Assert.Single(page.QuerySelectorAll(".matches a"));
        Assert.Equal($"/betrokkene/{s.Person.Id}", link.GetAttribute("href"));
        var search = (await AuditTestData.EntriesAsync(store)).Last(e => e.Action == AuditAction.Search);
        Assert.Equal(("Betrokkene", "1 resultaten", DataSubjectsController.Purpose), (search.SubjectType, search.Detail, search.Purpose));
        Assert.DoesNotContain("amphuis", search.SubjectId!, StringComparison.OrdinalIgnoreCase); // the name itself is not copied into the log
    }

    [Theory]
    [InlineData(Roles.RiecAnalyst)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.MunicipalCoordinator)]
    public async Task Report_NotTheDataProtectionOfficer_IsForbiddenAndNotAudited(string role)
    {
        var s = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var client = await app.CreateClientAsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/betrokkene/{s.Person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/betrokkene?naam=ilse")).StatusCode);
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(store), e => e.SubjectId == s.Person.Id.ToString());
    }
}

public sealed class SqliteDataSubjectReportTests(SqliteTestStore store) : DataSubjectReportTests<SqliteTestStore>(store);

public sealed class PostgreSqlDataSubjectReportTests(PostgreSqlTestStore store) : DataSubjectReportTests<PostgreSqlTestStore>(store);
