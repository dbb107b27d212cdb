using System.Net;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>Web exports obey the access policy (facts the user may not read stay out) and land in the audit log.</summary>
[Collection(HostsCollection.Name)]
public sealed class ExportPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Export_AsAnalyst_GivesReadableFactsOnlyAndIsAudited()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "analist");
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

        var bad = await client.GetAsync("/exporteren?formaat=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Kies als formaat", await bad.Content.ReadAsStringAsync());

        await using var check = store.NewContext();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == AuditAction.Export && e.SubjectId == "mx-open.graphml"));
    }

    [Fact]
    public async Task Export_AsPartnerContributor_IsRefused()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "melder");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/exporteren?formaat=graphml")).StatusCode);
    }
}
