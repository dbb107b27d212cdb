using System.Net;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>Web exports obey the access policy (facts the user may not read stay out) and land in the audit log; on both stores.</summary>
public abstract class ExportPageTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    // Server mode (PostgreSQL) has no demo accounts: provision the two the tests sign in as, like the demo's.
    private static async Task<HttpClient> SignInAsync(AppFactory app, string user)
    {
        if (user == "analist") await app.EnsureUserAsync("analist", Application.Security.Roles.RiecAnalyst, "RIEC-ON");
        else await app.EnsureUserAsync("melder", Application.Security.Roles.PartnerContributor, "GGD-TW");
        return await SignIn.AsAsync(app, user);
    }

    [Fact]
    public async Task Export_AsAnalyst_GivesReadableFactsOnlyAndIsAudited()
    {
        await using var app = new AppFactory(store);
        using var client = await SignInAsync(app, "analist");
        await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt"), "--dataset", "mx-open");
        // The same network under handling code H3 (source partner only), from another partner: the analyst may not read it.
        await using (var db = store.NewContext())
        {
            var other = await db.Partners.FirstAsync(p => p.Code != "import" && p.Kind == Domain.Partners.PartnerKind.Police);
            await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt"), "--dataset", "mx-closed",
                "--partner", other.Code, "--handling-code", "SourceOnly");
        }

        var open = await client.GetAsync("/exporteren?formaat=graphml&dataset=mx-open&doel=test");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var xml = await open.Content.ReadAsStringAsync();
        Assert.Equal(34, xml.Split("<node ").Length - 1);
        Assert.Equal(225, xml.Split("<edge ").Length - 1);

        var closed = await (await client.GetAsync("/exporteren?formaat=graphml&dataset=mx-closed")).Content.ReadAsStringAsync();
        Assert.Equal(0, closed.Split("<node ").Length - 1);

        var page = await client.GetAsync("/exporteren");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Netwerk exporteren", html);
        Assert.Contains("value=\"neo4j-csv\"", html);

        var bad = await client.GetAsync("/exporteren?formaat=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Kies als formaat", await bad.Content.ReadAsStringAsync());

        await using var check = store.NewContext();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == AuditAction.Export && e.SubjectId == "mx-open.graphml"));
    }

    [Theory]
    [InlineData("csv", "edges.csv", "nodes.csv")]
    [InlineData("neo4j-csv", "nodes.csv", "relationships.csv")]
    public async Task Export_CsvFormats_AreZipsOfTheTwoFilesWithReadableFactsOnly(string format, string first, string second)
    {
        await using var app = new AppFactory(store);
        using var client = await SignInAsync(app, "analist");
        await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt"), "--dataset", "mx-zip");

        var response = await client.GetAsync($"/exporteren?formaat={format}&dataset=mx-zip&doel=test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal([first, second], zip.Entries.Select(e => e.Name));
        string Read(string name) { using var r = new StreamReader(zip.GetEntry(name)!.Open()); return r.ReadToEnd(); }
        int Rows(string name) => Read(name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        // The Mexico network has 34 people and 225 distinct ties (its edge list repeats and reverses some pairs).
        Assert.Equal(34, Rows("nodes.csv"));
        Assert.Equal(225, Rows(format == "csv" ? "edges.csv" : "relationships.csv"));
        if (format == "neo4j-csv") Assert.StartsWith("id:ID,:LABEL", Read("nodes.csv").TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Export_AsPartnerContributor_IsRefused()
    {
        await using var app = new AppFactory(store);
        using var client = await SignInAsync(app, "melder");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/exporteren?formaat=graphml")).StatusCode);
    }
}

[Collection(HostsCollection.Name)]
public sealed class SqliteExportPageTests(SqliteTestStore store) : ExportPageTests<SqliteTestStore>(store);

[Collection(HostsCollection.Name)]
public sealed class PostgreSqlExportPageTests(PostgreSqlTestStore store) : ExportPageTests<PostgreSqlTestStore>(store);
