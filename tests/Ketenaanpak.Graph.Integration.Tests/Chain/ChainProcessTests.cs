using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Integration.Tests.Auditing;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Chain;

/// <summary>
/// One dossier walked through the whole chain process on each store, through the use case the pages call: every
/// refused step says what is missing and changes nothing; every step, weighing and decision is stored with its author
/// and audited.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class ChainProcessTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private sealed record Case(Dossier Dossier, Signal PoliceSignal, Actor Analyst, Actor Prosecutor, Actor Reporter, Actor Police,
        Actor Inspectorate, string PoliceCode, string InspectorateCode);

    private async Task<Case> SeedAsync()
    {
        var s = Guid.NewGuid().ToString("N")[..6];
        var riec = Facts.Partner("RIEC-" + s, PartnerKind.Riec, null);
        var police = Facts.Partner("POL-" + s, PartnerKind.Police, null);
        var om = Facts.Partner("OM-" + s, PartnerKind.PublicProsecutor, null);
        var ggd = Facts.Partner("GGD-" + s, PartnerKind.HealthService, null);
        var iszw = Facts.Partner("ISZW-" + s, PartnerKind.LabourInspectorate, null);
        var policeSignal = new Signal(SignalId.New(), "SIG-P-" + s, "Agent", new DateOnly(2026, 2, 1), "GM0153", ExploitationForm.Labour,
            Sector.Housing, null, false, Facts.From(police).Under(LegalBasis.PoliceDataAct, HandlingCode.DossierTeam).Build());
        var boss = new Node(NodeId.New(), NodeKind.Person, "Baas " + s, null, Facts.From(riec).Build());
        var victim = new Node(NodeId.New(), NodeKind.Person, "Plukker " + s, null, Facts.From(riec).Build());
        var agency = new Node(NodeId.New(), NodeKind.Company, "Uitzendbureau " + s, null, Facts.From(riec).Build());
        var dossier = new Dossier(DossierId.New(), "DOS-K-" + s, "Ketentest " + s, "GM0153", riec.Id, ExploitationForm.Labour, Facts.Now, new DateOnly(2031, 1, 1));
        var source = Facts.From(riec).Reference("casusdossier RIEC").Build();
        dossier.AddMember(boss.Id, DossierRole.Perpetrator, PerpetratorRole.Exploiter, FacilitatorAwareness.Unknown, source);
        dossier.AddMember(victim.Id, DossierRole.Victim, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, source);
        dossier.AddMember(agency.Id, DossierRole.Facilitator, PerpetratorRole.Unknown, FacilitatorAwareness.Unknowing, source);
        dossier.AddSignal(policeSignal.Id);
        // The prosecutor decides on the dossier's criminal-law signals, so reads it: shared as the case meeting does.
        dossier.ShareWith(om.Id, "Casusoverleg", Facts.Now);
        await using var db = store.NewContext();
        db.Partners.AddRange(riec, police, om, ggd, iszw);
        db.Signals.Add(policeSignal);
        db.Nodes.AddRange(boss, victim, agency);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return new Case(dossier, policeSignal,
            new Actor("u-analist-" + s, "analist-" + s, Roles.RiecAnalyst, riec.Id, PartnerKind.Riec, true, null),
            new Actor("u-om-" + s, "officier-" + s, Roles.CaseMeetingMember, om.Id, PartnerKind.PublicProsecutor, true, null),
            new Actor("u-ggd-" + s, "melder-" + s, Roles.PartnerContributor, ggd.Id, PartnerKind.HealthService, false, null),
            new Actor("u-pol-" + s, "politie-" + s, Roles.CaseMeetingMember, police.Id, PartnerKind.Police, true, null),
            new Actor("u-iszw-" + s, "inspectie-" + s, Roles.CaseMeetingMember, iszw.Id, PartnerKind.LabourInspectorate, true, null),
            police.Code, iszw.Code);
    }

    private async Task<Dossier> ReloadAsync(Case c)
    {
        await using var db = store.NewContext();
        return await db.Dossiers.AsNoTracking().Include(d => d.StageChanges).Include(d => d.Consents).Include(d => d.Evaluation)
            .Include(d => d.Weighings).ThenInclude(w => w.Approaches).SingleAsync(d => d.Id == c.Dossier.Id);
    }

    [Fact]
    public async Task Dossier_WalkedFromDetectionToClosed_EveryGuardSaysWhatIsMissing_AndEveryStepIsStoredAndAudited()
    {
        var c = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var process = scope.ServiceProvider.GetRequiredService<DossierProcess>();
        var interventions = scope.ServiceProvider.GetRequiredService<DossierInterventions>();
        async Task<Dossier> Tracked() => (await process.FindAsync(c.Analyst, c.Dossier.Number))!;
        async Task<ProcessResult> Move(DossierStage to) => await process.MoveAsync(c.Analyst, c.Dossier.Number, to, $"naar {to}");
        async Task Refused(DossierStage to, string expected)
        {
            var before = (await ReloadAsync(c)).Stage;
            var r = await Move(to);
            Assert.False(r.Succeeded);
            Assert.Contains(expected, r.Errors["Stap"]);
            Assert.Equal(before, (await ReloadAsync(c)).Stage);
        }

        Assert.True((await Move(DossierStage.DossierFormation)).Succeeded);
        await Refused(DossierStage.WeighingAndQualification, $"Die ontbreekt voor signaal {c.PoliceSignal.Number}");
        Assert.False((await process.DecideConsentAsync(c.Analyst, c.Dossier.Number, c.PoliceSignal.Number, true, null)).Allowed);
        Assert.True((await process.DecideConsentAsync(c.Prosecutor, c.Dossier.Number, c.PoliceSignal.Number, true, "Mag besproken worden.")).Succeeded);
        Assert.True((await Move(DossierStage.WeighingAndQualification)).Succeeded);
        await Refused(DossierStage.Assignment, "Leg eerst de weging vast");

        var view = (await process.ViewAsync(c.Analyst, c.Dossier.Number))!;
        Assert.Equal(3, view.Approaches.Count);
        var bad = await process.WeighAsync(c.Analyst, c.Dossier.Number, new WeighingScores(7, 3, 3, false, 1, 3), "plan", "resultaat", []);
        Assert.Equal("Geef de ernst een score van 1 tot en met 5.", bad.Errors["Severity"]);
        var partial = view.Approaches.Take(2).Select(a => new MemberApproach(a.NodeId, a.Role, "Aanpak " + a.Caption)).ToList();
        Assert.True((await process.WeighAsync(c.Analyst, c.Dossier.Number, new WeighingScores(5, 3, 2, false, 4, 4), "Samen optrekken.", "Uitbuiting stopt.", partial)).Succeeded);
        await Refused(DossierStage.Assignment, "Kies in de weging een aanpak voor:");
        var all = view.Approaches.Select(a => new MemberApproach(a.NodeId, a.Role, "Aanpak " + a.Caption)).ToList();
        Assert.True((await process.WeighAsync(c.Analyst, c.Dossier.Number, new WeighingScores(5, 3, 2, false, 4, 4), "Samen optrekken.", "Uitbuiting stopt.", all)).Succeeded);
        Assert.True((await Move(DossierStage.Assignment)).Succeeded);

        await Refused(DossierStage.Execution, "geen interventie die een partner heeft geaccepteerd");
        var target = view.Approaches.First(a => a.Role == DossierRole.Facilitator).NodeId.ToString();
        var badProposal = await interventions.ProposeAsync(c.Analyst, await Tracked(),
            new InterventionInput("Magic", " ", "maan", "BESTAAT-NIET", "31-02-2030", [Guid.NewGuid().ToString()]));
        Assert.Equal(["Doelen", "Fase", "Partner", "Soort", "Termijn", "Titel"], badProposal.Errors.Keys.Order().ToArray());
        Assert.True((await interventions.ProposeAsync(c.Analyst, await Tracked(),
            new InterventionInput("Criminal", "Aanhouding uitbuiter", "work", c.PoliceCode, null, [target]))).Succeeded);
        Assert.True((await interventions.ProposeAsync(c.Analyst, await Tracked(),
            new InterventionInput("Administrative", "Inspectie arbeidsomstandigheden", "work", c.PoliceCode, null, [target]))).Succeeded);
        var proposed = await interventions.ListAsync(c.Police, await Tracked());
        var arrest = proposed.Single(i => i.Title == "Aanhouding uitbuiter");
        var inspection = proposed.Single(i => i.Title == "Inspectie arbeidsomstandigheden");
        Assert.False((await interventions.RespondAsync(c.Analyst, await Tracked(), arrest.Id, DossierInterventions.Accept, null)).Allowed);
        Assert.True((await interventions.RespondAsync(c.Police, await Tracked(), arrest.Id, DossierInterventions.Accept, null)).Succeeded);
        Assert.Equal("Geef aan waarom de interventie niet kan worden opgepakt.",
            (await interventions.RespondAsync(c.Police, await Tracked(), inspection.Id, DossierInterventions.Decline, " ")).Errors["Toelichting"]);
        Assert.True((await interventions.RespondAsync(c.Police, await Tracked(), inspection.Id, DossierInterventions.Decline, "Geen capaciteit; arbeidsinspectie is aan zet.")).Succeeded);
        Assert.Contains(await interventions.AttentionAsync(c.Analyst), i => i.Id == inspection.Id);
        Assert.True((await interventions.ReassignAsync(c.Analyst, await Tracked(), inspection.Id, c.InspectorateCode)).Succeeded);
        Assert.True((await interventions.RespondAsync(c.Inspectorate, await Tracked(), inspection.Id, DossierInterventions.Accept, null)).Succeeded);
        Assert.True((await Move(DossierStage.Execution)).Succeeded);
        await Refused(DossierStage.Evaluation, "Er lopen nog 2 interventies");
        Assert.True((await interventions.RespondAsync(c.Police, await Tracked(), arrest.Id, DossierInterventions.Complete, "Verdachte aangehouden.")).Succeeded);
        Assert.True((await interventions.RespondAsync(c.Inspectorate, await Tracked(), inspection.Id, DossierInterventions.Start, null)).Succeeded);
        Assert.True((await interventions.RespondAsync(c.Inspectorate, await Tracked(), inspection.Id, DossierInterventions.Complete, "Boete en stillegging.")).Succeeded);
        Assert.True((await Move(DossierStage.Evaluation)).Succeeded);
        await Refused(DossierStage.Closed, "Schrijf eerst de slotevaluatie");
        Assert.Equal("Beschrijf wat de keten hiervan leert.", (await process.EvaluateAsync(c.Analyst, c.Dossier.Number, "Gesloten.", " ")).Errors["Lessen"]);
        Assert.True((await process.EvaluateAsync(c.Analyst, c.Dossier.Number, "Woning gesloten, slachtoffers opgevangen.", "Eerder melden.")).Succeeded);
        Assert.True((await Move(DossierStage.Closed)).Succeeded);
        Assert.True((await Move(DossierStage.Evaluation)).Succeeded); // reopened: going back is possible and recorded

        var stored = await ReloadAsync(c);
        Assert.Equal(DossierStage.Evaluation, stored.Stage);
        Assert.Equal(7, stored.StageChanges.Count); // six steps forward, one back
        Assert.All(stored.StageChanges, s => Assert.Equal(c.Analyst.UserName, s.By));
        Assert.Equal(2, stored.Weighings.Count);
        var weighing = stored.Weighings.MaxBy(w => w.At)!;
        Assert.Equal((50.4, Priority.Medium, 3), (weighing.Score, weighing.Priority, weighing.Approaches.Count));
        Assert.Equal(c.Prosecutor.UserName, Assert.Single(stored.Consents).By);
        Assert.Equal("Eerder melden.", stored.Evaluation!.Lessons);

        var audit = (await AuditTestData.EntriesAsync(store)).Where(e => e.SubjectId == c.Dossier.Number).ToList();
        Assert.Equal(7, audit.Count(e => e.Action == AuditAction.StatusChange && e.ActorName == c.Analyst.UserName));
        Assert.Equal(2, audit.Count(e => e.Action == AuditAction.Judgement && e.Detail!.StartsWith("weging vastgelegd", StringComparison.Ordinal)));
        Assert.Single(audit, e => e.Action == AuditAction.Judgement && e.ActorName == c.Prosecutor.UserName);
        Assert.Single(audit, e => e.Action == AuditAction.Judgement && e.Detail == "slotevaluatie vastgelegd");
        var interventionAudit = (await AuditTestData.EntriesAsync(store)).Where(e => e.SubjectType == "Intervention").ToList();
        Assert.Equal(2, interventionAudit.Count(e => e.Action == AuditAction.Create && e.ActorName == c.Analyst.UserName));
        Assert.Contains(interventionAudit, e => e.ActorName == c.Police.UserName && e.Purpose == "Geen capaciteit; arbeidsinspectie is aan zet.");
        Assert.Contains(interventionAudit, e => e.ActorName == c.Analyst.UserName && e.Detail!.StartsWith("opnieuw toegewezen", StringComparison.Ordinal));
        await using var db = store.NewContext();
        var done = await db.Interventions.AsNoTracking().Where(i => i.DossierId == c.Dossier.Id).ToListAsync();
        Assert.All(done, i => Assert.Equal(InterventionStatus.Done, i.Status));
        Assert.Contains(await db.Dossiers.AsNoTracking().Where(d => d.Id == c.Dossier.Id).SelectMany(d => d.Shares).ToListAsync(),
            sh => sh.PartnerId == c.Inspectorate.PartnerId); // assigning shared the dossier with the partner that carries it out
    }

    [Fact]
    public async Task Process_ForSomeoneOutsideTheDossier_IsNotFound_AndAReporterCannotAct()
    {
        var c = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var process = scope.ServiceProvider.GetRequiredService<DossierProcess>();
        Assert.Null(await process.ViewAsync(c.Reporter, c.Dossier.Number));
        Assert.False((await process.MoveAsync(c.Reporter, c.Dossier.Number, DossierStage.DossierFormation, "probeer")).Found);
        Assert.False((await process.MoveAsync(c.Analyst, "DOS-BESTAAT-NIET", DossierStage.DossierFormation, "probeer")).Found);
        Assert.Equal(DossierStage.Detection, (await ReloadAsync(c)).Stage);
    }
}

public sealed class SqliteChainProcessTests(SqliteTestStore store) : ChainProcessTests<SqliteTestStore>(store);

public sealed class PostgreSqlChainProcessTests(PostgreSqlTestStore store) : ChainProcessTests<PostgreSqlTestStore>(store);
