using System.Net;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Chain;

/// <summary>The add-to-dossier page on the demo region over HTTP: reached from the entity page, refuses in Dutch, adds.</summary>
[Collection(HostsCollection.Name)]
public sealed class AddMemberPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task EntityPage_LeadsToTheForm_BadInputIsRefusedInDutch_AndAGoodOneJoinsTheDossier()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        string number;
        Guid entity;
        await using (var db = store.NewContext())
        {
            var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Members)
                .Where(d => d.Stage != DossierStage.Closed).OrderBy(d => d.Number).FirstAsync();
            number = dossier.Number;
            var inDossier = dossier.Members.Select(m => m.NodeId).ToList();
            entity = (await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Company && n.Provenance.LegalBasis == LegalBasis.Covenant && n.Provenance.HandlingCode == HandlingCode.Chain && !inDossier.Contains(n.Id)).OrderBy(n => n.Caption).FirstAsync()).Id.Value;
        }

        var entityPage = new HtmlParser().ParseDocument(await analyst.GetStringAsync($"/entiteiten/{entity}"));
        Assert.Equal($"/dossiers/leden/nieuw?entiteit={entity}", entityPage.QuerySelector("a.add-to-dossier")!.GetAttribute("href"));
        var form = new HtmlParser().ParseDocument(await analyst.GetStringAsync($"/dossiers/leden/nieuw?entiteit={entity}"));
        Assert.Contains(form.QuerySelectorAll("#dossier option"), o => o.GetAttribute("value") == number);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/dossiers/leden/nieuw?entiteit={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/dossiers/leden/nieuw")).StatusCode); // explains how to pick one

        async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(analyst, $"/dossiers/leden/nieuw?entiteit={entity}");
            return await analyst.PostAsync("/dossiers/leden", new FormUrlEncodedContent(fields));
        }

        var bad = await PostAsync(new() { ["entiteit"] = entity.ToString(), ["dossier"] = number, ["rol"] = "<script>alert(1)</script>", ["bron"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Kies de rol in dit dossier", body);
        Assert.Contains("Noem de bron", body);
        Assert.DoesNotContain("<script>alert(1)</script>", body);

        var good = await PostAsync(new() { ["entiteit"] = entity.ToString(), ["dossier"] = number, ["rol"] = ((int)DossierRole.Facilitator).ToString(),
            ["bewustzijn"] = ((int)FacilitatorAwareness.Unknowing).ToString(), ["bron"] = "KvK-uittreksel 2026-03" });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode); // after the redirect to the process page
        Assert.Contains("De entiteit is met haar rol en bron aan het dossier toegevoegd.", await good.Content.ReadAsStringAsync());
        await using (var db = store.NewContext())
        {
            var member = await db.Dossiers.AsNoTracking().Where(d => d.Number == number).SelectMany(d => d.Members)
                .SingleAsync(m => m.NodeId == new Ketenaanpak.Graph.Domain.Common.NodeId(entity));
            Assert.Equal((DossierRole.Facilitator, FacilitatorAwareness.Unknowing, "KvK-uittreksel 2026-03"), (member.Role, member.Awareness, member.Provenance.SourceReference));
        }

        // The process page lists the member with role and source, and takes it out again with a reason.
        var process = new HtmlParser().ParseDocument(await analyst.GetStringAsync($"/dossiers/{number}/proces"));
        var row = process.QuerySelectorAll("table.members tbody tr").Single(r => r.QuerySelector("a")?.GetAttribute("href") == $"/entiteiten/{entity}");
        Assert.Equal("Faciliteerder (onbewust)", row.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("KvK-uittreksel 2026-03", row.QuerySelectorAll("td")[1].TextContent.Trim());

        async Task<HttpResponseMessage> RemoveAsync(string reason)
        {
            var token = await SignIn.AntiforgeryTokenAsync(analyst, $"/dossiers/{number}/proces");
            return await analyst.PostAsync($"/dossiers/{number}/leden/verwijderen", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["entiteit"] = entity.ToString(), ["rol"] = ((int)DossierRole.Facilitator).ToString(), ["reden"] = reason, ["__RequestVerificationToken"] = token,
            }));
        }
        var tooLong = await RemoveAsync("<b>te lang</b>" + new string('x', 600));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var refusedPage = new HtmlParser().ParseDocument(await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("De reden heeft hoogstens 500 tekens.", refusedPage.QuerySelector("[aria-labelledby=leden-kop] .validation-summary")!.TextContent);
        var again = refusedPage.QuerySelectorAll("table.members tbody tr").Single(r => r.QuerySelector("a")?.GetAttribute("href") == $"/entiteiten/{entity}");
        Assert.True(again.QuerySelector("details")!.HasAttribute("open")); // the refused row is open, with the reason as typed
        Assert.StartsWith("<b>te lang</b>", again.QuerySelector("textarea")!.TextContent);
        Assert.Equal("true", again.QuerySelector("textarea")!.GetAttribute("aria-invalid"));

        var removed = await RemoveAsync("Verkeerd bedrijf gekozen: naamgenoot.");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var after = new HtmlParser().ParseDocument(await removed.Content.ReadAsStringAsync());
        Assert.Contains("uit het dossier gehaald", after.QuerySelector("[role=status]")!.TextContent);
        Assert.DoesNotContain(after.QuerySelectorAll("table.members a"), a => a.GetAttribute("href") == $"/entiteiten/{entity}");
    }
}
