using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.CaseMeetings;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Chain;

/// <summary>
/// A case meeting planned, its agenda generated from the dossiers that need it, decisions recorded and the minutes
/// adopted, on each store. The agenda is worked out by hand from the seeded dossiers: one awaiting weighing, one with
/// an overdue intervention, one that runs to plan, one closed.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class CaseMeetingTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private sealed record Seeded(Dossier Weighing, Dossier Overdue, Dossier OnPlan, Dossier Closed, Node Boss, Node Victim, Node Stranger,
        Partner Municipality, Partner Inspectorate, Partner Police, Actor Analyst, Actor Member, Actor OtherCoordinator);

    private async Task<Seeded> SeedAsync()
    {
        var s = Guid.NewGuid().ToString("N")[..6];
        var riec = Facts.Partner("RIEC-" + s, PartnerKind.Riec, null);
        var police = Facts.Partner("POL-" + s, PartnerKind.Police, null);
        var om = Facts.Partner("OM-" + s, PartnerKind.PublicProsecutor, null);
        var tax = Facts.Partner("BD-" + s, PartnerKind.TaxAuthority, null);
        var hengelo = Facts.Partner("GEM-HGL-" + s, PartnerKind.Municipality, "GM0164");
        var almelo = Facts.Partner("GEM-ALM-" + s, PartnerKind.Municipality, "GM0141");
        var iszw = Facts.Partner("ISZW-" + s, PartnerKind.LabourInspectorate, null);
        var source = Facts.From(riec).Reference("casusdossier RIEC").Build();
        var boss = new Node(NodeId.New(), NodeKind.Person, "Baas " + s, null, source);
        var victim = new Node(NodeId.New(), NodeKind.Person, "Plukker " + s, null, source);
        var stranger = new Node(NodeId.New(), NodeKind.Person, "Buitenstaander " + s, null, source);
        Dossier Make(string suffix, ExploitationForm form, DossierStage stage)
        {
            var d = new Dossier(DossierId.New(), $"DOS-{suffix}-{s}", $"Overleg {suffix} {s}", "GM0164", riec.Id, form, Facts.Now, new DateOnly(2031, 1, 1));
            d.AddMember(boss.Id, DossierRole.Perpetrator, PerpetratorRole.Exploiter, FacilitatorAwareness.Unknown, source);
            d.AddMember(victim.Id, DossierRole.Victim, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, source);
            foreach (var step in Enum.GetValues<DossierStage>().Where(x => x > DossierStage.Detection && x <= stage))
                d.RecordHistoricStep(step, "test", "voorbereiding", Facts.Now);
            return d;
        }
        var weighing = Make("W", ExploitationForm.Labour, DossierStage.WeighingAndQualification);
        var overdue = Make("O", ExploitationForm.Sexual, DossierStage.Execution);
        var onPlan = Make("P", ExploitationForm.Sexual, DossierStage.Execution);
        var closed = Make("C", ExploitationForm.Sexual, DossierStage.Closed);
        weighing.ShareWith(om.Id, "Casusoverleg", Facts.Now); // the prosecutor at the table reads what the meeting weighs
        var late = new Intervention(InterventionId.New(), overdue.Id, InterventionType.Administrative, "Woningcontrole " + s, "housing", hengelo.Id, new DateOnly(2020, 1, 31));
        var fine = new Intervention(InterventionId.New(), onPlan.Id, InterventionType.Administrative, "Controle " + s, "housing", hengelo.Id, new DateOnly(2099, 1, 31));
        await using var db = store.NewContext();
        db.Partners.AddRange(riec, police, om, tax, hengelo, almelo, iszw);
        db.Nodes.AddRange(boss, victim, stranger);
        db.Dossiers.AddRange(weighing, overdue, onPlan, closed);
        db.Interventions.AddRange(late, fine);
        await db.SaveChangesAsync();
        return new Seeded(weighing, overdue, onPlan, closed, boss, victim, stranger, hengelo, iszw, police,
            new Actor("u-analist-" + s, "analist-" + s, Roles.RiecAnalyst, riec.Id, PartnerKind.Riec, true, null),
            new Actor("u-om-" + s, "officier-" + s, Roles.CaseMeetingMember, om.Id, PartnerKind.PublicProsecutor, true, null),
            new Actor("u-alm-" + s, "coordinator-" + s, Roles.MunicipalCoordinator, almelo.Id, PartnerKind.Municipality, true, "GM0141"));
    }

    [Fact]
    public async Task Meeting_PlannedAgendaGeneratedDecidedAndAdopted_EachRefusalInDutch_SnapshotsFrozen()
    {
        var c = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var meetings = scope.ServiceProvider.GetRequiredService<CaseMeetingService>();
        var view = scope.ServiceProvider.GetRequiredService<MeetingView>();
        var date = TestKit.TestClock.Start.AddDays(30).ToString("dd-MM-yyyy");

        var (errors, none) = await meetings.CreateAsync(c.Analyst, new MeetingInput("wekelijks", "", "31-02-2027", "25:00", null));
        Assert.Null(none);
        Assert.Equal("Kies kwartaaloverleg of ad-hoc overleg.", errors["Soort"]);
        Assert.Equal("Vul een geldige datum in (dd-mm-jjjj).", errors["Datum"]);
        Assert.Equal("Vul een tijd in als uu:mm, bijvoorbeeld 13:30.", errors["Tijd"]);
        Assert.Equal("Een nieuw overleg ligt niet in het verleden.", (await meetings.CreateAsync(c.Analyst, new MeetingInput("kwartaal", "X", "01-01-2020", null, null))).Errors["Datum"]);
        Assert.Equal("Geef het overleg een titel van hoogstens 200 tekens.", (await meetings.CreateAsync(c.Analyst, new MeetingInput("kwartaal", " ", date, null, null))).Errors["Titel"]);
        Assert.Null((await meetings.CreateAsync(c.Member, new MeetingInput("kwartaal", "Niet van mij", date, null, null))).Id);

        var (_, created) = await meetings.CreateAsync(c.Analyst, new MeetingInput("kwartaal", "Casusoverleg test", date, "13:30", "Burgemeester"));
        var id = created!.Value;
        Assert.False((await meetings.GenerateAgendaAsync(c.Member, id)).Allowed);
        Assert.True((await meetings.GenerateAgendaAsync(c.Analyst, id)).Succeeded);

        var page = (await view.ForAsync(c.Analyst, id, "test"))!;
        var ours = page.Agenda.Where(a => a.DossierNumber.EndsWith(c.Weighing.Number[^6..])).ToList();
        Assert.Equal([c.Weighing.Number, c.Overdue.Number], ours.Select(a => a.DossierNumber).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["wacht op weging"], ours.Single(a => a.DossierNumber == c.Weighing.Number).Reasons);
        Assert.Equal(["interventie over de termijn"], ours.Single(a => a.DossierNumber == c.Overdue.Number).Reasons);
        var overdueSnapshot = ours.Single(a => a.DossierNumber == c.Overdue.Number).Snapshot!;
        Assert.True(Assert.Single(overdueSnapshot.Interventions).Overdue);
        // Fixed members, and the case-dependent ones: the dossiers' municipality and, for labour exploitation, the inspectorate.
        Assert.Contains(page.Participants, p => p.Partner == c.Municipality.Name && !p.Fixed);
        Assert.Contains(page.Participants, p => p.Partner == c.Inspectorate.Name && !p.Fixed);
        Assert.Contains(page.Participants, p => p.Kind == PartnerKind.PublicProsecutor.Dutch() && p.Fixed);

        var item = ours.Single(a => a.DossierNumber == c.Weighing.Number).Id;
        DecisionInput Input(string kind, string text, string? partner = null, string? due = null, params string[] concerns) =>
            new(kind, text, partner, due, concerns);
        Assert.Equal("Een actiepunt heeft een partner die het uitvoert.", (await meetings.DecideAsync(c.Member, id, item, Input("actie", "Controle", due: "01-03-2027"))).Errors["Partner"]);
        Assert.Equal("Een actiepunt heeft een termijn.", (await meetings.DecideAsync(c.Member, id, item, Input("actie", "Controle", c.Police.Code))).Errors["Termijn"]);
        Assert.Equal("Schrijf op wat besloten of afgesproken is.", (await meetings.DecideAsync(c.Member, id, item, Input("besluit", "  "))).Errors["Tekst"]);
        Assert.Equal("Kies besluit of actiepunt.", (await meetings.DecideAsync(c.Member, id, item, Input("<b>", "x"))).Errors["Soort"]);
        Assert.Equal("Een besluit betreft alleen betrokkenen van het besproken dossier.",
            (await meetings.DecideAsync(c.Member, id, item, Input("besluit", "x", concerns: c.Stranger.Id.Value.ToString()))).Errors["Betreft"]);
        Assert.False((await meetings.DecideAsync(c.OtherCoordinator, id, item, Input("besluit", "x"))).Allowed);
        Assert.True((await meetings.DecideAsync(c.Member, id, item, Input("actie", "Politie hoort het slachtoffer", c.Police.Code, "01-03-2027",
            c.Victim.Id.Value.ToString()))).Succeeded);

        // The dossier moves on; the agenda keeps what the meeting saw, and a renewed agenda does not overwrite it.
        await using (var db = store.NewContext())
        {
            var d = await db.Dossiers.SingleAsync(x => x.Id == c.Weighing.Id);
            d.RecordHistoricStep(DossierStage.Assignment, "test", "na het overleg", Facts.Now);
            await db.SaveChangesAsync();
        }
        Assert.True((await meetings.GenerateAgendaAsync(c.Analyst, id)).Succeeded);
        page = (await view.ForAsync(c.Analyst, id, "test"))!;
        var discussed = page.Agenda.Single(a => a.DossierNumber == c.Weighing.Number);
        Assert.Equal(DossierStage.WeighingAndQualification.Dutch(), discussed.Snapshot!.Stage);
        var decision = Assert.Single(discussed.Decisions);
        Assert.Equal((c.Police.Name, new DateOnly(2027, 3, 1), "Plukker " + c.Weighing.Number[^6..]), (decision.ActionFor, decision.Due, Assert.Single(decision.Concerns)));

        // A coordinator of another municipality sees the meeting but not the dossiers' contents.
        var foreign = (await view.ForAsync(c.OtherCoordinator, id, "test"))!;
        Assert.All(foreign.Agenda.Where(a => a.DossierNumber.EndsWith(c.Weighing.Number[^6..])), a => Assert.Null(a.Snapshot));
        Assert.Empty(foreign.Agenda.Single(a => a.DossierNumber == c.Weighing.Number).Decisions.Single().Concerns);

        Assert.Equal("Het verslag is leeg. Vat samen wat besproken en besloten is.", (await meetings.AdoptMinutesAsync(c.Analyst, id, " ")).Errors["Verslag"]);
        Assert.False((await meetings.AdoptMinutesAsync(c.Member, id, "x")).Allowed);
        Assert.True((await meetings.AdoptMinutesAsync(c.Analyst, id, "Twee dossiers besproken.")).Succeeded);
        Assert.Equal("Het verslag van dit overleg is vastgesteld; het overleg kan niet meer worden gewijzigd.",
            (await meetings.DecideAsync(c.Member, id, item, Input("besluit", "nog iets"))).Errors[""]);
        Assert.False((await meetings.GenerateAgendaAsync(c.Analyst, id)).Succeeded);

        await using var check = store.NewContext();
        var audited = await check.AuditEntries.Where(e => e.SubjectType == "CaseMeeting" && e.SubjectId == id.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditAction.Create, audited);
        Assert.Contains(AuditAction.Read, audited);
        Assert.Contains(AuditAction.StatusChange, audited);
    }
}

public sealed class SqliteCaseMeetingTests(SqliteTestStore store) : CaseMeetingTests<SqliteTestStore>(store);

public sealed class PostgreSqlCaseMeetingTests(PostgreSqlTestStore store) : CaseMeetingTests<PostgreSqlTestStore>(store);
