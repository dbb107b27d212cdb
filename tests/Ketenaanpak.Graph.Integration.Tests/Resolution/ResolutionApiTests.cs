using System.Net;
using Ketenaanpak.Graph.Application.Resolution;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Integration.Tests.Explorer;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Resolution;

/// <summary>/koppelen and /api/resolution on the demo region: queue, judgement, refusal (409), bad input (400), unseen (404).</summary>
public sealed class ResolutionApiTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task CandidatesAndJudgements_AnalystJudgesPair_ContradictionAnswers409InDutch()
    {
        await using var app = new AppFactory(store);
        using (app.CreateClient()) { }
        var suffix = Guid.NewGuid().ToString("N")[..4];
        await using (var db = store.NewContext())
        {
            var riec = await db.Partners.FirstAsync(p => p.Kind == PartnerKind.Riec);
            var prov = Facts.From(riec).Build();
            db.Nodes.AddRange(Facts.Person(prov, "Bogdan", "Wójcikowski" + suffix, "1979-06-02"), Facts.Person(prov, "Bogdan", "Wojcikowski" + suffix, "1979-06-02"));
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ResolutionJob>().RunAllAsync(CancellationToken.None);

        using var analyst = await SignIn.AsAsync(app, "analist");
        var list = await (await analyst.GetAsync("/api/resolution/candidates?take=100")).JsonAsync();
        var pair = list.GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("a").GetProperty("label").GetString()!.Contains(suffix, StringComparison.Ordinal));
        var (a, b) = (pair.GetProperty("a").GetProperty("id").GetString()!, pair.GetProperty("b").GetProperty("id").GetString()!);
        Assert.Contains(pair.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "geboortedatum gelijk (2 juni 1979)");

        var page = await analyst.GetStringAsync("/koppelen");
        Assert.Contains("Wojcikowski" + suffix, page);
        Assert.Contains("Niet dezelfde", page);

        var same = await ExplorerClient.PostAsync(analyst, "/api/resolution/judgements", new { a, b, verdict = "same", note = "zelfde foto" });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var contradict = await ExplorerClient.PostAsync(analyst, "/api/resolution/judgements", new { a, b, verdict = "notSame" });
        Assert.Equal(HttpStatusCode.Conflict, contradict.StatusCode);
        Assert.StartsWith("Dit oordeel spreekt eerdere oordelen tegen", (await contradict.JsonAsync()).GetProperty("detail").GetString());

        var bad = await ExplorerClient.PostAsync(analyst, "/api/resolution/judgements", new { a, b, verdict = "misschien" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("same, notSame of unsure", (await bad.JsonAsync()).GetProperty("errors").GetProperty("verdict")[0].GetString());
        var unseen = await ExplorerClient.PostAsync(analyst, "/api/resolution/judgements", new { a, b = Guid.NewGuid().ToString(), verdict = "same" });
        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/resolution/candidates?take=0")).StatusCode);

        // The merged pair is listed for "ontkoppelen".
        var after = await (await analyst.GetAsync("/api/resolution/candidates")).JsonAsync();
        Assert.Contains(after.GetProperty("merged").EnumerateArray(), m => new[] { m.GetProperty("a").GetString(), m.GetProperty("b").GetString() }.Order().SequenceEqual(new[] { a, b }.Order()));
    }
}
