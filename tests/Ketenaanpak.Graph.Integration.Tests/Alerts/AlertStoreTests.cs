using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Alerts;

/// <summary>
/// Alerts on each store, through the use cases the pages, the job and the CLI call: the rules fire on the demo region,
/// a second run makes nothing twice, a signal's run fires for what it touched, dismissing needs a reason, a dismissed
/// situation is not asked again until it grows, adding to a dossier adds the trigger as member, and an urgent signal
/// reaches the police contact and the coordinator at once. Nothing hidden reaches a user through an alert.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class AlertStoreTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private async Task<(AppFactory App, AsyncServiceScope Scope)> StartAsync()
    {
        var app = new AppFactory(store, demo: true);
        using (app.CreateClient()) { }
        return (app, app.Services.CreateAsyncScope());
    }

    [Fact]
    public async Task Job_OnTheDemoRegion_FiresForTheAlmeloAddressWithFourteenRegistrations_AndASecondRunMakesNothingTwice()
    {
        var (app, scope) = await StartAsync();
        await using var _ = app;
        await using var __ = scope;
        var job = scope.ServiceProvider.GetRequiredService<AlertEvaluationJob>();
        var first = await job.RunAsync(CancellationToken.None);
        var second = await job.RunAsync(CancellationToken.None);
        Assert.True(first.Findings >= 5, $"expected the demo's patterns to fire, got {first.Findings}");
        Assert.Equal(0, second.Created);
        Assert.Equal(first.Findings, second.Unchanged + second.Refreshed + second.SkippedAsJudged);

        await using var db = store.NewContext();
        var address = await db.Nodes.AsNoTracking().SingleAsync(n => n.Kind == NodeKind.Address && n.Caption.Contains("Wierdensestraat 87"));
        var alerts = await db.Alerts.AsNoTracking().Include(a => a.Nodes).Include(a => a.Relations)
            .Where(a => a.TriggerKey == $"{AlertRuleKind.AddressRegistrations}:{address.Id}").ToListAsync();
        var alert = Assert.Single(alerts);
        Assert.Equal(15, alert.Nodes.Count); // the address and its fourteen registered persons
        Assert.Equal(14, alert.Relations.Count);
        Assert.StartsWith("14 personen ingeschreven op één adres binnen", alert.Summary);
        // The companion who brought all fourteen and the phone in three escort ads fire too.
        Assert.True(await db.Alerts.AnyAsync(a => a.Rule == AlertRuleKind.CompanionRegistrations));
        Assert.True(await db.Alerts.AnyAsync(a => a.Rule == AlertRuleKind.PhoneInAds));
    }

    [Fact]
    public async Task SignalRun_FiresForTheAddressItTouched_DismissNeedsAReason_AndADismissedSituationReturnsOnlyWhenItGrows()
    {
        var (app, scope) = await StartAsync();
        await using var _ = app;
        await using var __ = scope;
        var sp = scope.ServiceProvider;
        await using var db = store.NewContext();
        var analyst = await AlertWorld.ActorAsync(db, "RIEC-ON", Roles.RiecAnalyst, "analist-test");
        var (signal, address, _) = await AlertWorld.RegistrationsAsync(db, "RIEC-ON", 6);

        var run = await sp.GetRequiredService<AlertEvaluationJob>().RunForSignalAsync(signal.Id.Value, CancellationToken.None);
        Assert.True(run.Findings >= 1);
        var key = $"{AlertRuleKind.AddressRegistrations}:{address}";
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.TriggerKey == key);
        Assert.Equal(AlertStatus.New, alert.Status);

        var actions = sp.GetRequiredService<AlertActions>();
        var refused = await actions.ChangeStatusAsync(analyst, alert.Id, AlertStatus.Dismissed, "   ", CancellationToken.None);
        Assert.Equal("Geef een reden waarom deze signalering wordt afgewezen.", refused.Errors["Reden"]);
        Assert.Equal(AlertStatus.New, (await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alert.Id)).Status);

        Assert.True((await actions.ChangeStatusAsync(analyst, alert.Id, AlertStatus.Dismissed, "Asielzoekerscentrum, bekend.", CancellationToken.None)).Succeeded);
        var dismissed = await db.Alerts.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == alert.Id);
        Assert.Equal("Asielzoekerscentrum, bekend.", dismissed.DismissReason);
        Assert.Contains(dismissed.History, h => h.To == AlertStatus.Dismissed && h.By == "analist-test" && h.Note == "Asielzoekerscentrum, bekend.");
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectType == "Signalering" && e.SubjectId == alert.Id.ToString() && e.Action == Application.Auditing.AuditAction.StatusChange));

        var again = await sp.GetRequiredService<AlertEvaluation>().RunAsync(signal.Id, CancellationToken.None);
        Assert.True(again.SkippedAsJudged >= 1);
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.TriggerKey == key));

        // One more person registered at the same address: the situation grew, so it is asked again.
        var (more, _, _) = await AlertWorld.RegistrationsAsync(db, "RIEC-ON", 1, address);
        await sp.GetRequiredService<AlertEvaluation>().RunAsync(more.Id, CancellationToken.None);
        Assert.Equal(2, await db.Alerts.CountAsync(a => a.TriggerKey == key));
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.TriggerKey == key && a.Status == AlertStatus.New));
    }

    [Fact]
    public async Task AddToDossier_AddsTheTriggerWithTheChosenRole_FromTheAlert_AndClosesIt()
    {
        var (app, scope) = await StartAsync();
        await using var _ = app;
        await using var __ = scope;
        var sp = scope.ServiceProvider;
        await using var db = store.NewContext();
        var analyst = await AlertWorld.ActorAsync(db, "RIEC-ON", Roles.RiecAnalyst, "analist-dossier");
        var (signal, address, _) = await AlertWorld.RegistrationsAsync(db, "RIEC-ON", 6);
        await sp.GetRequiredService<AlertEvaluation>().RunAsync(signal.Id, CancellationToken.None);
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.TriggerKey == $"{AlertRuleKind.AddressRegistrations}:{address}");
        var dossier = await db.Dossiers.AsNoTracking().FirstAsync(d => d.Title == "Adres Wierdensestraat: veertien inschrijvingen");
        var actions = sp.GetRequiredService<AlertActions>();

        var noRole = await actions.AddToDossierAsync(analyst, alert.Id, dossier.Number, null, CancellationToken.None);
        Assert.Equal("Kies de rol van de entiteit in het dossier.", noRole.Errors["Rol"]);
        var closed = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Stage == DossierStage.Closed);
        if (closed is not null)
            Assert.Equal("Kies een open dossier waarin u mag werken.",
                (await actions.AddToDossierAsync(analyst, alert.Id, closed.Number, DossierRole.Facilitator, CancellationToken.None)).Errors["Dossier"]);

        var done = await actions.AddToDossierAsync(analyst, alert.Id, dossier.Number, DossierRole.Facilitator, CancellationToken.None);
        Assert.True(done.Succeeded, string.Join(" ", done.Errors.Values));
        var member = await db.DossierMembers.AsNoTracking().SingleAsync(m => m.DossierId == dossier.Id && m.NodeId == address);
        Assert.Equal(DossierRole.Facilitator, member.Role);
        Assert.Equal($"signalering {alert.Id}", member.Provenance.SourceReference);
        var after = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alert.Id);
        Assert.Equal((AlertStatus.AddedToDossier, dossier.Number), (after.Status, after.AddedToDossierNumber));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectType == "Dossier" && e.SubjectId == dossier.Number && e.Detail!.Contains("uit signalering")));
    }

    [Fact]
    public async Task NewSignal_MentioningAMemberOfAnOpenDossier_FiresOnce_ForThatDossier()
    {
        var (app, scope) = await StartAsync();
        await using var _ = app;
        await using var __ = scope;
        var sp = scope.ServiceProvider;
        await using var db = store.NewContext();
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Members).FirstAsync(d => d.Title == "Adres Wierdensestraat: veertien inschrijvingen");
        var address = (await db.Nodes.AsNoTracking().SingleAsync(n => n.Kind == NodeKind.Address && n.Caption.Contains("Wierdensestraat 87"))).Id;
        Assert.Contains(dossier.Members, m => m.NodeId == address);
        // A new report about the Almelo address, with one more person registered there (through the signal's mention).
        var (signal, _, _) = await AlertWorld.RegistrationsAsync(db, "GEM-ALMELO", 1, address, municipality: "GM0141");
        var evaluation = sp.GetRequiredService<AlertEvaluation>();
        await evaluation.RunAsync(signal.Id, CancellationToken.None);
        await evaluation.RunAsync(signal.Id, CancellationToken.None);
        var alert = await db.Alerts.AsNoTracking().Include(a => a.Nodes)
            .SingleAsync(a => a.Rule == AlertRuleKind.SignalTouchesOpenDossier && a.SignalId == signal.Id);
        Assert.Equal(dossier.Id, alert.DossierId);
        Assert.Contains(alert.Nodes, n => n.NodeId == address && n.IsTrigger);
        Assert.StartsWith($"Signaal {signal.Number} noemt", alert.Summary);
    }

    [Fact]
    public async Task UrgentSignal_AlertsThePoliceContactAndTheCoordinatorAtOnce_OnTopOfTheirList_AndTheAnalystCanAskForACaseMeeting()
    {
        var (app, scope) = await StartAsync();
        await using var _ = app;
        await using var __ = scope;
        await app.EnsureUserAsync("politie-urgent", Roles.CaseMeetingMember, "POL-ON");
        await app.EnsureUserAsync("coordinator-urgent", Roles.MunicipalCoordinator, "GEM-ENSCHEDE");
        var sp = scope.ServiceProvider;
        await using var db = store.NewContext();
        var (signal, _, _) = await AlertWorld.RegistrationsAsync(db, "GGD-TW", 1, urgent: true);

        foreach (var handler in sp.GetServices<ISignalSubmittedHandler>())
            await handler.OnSubmittedAsync(signal.Id, CancellationToken.None);

        var alert = await db.Alerts.AsNoTracking().Include(a => a.Recipients).SingleAsync(a => a.SignalId == signal.Id && a.Urgent);
        Assert.Equal("Acuut gevaar — crisisinterventie", alert.Rule.Dutch());
        var police = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "politie-urgent");
        var coordinator = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "coordinator-urgent");
        Assert.Contains(alert.Recipients, r => r.UserId == police.Id);
        Assert.Contains(alert.Recipients, r => r.UserId == coordinator.Id);
        Assert.NotNull(alert.AssigneeUserId);

        var queries = sp.GetRequiredService<AlertQueries>();
        var policeActor = (await AlertWorld.ActorAsync(db, "POL-ON", Roles.CaseMeetingMember, "politie-urgent")) with { UserId = police.Id };
        var coordinatorActor = (await AlertWorld.ActorAsync(db, "GEM-ENSCHEDE", Roles.MunicipalCoordinator, "coordinator-urgent")) with { UserId = coordinator.Id };
        var reporter = await AlertWorld.ActorAsync(db, "GGD-TW", Roles.PartnerContributor, "melder-urgent");
        foreach (var actor in new[] { policeActor, coordinatorActor })
        {
            var list = await queries.ListAsync(actor, new AlertFilter(), CancellationToken.None);
            Assert.Equal(alert.Id, list[0].Id);
            Assert.True(list[0].Urgent);
            Assert.True(await queries.CountNewAsync(actor, CancellationToken.None) >= 1);
        }
        Assert.Empty(await queries.ListAsync(reporter, new AlertFilter(), CancellationToken.None));
        Assert.Equal(0, await queries.CountNewAsync(reporter, CancellationToken.None));

        var analyst = await AlertWorld.ActorAsync(db, "RIEC-ON", Roles.RiecAnalyst, "analist-urgent");
        var actions = sp.GetRequiredService<AlertActions>();
        Assert.False((await actions.RequestCaseMeetingAsync(policeActor, alert.Id, null, CancellationToken.None)).Allowed);
        Assert.True((await actions.RequestCaseMeetingAsync(analyst, alert.Id, "Slachtoffer wordt bedreigd", CancellationToken.None)).Succeeded);
        var after = await db.Alerts.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == alert.Id);
        Assert.NotNull(after.CaseMeetingRequestedAt);
        Assert.Contains(after.History, h => h.By == "analist-urgent" && h.Note!.StartsWith("Ad-hoc casusoverleg aangevraagd"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectType == "Casusoverleg" && e.SubjectId == alert.Id.ToString()));

        // The follow-up is idempotent: a second call makes no second urgent alert.
        await sp.GetRequiredService<UrgentAlerts>().RaiseAsync(signal.Id, CancellationToken.None);
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.SignalId == signal.Id && a.Urgent));
    }

    [Fact]
    public async Task HiddenNodes_NeverReachAUser_ThroughTheList_TheCount_OrTheSubgraph()
    {
        var (app, scope) = await StartAsync();
        await using var _ = app;
        await using var __ = scope;
        var sp = scope.ServiceProvider;
        await using var db = store.NewContext();
        var (signal, address, persons) = await AlertWorld.RegistrationsAsync(db, "RIEC-ON", 6);
        // A seventh person known only to police and justice (H4), registered at the same address by the police.
        var police = await AlertWorld.PartnerAsync(db, "POL-ON");
        var secretProv = AlertWorld.Prov(police, null, HandlingCode.PoliceAndJustice, LegalBasis.PoliceDataAct);
        var secret = new Node(Domain.Common.NodeId.New(), NodeKind.Person, "Geheime Getuige Reiger", null, secretProv);
        db.Nodes.Add(secret);
        db.Relations.Add(new Relation(Domain.Common.RelationId.New(), RelationType.RegisteredAt, secret.Id, address, new DateOnly(2026, 10, 20), null, 1, null, secretProv));
        await db.SaveChangesAsync();
        await sp.GetRequiredService<AlertEvaluation>().RunAsync(signal.Id, CancellationToken.None);
        var alert = await db.Alerts.AsNoTracking().Include(a => a.Nodes).SingleAsync(a => a.TriggerKey == $"{AlertRuleKind.AddressRegistrations}:{address}" && a.Status == AlertStatus.New);
        Assert.Contains(alert.Nodes, n => n.NodeId == secret.Id); // stored: the alert knows its whole subgraph

        var queries = sp.GetRequiredService<AlertQueries>();
        var analyst = await AlertWorld.ActorAsync(db, "RIEC-ON", Roles.RiecAnalyst, "analist-leak");
        var detail = await queries.DetailAsync(analyst, alert.Id, CancellationToken.None);
        Assert.NotNull(detail);
        Assert.DoesNotContain(detail.Nodes, n => n.Id == secret.Id || n.Caption.Contains("Reiger"));
        Assert.DoesNotContain(detail.Relations, r => r.Source.Contains("Reiger"));
        Assert.Equal(persons.Count + 1, detail.Nodes.Count);
        Assert.DoesNotContain("7", detail.Summary); // the count of the whole subgraph would reveal the hidden person

        // Outside the RIEC the address (reported by the RIEC, in no dossier) is not in one's network: no alert at all.
        var coordinator = await AlertWorld.ActorAsync(db, "GEM-ENSCHEDE", Roles.MunicipalCoordinator, "coordinator-leak");
        var policeActor = await AlertWorld.ActorAsync(db, "POL-ON", Roles.CaseMeetingMember, "politie-leak");
        foreach (var actor in new[] { coordinator, policeActor })
        {
            Assert.Null(await queries.DetailAsync(actor, alert.Id, CancellationToken.None));
            Assert.DoesNotContain(await queries.ListAsync(actor, new AlertFilter(AllStatuses: true), CancellationToken.None), a => a.Id == alert.Id);
            var actions = sp.GetRequiredService<AlertActions>();
            Assert.False((await actions.ChangeStatusAsync(actor, alert.Id, AlertStatus.InReview, null, CancellationToken.None)).Found);
        }
        var visibleNew = (await queries.ListAsync(coordinator, new AlertFilter(AlertStatus.New), CancellationToken.None)).Count;
        Assert.Equal(visibleNew, await queries.CountNewAsync(coordinator, CancellationToken.None));
    }
}

public sealed class SqliteAlertStoreTests(SqliteTestStore store) : AlertStoreTests<SqliteTestStore>(store);

public sealed class PostgreSqlAlertStoreTests(PostgreSqlTestStore store) : AlertStoreTests<PostgreSqlTestStore>(store);
