using System.Net;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Integration.Tests.Explorer;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Barriers;

/// <summary>
/// The barrier plan of the demo region through the API and the page (issue 16), on both stores: every dossier with
/// perpetrators, victims and facilitators gets a plan that breaks something; what a reader may not see is neither named
/// nor counted; bad input answers 400 in Dutch; recording a phase is audited and changes the plan.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class BarrierPlanApiTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    /// <summary>Starts the host (which loads the demo region) and signs in a demo account, provisioned on either store.</summary>
    private static async Task<HttpClient> AsAsync(AppFactory app, string name)
    {
        using (app.CreateClient()) { }
        var account = Infrastructure.Identity.DemoUserSeeder.Accounts[name];
        await app.EnsureUserAsync(name, account.Role, account.Partner);
        return await SignIn.AsAsync(app, name);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.JsonAsync());
    }

    [Fact]
    public async Task EveryDemoDossier_WithPerpetratorsVictimsAndFacilitators_GetsAPlanThatBreaksSomething()
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        await using var db = store.NewContext();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.Members).ToListAsync();
        Assert.NotEmpty(dossiers);
        foreach (var dossier in dossiers)
        {
            var (status, plan) = await GetAsync(analyst, $"/api/dossiers/{dossier.Number}/barrier-plan");
            Assert.Equal(HttpStatusCode.OK, status);
            bool complete = new[] { DossierRole.Perpetrator, DossierRole.Victim, DossierRole.Facilitator }.All(r => dossier.Members.Any(m => m.Role == r));
            if (complete)
            {
                Assert.True(plan.GetProperty("broken").GetInt32() >= 1, $"{dossier.Number}: {plan.GetProperty("summary").GetString()}");
                Assert.True(plan.GetProperty("optimal").GetBoolean());
                Assert.All(plan.GetProperty("plan").EnumerateArray(), b => Assert.False(string.IsNullOrEmpty(b.GetProperty("owner").GetString())));
            }
            if (!dossier.Members.Any(m => m.Role == DossierRole.Perpetrator))
                Assert.Contains("nog geen daders bekend", plan.GetProperty("summary").GetString(), StringComparison.OrdinalIgnoreCase);
            // Direct ties are listed for the criminal-law lane and never appear in the plan.
            var tied = plan.GetProperty("directTies").EnumerateArray().SelectMany(t => new[] { t.GetProperty("perpetratorId").GetString(), t.GetProperty("victimId").GetString() }).ToHashSet();
            Assert.DoesNotContain(plan.GetProperty("plan").EnumerateArray(), b => tied.Contains(b.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public async Task BudgetOne_TheBeggingDossier_BreaksOnePhase_BudgetTwoBoth_AndWhatIfAgrees()
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        await using var db = store.NewContext();
        var number = await db.Dossiers.Where(d => d.Title == "Gedwongen bedelarij centrum Enschede").Select(d => d.Number).SingleAsync();
        var (_, one) = await GetAsync(analyst, $"/api/dossiers/{number}/barrier-plan?budget=1");
        var (_, two) = await GetAsync(analyst, $"/api/dossiers/{number}/barrier-plan?budget=2");
        // Four beggars depend on the car (entry) and on the house (housing): 8 dependencies, 4 per barrier.
        Assert.Equal(8, one.GetProperty("dependencies").GetInt32());
        Assert.Equal(4, one.GetProperty("broken").GetInt32());
        Assert.Equal(8, two.GetProperty("broken").GetInt32());
        var planned = two.GetProperty("plan").EnumerateArray().Select(b => b.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, planned.Count);
        Assert.Contains(two.GetProperty("plan").EnumerateArray(), b => b.GetProperty("phase").GetString() == "entry");
        Assert.Contains(two.GetProperty("phases").EnumerateArray(), p => p.GetProperty("sentence").GetString()!.StartsWith("Huisvesting — 4 van de 4 slachtoffers", StringComparison.Ordinal));
        var (status, whatIf) = await GetAsync(analyst, $"/api/dossiers/{number}/barrier-plan/what-if?zonder={string.Join(',', planned)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(8, whatIf.GetProperty("broken").GetInt32());
    }

    [Theory]
    [InlineData("?budget=0", "budget")]
    [InlineData("?budget=61", "budget")]
    [InlineData("?budget=drie", "budget")]
    [InlineData("?budget=-1", "budget")]
    [InlineData("/what-if?zonder=abc", "zonder")]
    [InlineData("/what-if?zonder=1;DROP", "zonder")]
    public async Task BadInput_Answers400_NamingTheFieldInDutch(string query, string field)
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        await using var db = store.NewContext();
        var number = await db.Dossiers.Select(d => d.Number).FirstAsync();
        var (status, body) = await GetAsync(analyst, $"/api/dossiers/{number}/barrier-plan{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("errors").GetProperty(field)[0].GetString()));
    }

    [Fact]
    public async Task UnknownDossier_UnreadableDossier_AndANonFacilitatorInWhatIf_AllAnswer404()
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        await using var db = store.NewContext();
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Members).FirstAsync(d => d.Title == "Gedwongen bedelarij centrum Enschede");
        var victim = dossier.Members.First(m => m.Role == DossierRole.Victim).NodeId;
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/dossiers/DOS-1999-999/barrier-plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/dossiers/{dossier.Number}/barrier-plan/what-if?zonder={victim}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/dossiers/{dossier.Number}/barrier-plan/what-if?zonder={Guid.NewGuid()}")).StatusCode);
        // The contributor of a care partner reads no network at all; the page and the API refuse alike.
        using var contributor = await AsAsync(app, "melder");
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"/api/dossiers/{dossier.Number}/barrier-plan")).StatusCode);
    }

    [Fact]
    public async Task CaseMeetingMember_OfThePolice_SeesThePlanOnlyOverWhatTheyMayRead()
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        using var police = await AsAsync(app, "casusoverleg");
        await using var db = store.NewContext();
        foreach (var number in await db.Dossiers.OrderBy(d => d.Number).Select(d => d.Number).ToListAsync())
        {
            var (allStatus, all) = await GetAsync(analyst, $"/api/dossiers/{number}/barrier-plan");
            var (status, seen) = await GetAsync(police, $"/api/dossiers/{number}/barrier-plan");
            Assert.Equal(HttpStatusCode.OK, allStatus);
            if (status == HttpStatusCode.NotFound) continue; // not shared with the police: as if it did not exist
            Assert.Equal(HttpStatusCode.OK, status);
            // Never more than the analyst, who sees the whole dossier; every name the police member gets is one the
            // analyst's answer holds too, or a pseudonym.
            Assert.True(seen.GetProperty("victims").GetInt32() <= all.GetProperty("victims").GetInt32());
            Assert.True(seen.GetProperty("dependencies").GetInt32() <= all.GetProperty("dependencies").GetInt32());
            var analystIds = all.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
            Assert.All(seen.GetProperty("ranking").EnumerateArray(), r => Assert.Contains(r.GetProperty("id").GetString(), analystIds));
        }
    }

    [Fact]
    public async Task RecordingAPhase_OnThePage_ChangesThePlan_AndIsAudited_AndAWrongPhaseIsRefusedInDutch()
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        await using var db = store.NewContext();
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Members).FirstAsync(d => d.Title == "Gedwongen bedelarij centrum Enschede");
        var facilitators = dossier.Members.Where(m => m.Role == DossierRole.Facilitator).Select(m => m.NodeId).ToList();
        var lodging = (await db.Nodes.AsNoTracking().Where(n => facilitators.Contains(n.Id)).ToListAsync()).Single(n => n.Kind == Domain.Graph.NodeKind.Address).Id;
        var page = $"/verkenner/dossier/{dossier.Number}/barrieres";
        var token = await SignIn.AntiforgeryTokenAsync(analyst, page);

        var wrong = await analyst.PostAsync(page + "/fase", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["entiteit"] = lodging.ToString(), ["fase"] = "maanlanding", ["budget"] = "2" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Kies een van de fasen van het barrièremodel", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        var moved = await analyst.PostAsync(page + "/fase", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["entiteit"] = lodging.ToString(), ["fase"] = "entry", ["budget"] = "2" }));
        Assert.True(moved.IsSuccessStatusCode || moved.StatusCode == HttpStatusCode.Redirect, $"{moved.StatusCode}");
        var (_, plan) = await GetAsync(analyst, $"/api/dossiers/{dossier.Number}/barrier-plan?budget=1");
        // The house now counts as entry beside the car: entry has both as alternatives, housing none.
        var phases = plan.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("dependencies").GetInt32());
        Assert.Equal(0, phases["housing"]);
        var house = plan.GetProperty("ranking").EnumerateArray().Single(r => r.GetProperty("id").GetString() == lodging.ToString());
        Assert.True(house.GetProperty("phaseRecorded").GetBoolean());
        Assert.Equal("entry", house.GetProperty("phase").GetString());

        await using var check = store.NewContext();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == AuditAction.Update && e.Detail!.Contains("barrièrefase") && e.Detail.Contains("entry")));
        Assert.Equal("entry", (await check.Dossiers.AsNoTracking().Include(d => d.Members).SingleAsync(d => d.Id == dossier.Id))
            .Members.Single(m => m.NodeId == lodging && m.Role == DossierRole.Facilitator).BarrierPhase);

        // Back to the suggestion, so that the other tests see the demo region as generated.
        await analyst.PostAsync(page + "/fase", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["entiteit"] = lodging.ToString(), ["fase"] = "", ["budget"] = "2" }));
    }

    [Fact]
    public async Task AdoptingThePlan_ProposesEachBarrierToItsOwner_RecordsTheDecisionInTheMinutes_AndNeverTwice()
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        await using var db = store.NewContext();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Title == "Champignonkwekerij Buurse en uitzendbureau");
        // An open case meeting with the dossier on its agenda takes the decision into its minutes.
        var meeting = new Domain.CaseMeetings.CaseMeeting(Domain.Common.CaseMeetingId.New(), Domain.CaseMeetings.CaseMeetingKind.AdHoc,
            "Casusoverleg barrièreplan (test)", TestKit.TestClock.Start.AddDays(1), "voorzitter");
        meeting.PutOnAgenda(dossier.Id, dossier.Number, Domain.CaseMeetings.AgendaReason.AwaitingWeighing, "{}", TestKit.TestClock.Start);
        db.CaseMeetings.Add(meeting);
        await db.SaveChangesAsync();
        var before = await db.Interventions.CountAsync(i => i.DossierId == dossier.Id);

        var page = $"/verkenner/dossier/{dossier.Number}/barrieres";
        var token = await SignIn.AntiforgeryTokenAsync(analyst, page);
        var adopt = () => analyst.PostAsync(page + "/vaststellen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["budget"] = "1" }));
        var first = await adopt();
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Het plan is vastgesteld: 1 interventie(s) voorgesteld", html);
        Assert.Contains("Casusoverleg barrièreplan (test)", html);

        await using var check = store.NewContext();
        var added = await check.Interventions.AsNoTracking().Include(i => i.Targets).Where(i => i.DossierId == dossier.Id).ToListAsync();
        Assert.Equal(before + 1, added.Count);
        var barrier = added.Single(i => i.Title.StartsWith("Barrière werk:", StringComparison.Ordinal));
        Assert.Equal("work", barrier.BarrierPhaseCode);
        Assert.Equal(Domain.Interventions.InterventionStatus.Proposed, barrier.Status);
        var inspectorate = await check.Partners.AsNoTracking().SingleAsync(p => p.Code == "ISZW");
        Assert.Equal(inspectorate.Id, barrier.AssignedPartnerId);
        var agency = await check.Nodes.AsNoTracking().SingleAsync(n => n.Caption == "Flexwerk Oost Uitzendbureau B.V.");
        Assert.Equal(agency.Id, Assert.Single(barrier.Targets).NodeId);
        var decisions = (await check.CaseMeetings.AsNoTracking().Include(m => m.Agenda).ThenInclude(a => a.Decisions).SingleAsync(m => m.Id == meeting.Id))
            .Agenda.Single().Decisions;
        Assert.Contains(decisions, d => d.Text.StartsWith("Barrièreplan vastgesteld: Flexwerk Oost Uitzendbureau B.V.", StringComparison.Ordinal));

        // Again: the barrier is already asked of its owner, so nothing is proposed twice.
        var second = await adopt();
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("er loopt al een interventie", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal(before + 1, await check.Interventions.CountAsync(i => i.DossierId == dossier.Id));

        // A dossier still being formed is not ready for interventions.
        var early = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Title == "Adres Wierdensestraat: veertien inschrijvingen");
        var earlyPage = $"/verkenner/dossier/{early.Number}/barrieres";
        var refused = await analyst.PostAsync(earlyPage + "/vaststellen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(analyst, earlyPage), ["budget"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Toewijzing interventies en Uitvoering", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PartnersCapacity_IsCheckedWhenProposing_AndWhenAccepting()
    {
        await using var app = new AppFactory(store);
        using (await AsAsync(app, "analist")) { }
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Application.Abstractions.IGraphDbContext>();
        var riec = await db.Partners.SingleAsync(p => p.Code == "RIEC-ON");
        var bd = await db.Partners.SingleAsync(p => p.Code == "BD");
        var analyst = new Application.Security.Actor("cap-analist", "analist", Application.Security.Roles.RiecAnalyst, riec.Id, riec.Kind, true, null);
        var dossier = (await sp.GetRequiredService<Application.Chain.DossierProcess>().FindAsync(analyst,
            await db.Dossiers.Where(d => d.Title == "Champignonkwekerij Buurse en uitzendbureau").Select(d => d.Number).SingleAsync()))!;
        var target = dossier.Members.First(m => m.Role == DossierRole.Facilitator).NodeId.ToString();
        var interventions = sp.GetRequiredService<Application.Chain.DossierInterventions>();
        Application.Chain.InterventionInput Input(string title) => new("Fiscal", title, "finance", "BD", null, [target]);

        // Room for exactly one more: the proposal passes, the next is refused naming the partner and its capacity.
        var open = await db.Interventions.CountAsync(i => i.AssignedPartnerId == bd.Id && (i.Status == Domain.Interventions.InterventionStatus.Proposed
            || i.Status == Domain.Interventions.InterventionStatus.Accepted || i.Status == Domain.Interventions.InterventionStatus.InProgress));
        bd.SetCapacity(open + 1);
        await db.SaveChangesAsync();
        Assert.False((await interventions.ProposeAsync(analyst, dossier, Input("Fiscale controle (capaciteitstest 1)"))).Errors.Count > 0);
        var refused = await interventions.ProposeAsync(analyst, dossier, Input("Fiscale controle (capaciteitstest 2)"));
        Assert.True(refused.Errors.Count > 0);
        Assert.Contains("capaciteit is", refused.Errors["Partner"]);

        // Accepting counts what the partner already took on: with the capacity at that number, accepting is refused.
        var proposed = await db.Interventions.SingleAsync(i => i.Title == "Fiscale controle (capaciteitstest 1)");
        var taken = await db.Interventions.CountAsync(i => i.AssignedPartnerId == bd.Id
            && (i.Status == Domain.Interventions.InterventionStatus.Accepted || i.Status == Domain.Interventions.InterventionStatus.InProgress));
        bd.SetCapacity(taken);
        await db.SaveChangesAsync();
        var tax = new Application.Security.Actor("cap-bd", "belastingdienst", Application.Security.Roles.CaseMeetingMember, bd.Id, bd.Kind, true, null);
        var full = await interventions.RespondAsync(tax, dossier, proposed.Id, Application.Chain.DossierInterventions.Accept, null);
        Assert.True(full.Errors.Count > 0);
        Assert.Contains("capaciteit", full.Errors["Capaciteit"]);
        bd.SetCapacity(taken + 1);
        await db.SaveChangesAsync();
        Assert.False((await interventions.RespondAsync(tax, dossier, proposed.Id, Application.Chain.DossierInterventions.Accept, null)).Errors.Count > 0);
        bd.SetCapacity(null);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ThePage_SaysThePlanPerPhaseInPlainDutch_WithoutJargon()
    {
        await using var app = new AppFactory(store);
        using var analyst = await AsAsync(app, "analist");
        await using var db = store.NewContext();
        var number = await db.Dossiers.Where(d => d.Title == "Champignonkwekerij Buurse en uitzendbureau").Select(d => d.Number).SingleAsync();
        var html = WebUtility.HtmlDecode(await analyst.GetStringAsync($"/verkenner/dossier/{number}/barrieres"));
        Assert.Contains("Werk — 11 van de 11 slachtoffers zijn via Flexwerk Oost Uitzendbureau B.V.", html);
        Assert.Contains("Directe controle — strafrechtelijk spoor", html);
        Assert.Contains("Nederlandse Arbeidsinspectie", html);
        foreach (var jargon in new[] { "minimale snede", "tussenheid", "Tussenheid" }) Assert.DoesNotContain(jargon, html);
        var bad = await analyst.GetAsync($"/verkenner/dossier/{number}/barrieres?budget=veel");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Het aantal barrières is een heel getal", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
    }
}

public sealed class SqliteBarrierPlanApiTests(SqliteTestStore store) : BarrierPlanApiTests<SqliteTestStore>(store);

public sealed class PostgreSqlBarrierPlanApiTests(PostgreSqlTestStore store) : BarrierPlanApiTests<PostgreSqlTestStore>(store);
