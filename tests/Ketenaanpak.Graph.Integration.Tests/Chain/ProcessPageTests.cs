using System.Net;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Chain;

/// <summary>The process page on the demo region, over HTTP through the real sign-in: what it shows and how it refuses.</summary>
[Collection(HostsCollection.Name)]
public sealed class ProcessPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private async Task<(string Number, DossierStage Stage)> DemoDossierAsync(DossierStage stage)
    {
        await using var db = store.NewContext();
        var d = await db.Dossiers.AsNoTracking().Where(x => x.Stage == stage).OrderBy(x => x.Number).FirstAsync();
        return (d.Number, d.Stage);
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, string number, string to, string reason)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, $"/dossiers/{number}/proces");
        return await client.PostAsync($"/dossiers/{number}/stap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["naar"] = to, ["reden"] = reason, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task ProcessPage_ShowsTheStepsAndTheWeighing_AndRefusesBadStepsInDutch()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var (number, stage) = await DemoDossierAsync(DossierStage.Execution);

        var page = new HtmlParser().ParseDocument(await analyst.GetStringAsync($"/dossiers/{number}/proces"));
        Assert.Equal("Uitvoering", page.QuerySelector(".step[aria-current=step]")!.TextContent.Trim());
        Assert.Equal(7, page.QuerySelectorAll(".steps li").Length);
        Assert.NotNull(page.QuerySelector(".priority")); // demo dossiers past weighing carry their weighing
        Assert.NotEmpty(page.QuerySelectorAll(".approaches tbody tr"));

        var skip = await StepAsync(analyst, number, ((int)DossierStage.Closed).ToString(), "ineens dicht");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, skip.StatusCode);
        Assert.Contains("Sla geen stap over: eerst Evaluatie.", new HtmlParser().ParseDocument(await skip.Content.ReadAsStringAsync()).QuerySelector(".validation-summary")!.TextContent);

        var nonsense = await StepAsync(analyst, number, "<script>alert(1)</script>", "reden");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
        var body = await nonsense.Content.ReadAsStringAsync();
        Assert.Contains("Kies een stap uit het ketenproces.", body);
        Assert.DoesNotContain("<script>alert(1)</script>", body);

        var noReason = await StepAsync(analyst, number, ((int)DossierStage.Assignment).ToString(), "  ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Geef een reden voor deze stap.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(stage, (await DemoDossierAsync(DossierStage.Execution)).Stage);

        var back = await StepAsync(analyst, number, ((int)DossierStage.Assignment).ToString(), "Interventie opnieuw toewijzen.");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode); // after the redirect
        Assert.Contains("De stap is vastgelegd", await back.Content.ReadAsStringAsync());
        await using var db = store.NewContext();
        var stored = await db.Dossiers.AsNoTracking().Include(d => d.StageChanges).SingleAsync(d => d.Number == number);
        Assert.Equal(DossierStage.Assignment, stored.Stage);
        Assert.Equal(("analist", "Interventie opnieuw toewijzen."), stored.StageChanges.OrderBy(c => c.At).Select(c => (c.By, c.Reason)).Last());
    }

    [Fact]
    public async Task ProcessPage_ReaderWithoutACaseRole_SeesNoForms_AndPostsAreForbidden()
    {
        await using var app = new AppFactory(store);
        using var admin = await SignIn.AsAsync(app, "beheerder");
        var (number, stage) = await DemoDossierAsync(DossierStage.WeighingAndQualification);
        var page = new HtmlParser().ParseDocument(await admin.GetStringAsync($"/dossiers/{number}/proces"));
        Assert.Empty(page.QuerySelectorAll("form.step-form, form.weighing-form"));
        var post = await StepAsync(admin, number, ((int)DossierStage.DossierFormation).ToString(), "terug");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(stage, (await DemoDossierAsync(stage)).Stage);
    }
}
