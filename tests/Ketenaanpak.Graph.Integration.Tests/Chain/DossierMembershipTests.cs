using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Chain;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Chain;

/// <summary>
/// Dossier formation by hand on each store: an entity joins a dossier in its role with its source, a signal is linked;
/// every bad input is refused field by field in Dutch and leaves the dossier as it was; each change is audited.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class DossierMembershipTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    private sealed record Case(Dossier Dossier, Node Boss, Node PoliceOnly, Signal Signal, Actor Analyst, Actor Coordinator, Actor Reporter);

    private async Task<Case> SeedAsync()
    {
        var s = Guid.NewGuid().ToString("N")[..6];
        var riec = Facts.Partner("RIEC-" + s, PartnerKind.Riec, null);
        var police = Facts.Partner("POL-" + s, PartnerKind.Police, null);
        var ggd = Facts.Partner("GGD-" + s, PartnerKind.HealthService, null);
        var signal = new Signal(SignalId.New(), "SIG-M-" + s.ToUpperInvariant(), "Melder", new DateOnly(2026, 2, 1), "GM0153", ExploitationForm.Labour,
            Sector.Housing, null, false, Facts.From(ggd).Build());
        var boss = new Node(NodeId.New(), NodeKind.Person, "Baas " + s, null, Facts.From(riec).Build());
        var policeOnly = new Node(NodeId.New(), NodeKind.Person, "Verdachte " + s, null,
            Facts.From(police).Under(LegalBasis.PoliceDataAct, HandlingCode.PoliceAndJustice).Build());
        var dossier = new Dossier(DossierId.New(), "DOS-L-" + s, "Ledentest " + s, "GM0153", riec.Id, ExploitationForm.Labour, Facts.Now, new DateOnly(2031, 1, 1));
        await using var db = store.NewContext();
        db.Partners.AddRange(riec, police, ggd);
        db.Signals.Add(signal);
        db.Nodes.AddRange(boss, policeOnly);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        var enschede = Facts.Partner("GEM-" + s, PartnerKind.Municipality, "GM0153");
        db.Partners.Add(enschede);
        await db.SaveChangesAsync();
        return new Case(dossier, boss, policeOnly, signal,
            new Actor("u-analist-" + s, "analist-" + s, Roles.RiecAnalyst, riec.Id, PartnerKind.Riec, true, null),
            new Actor("u-coord-" + s, "coordinator-" + s, Roles.MunicipalCoordinator, enschede.Id, PartnerKind.Municipality, true, "GM0153"),
            new Actor("u-ggd-" + s, "melder-" + s, Roles.PartnerContributor, ggd.Id, PartnerKind.HealthService, false, null));
    }

    private async Task<Dossier> ReloadAsync(Case c)
    {
        await using var db = store.NewContext();
        return await db.Dossiers.AsNoTracking().Include(d => d.Members).Include(d => d.Signals).SingleAsync(d => d.Id == c.Dossier.Id);
    }

    [Fact]
    public async Task AddMember_WithSignalAsSource_JoinsWithRoleAndSource_LinksTheSignal_AndIsAudited()
    {
        var c = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var membership = scope.ServiceProvider.GetRequiredService<DossierMembership>();

        var (result, number) = await membership.AddMemberAsync(c.Analyst,
            new MemberInput(c.Dossier.Number, c.Boss.Id.ToString(), "1", "3", "0", c.Signal.Number.ToLowerInvariant(), null));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.Equal(c.Dossier.Number, number);

        var d = await ReloadAsync(c);
        var member = Assert.Single(d.Members);
        Assert.Equal((c.Boss.Id, DossierRole.Perpetrator, PerpetratorRole.Exploiter), (member.NodeId, member.Role, member.PerpetratorRole));
        Assert.Equal(c.Signal.Id, member.Provenance.SourceSignal);
        Assert.Equal(c.Analyst.PartnerId, member.Provenance.SourcePartner);
        Assert.Equal(c.Signal.Id, Assert.Single(d.Signals).SignalId);

        var audit = (await AuditTestData.EntriesAsync(store)).Where(e => e.SubjectId == c.Dossier.Number).ToList();
        var entry = Assert.Single(audit, e => e.Action == AuditAction.Update && e.ActorName == c.Analyst.UserName);
        Assert.Equal($"lid toegevoegd: entiteit {c.Boss.Id} als dader (bron: {c.Signal.Number})", entry.Detail);

        // The same entity in the same role again: refused in words, nothing doubled.
        var again = (await membership.AddMemberAsync(c.Analyst, new MemberInput(c.Dossier.Number, c.Boss.Id.ToString(), "1", "3", "0", null, "pv 123"))).Result;
        Assert.Equal("Deze entiteit staat al met deze rol in het dossier.", again.Errors["Rol"]);
        Assert.Single((await ReloadAsync(c)).Members);
    }

    [Fact]
    public async Task AddMember_BadInput_RefusedFieldByField_AndNothingSaved()
    {
        var c = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var membership = scope.ServiceProvider.GetRequiredService<DossierMembership>();
        async Task<IReadOnlyDictionary<string, string>> Errors(Actor actor, MemberInput input)
        {
            var (r, _) = await membership.AddMemberAsync(actor, input);
            Assert.False(r.Succeeded);
            return r.Errors;
        }

        var noSource = await Errors(c.Analyst, new MemberInput(c.Dossier.Number, c.Boss.Id.ToString(), "1", "", "", " ", " "));
        Assert.Equal("Noem de bron: een signaalnummer of een verwijzing, bijvoorbeeld het nummer van een proces-verbaal.", noSource["Bron"]);

        var junk = await Errors(c.Analyst, new MemberInput(c.Dossier.Number, "<script>alert(1)</script>", "9", "77", "x", "SIG-BESTAAT-NIET", new string('x', 201)));
        Assert.Equal(["Bewustzijn", "Bron", "Daderrol", "Entiteit", "Rol", "Signaal"], junk.Keys.Order().ToArray());
        Assert.Equal("Deze entiteit bestaat niet of u mag haar niet inzien.", junk["Entiteit"]);
        Assert.Equal("Er is geen signaal met dit nummer dat u mag inzien.", junk["Signaal"]);

        // A victim has no perpetrator role (the domain's rule, in Dutch).
        var victimAsExploiter = await Errors(c.Analyst, new MemberInput(c.Dossier.Number, c.Boss.Id.ToString(), "2", "3", "0", null, "pv 1"));
        Assert.Equal("Alleen een dader heeft een daderrol.", victimAsExploiter["Daderrol"]);

        // A coordinator without police rights cannot add what only the police may read; a reporter works on no dossier.
        Assert.Equal("Deze entiteit bestaat niet of u mag haar niet inzien.",
            (await Errors(c.Coordinator, new MemberInput(c.Dossier.Number, c.PoliceOnly.Id.ToString(), "1", "", "", null, "pv 2")))["Entiteit"]);
        Assert.Equal("Kies een open dossier waarin u mag werken.",
            (await Errors(c.Reporter, new MemberInput(c.Dossier.Number, c.Boss.Id.ToString(), "1", "", "", null, "pv 3")))["Dossier"]);
        Assert.Equal("Kies het dossier.", (await Errors(c.Analyst, new MemberInput(null, c.Boss.Id.ToString(), "1", "", "", null, "pv 4")))["Dossier"]);

        var d = await ReloadAsync(c);
        Assert.Empty(d.Members);
        Assert.Empty(d.Signals);
        Assert.DoesNotContain(await AuditTestData.EntriesAsync(store), e => e.SubjectId == c.Dossier.Number);
    }

    [Fact]
    public async Task LinkSignal_LinksOnce_RefusesUnknownNumbers_AndOutsidersGetNoAnswer()
    {
        var c = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var membership = scope.ServiceProvider.GetRequiredService<DossierMembership>();

        Assert.Equal("Er is geen signaal met dit nummer dat u mag inzien.",
            (await membership.LinkSignalAsync(c.Analyst, c.Dossier.Number, "SIG-0000-0000")).Errors["Signaal"]);
        Assert.Equal("Vul het signaalnummer in, bijvoorbeeld SIG-2026-0012.",
            (await membership.LinkSignalAsync(c.Analyst, c.Dossier.Number, "  ")).Errors["Signaal"]);
        Assert.False((await membership.LinkSignalAsync(c.Reporter, c.Dossier.Number, c.Signal.Number)).Found);
        Assert.Empty((await ReloadAsync(c)).Signals);

        Assert.True((await membership.LinkSignalAsync(c.Analyst, c.Dossier.Number, c.Signal.Number)).Succeeded);
        Assert.True((await membership.LinkSignalAsync(c.Analyst, c.Dossier.Number, c.Signal.Number)).Succeeded);
        Assert.Single((await ReloadAsync(c)).Signals);
        Assert.Single(await AuditTestData.EntriesAsync(store), e => e.SubjectId == c.Dossier.Number && e.Detail == $"signaal {c.Signal.Number} gekoppeld");
    }

    [Fact]
    public async Task RemoveMember_NeedsAReason_KeepsATargetOfARunningIntervention_AndIsAudited()
    {
        var c = await SeedAsync();
        await using var app = new AppFactory(store, demo: false);
        using var _ = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var membership = scope.ServiceProvider.GetRequiredService<DossierMembership>();
        var boss = c.Boss.Id.ToString();
        Assert.True((await membership.AddMemberAsync(c.Analyst, new MemberInput(c.Dossier.Number, boss, "1", "3", "0", null, "PV-2026-1"))).Result.Succeeded);
        Assert.True((await membership.AddMemberAsync(c.Analyst, new MemberInput(c.Dossier.Number, boss, "3", "0", "1", null, "PV-2026-1"))).Result.Succeeded);
        var intervention = new Domain.Interventions.Intervention(InterventionId.New(), c.Dossier.Id,
            Domain.Interventions.InterventionType.Administrative, "Controle pand", "housing", c.Coordinator.PartnerId, null);
        intervention.Target(c.Boss.Id);
        await using (var db = store.NewContext())
        {
            db.Interventions.Add(intervention);
            await db.SaveChangesAsync();
        }

        Assert.False((await membership.RemoveMemberAsync(c.Reporter, c.Dossier.Number, boss, "1", "Vergissing.")).Found);
        Assert.Equal("Geef een reden: waarom hoort deze entiteit niet (meer) in deze rol bij het dossier?",
            (await membership.RemoveMemberAsync(c.Analyst, c.Dossier.Number, boss, "1", "  ")).Errors["Reden"]);
        Assert.Contains("hoogstens 500 tekens",
            (await membership.RemoveMemberAsync(c.Analyst, c.Dossier.Number, boss, "1", new string('x', 501))).Errors["Reden"]);
        foreach (var (entity, role) in new[] { (boss, "2"), (boss, "99"), (boss, "Perpetrator"), ("geen-id", "1"), (Guid.NewGuid().ToString(), "1") })
            Assert.Equal("Deze entiteit staat niet (meer) met deze rol in het dossier.",
                (await membership.RemoveMemberAsync(c.Analyst, c.Dossier.Number, entity, role, "Vergissing.")).Errors["Lid"]);
        Assert.Equal(2, (await ReloadAsync(c)).Members.Count);

        // The perpetrator role goes; the facilitator role stays, so the intervention keeps its target.
        Assert.True((await membership.RemoveMemberAsync(c.Analyst, c.Dossier.Number, boss, "1", "Geen dader: verhuurder zonder zeggenschap.")).Succeeded);
        Assert.Equal([DossierRole.Facilitator], (await ReloadAsync(c)).Members.Select(m => m.Role));
        // Its last role is refused while the intervention runs ...
        var refused = await membership.RemoveMemberAsync(c.Analyst, c.Dossier.Number, boss, "3", "Hoort niet bij deze casus.");
        Assert.Contains("lopende interventie (Controle pand)", refused.Errors["Lid"]);
        Assert.Single((await ReloadAsync(c)).Members);
        // ... and allowed once the partner declined it.
        await using (var db = store.NewContext())
        {
            var stored = await db.Interventions.SingleAsync(i => i.Id == intervention.Id);
            stored.Decline("Geen capaciteit.", "gemeente", Facts.Now);
            await db.SaveChangesAsync();
        }
        Assert.True((await membership.RemoveMemberAsync(c.Analyst, c.Dossier.Number, boss, "3", "Hoort niet bij deze casus.")).Succeeded);
        Assert.Empty((await ReloadAsync(c)).Members);
        await using (var db = store.NewContext())
            Assert.True(await db.Nodes.AnyAsync(n => n.Id == c.Boss.Id)); // the entity stays in the network

        var removals = (await AuditTestData.EntriesAsync(store)).Where(e => e.SubjectId == c.Dossier.Number && e.Detail!.StartsWith("lid verwijderd")).ToList();
        Assert.Equal([($"lid verwijderd: entiteit {c.Boss.Id} als dader", "Geen dader: verhuurder zonder zeggenschap."), ($"lid verwijderd: entiteit {c.Boss.Id} als faciliteerder", "Hoort niet bij deze casus.")],
            removals.Select(e => (e.Detail, e.Purpose)));
        Assert.All(removals, e => Assert.Equal(c.Analyst.UserName, e.ActorName));
    }
}

public sealed class SqliteDossierMembershipTests(SqliteTestStore store) : DossierMembershipTests<SqliteTestStore>(store);

public sealed class PostgreSqlDossierMembershipTests(PostgreSqlTestStore store) : DossierMembershipTests<PostgreSqlTestStore>(store);
