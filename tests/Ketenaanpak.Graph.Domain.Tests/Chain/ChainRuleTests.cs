using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.TestKit.Builders;

namespace Ketenaanpak.Graph.Domain.Tests.Chain;

public sealed class ChainRuleTests
{
    private static readonly Partner Municipality = Facts.Partner();

    private static Signal Draft() => new(SignalId.New(), "SIG-2026-0001", "Anja Hulshof", new DateOnly(2026, 2, 27), "GM0153",
        ExploitationForm.Labour, Sector.Housing, "Veel inschrijvingen.", false, Facts.From(Municipality).Build());

    [Fact]
    public void Signal_Submitted_CannotBeChanged()
    {
        var signal = Draft();
        signal.AddIndicator("BRP.01");
        signal.Submit(Facts.Now);
        var e = Assert.Throws<DomainException>(() => signal.AddIndicator("BRP.05"));
        Assert.Contains("correctie", e.Message);
        Assert.Single(signal.Indicators);
    }

    [Fact]
    public void Signal_UnknownIndicator_IsRefusedNamingTheCode()
    {
        var e = Assert.Throws<DomainException>(() => Draft().AddIndicator("XYZ.99"));
        Assert.Equal("Indicator 'XYZ.99' staat niet op de signaalkaart.", e.Message);
    }

    [Fact]
    public void IndicatorCatalog_CodesAreUniqueAndGrouped()
    {
        var all = IndicatorCatalog.All.ToList();
        Assert.Equal(all.Count, all.Select(i => i.Code).Distinct().Count());
        Assert.All(all, i => Assert.StartsWith(i.Group + ".", i.Code));
        Assert.Contains(all, i => i.DutchLabel.Contains("paspoort", StringComparison.OrdinalIgnoreCase)); // the desk example
        Assert.Equal(["BRP", "AFH", "VRH", "ARB", "SEX", "LOC", "SEC"], IndicatorCatalog.Groups.Select(g => g.Code));
    }

    [Fact]
    public void Dossier_RolesArePerDossier_AndSubRolesOnlyForTheirRole()
    {
        var dossier = new Dossier(DossierId.New(), "DOS-2026-001", "Test", "GM0153", Municipality.Id, ExploitationForm.Sexual, Facts.Now, new DateOnly(2031, 1, 1));
        var node = NodeId.New();
        dossier.AddMember(node, DossierRole.Victim, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, Facts.From(Municipality).Build());
        Assert.Throws<DomainException>(() => dossier.AddMember(node, DossierRole.Victim, PerpetratorRole.Unknown, FacilitatorAwareness.Unknown, Facts.From(Municipality).Build()));
        Assert.Throws<DomainException>(() => dossier.AddMember(NodeId.New(), DossierRole.Victim, PerpetratorRole.Recruiter, FacilitatorAwareness.Unknown, Facts.From(Municipality).Build()));
        Assert.Throws<DomainException>(() => dossier.AddMember(NodeId.New(), DossierRole.Perpetrator, PerpetratorRole.Recruiter, FacilitatorAwareness.Knowing, Facts.From(Municipality).Build()));
    }

    [Fact]
    public void Dossier_RemoveMember_TakesOnlyThatRole_AndNothingFromAClosedDossier()
    {
        var dossier = new Dossier(DossierId.New(), "DOS-2026-003", "Test", "GM0153", Municipality.Id, ExploitationForm.Labour, Facts.Now, new DateOnly(2031, 1, 1));
        var node = NodeId.New();
        dossier.AddMember(node, DossierRole.Perpetrator, PerpetratorRole.Recruiter, FacilitatorAwareness.Unknown, Facts.From(Municipality).Build());
        dossier.AddMember(node, DossierRole.Facilitator, PerpetratorRole.Unknown, FacilitatorAwareness.Knowing, Facts.From(Municipality).Build());
        var version = dossier.Version;

        dossier.RemoveMember(node, DossierRole.Perpetrator);
        Assert.Equal([DossierRole.Facilitator], dossier.Members.Select(m => m.Role));
        Assert.True(dossier.Version > version); // a concurrent edit of the same dossier notices
        Assert.Throws<DomainException>(() => dossier.RemoveMember(node, DossierRole.Perpetrator)); // not twice
        Assert.Throws<DomainException>(() => dossier.RemoveMember(NodeId.New(), DossierRole.Facilitator));

        dossier.RecordHistoricStep(DossierStage.Closed, "analist", "Afgerond.", Facts.Now);
        var closed = Assert.Throws<DomainException>(() => dossier.RemoveMember(node, DossierRole.Facilitator));
        Assert.Contains("gesloten", closed.Message);
        Assert.Single(dossier.Members);
    }

    [Fact]
    public void Dossier_StepWithoutReason_IsRefused_AndEveryStepIsRecorded()
    {
        var dossier = new Dossier(DossierId.New(), "DOS-2026-002", "Test", "GM0164", Municipality.Id, ExploitationForm.Labour, Facts.Now, new DateOnly(2031, 1, 1));
        var facts = WorkflowTests.NoFacts() with { Signals = 3 };
        Assert.Throws<DomainException>(() => dossier.MoveTo(DossierStage.DossierFormation, "analist", " ", Facts.Now, facts));
        dossier.MoveTo(DossierStage.DossierFormation, "analist", "Drie signalen over één adres.", Facts.Now, facts);
        dossier.MoveTo(DossierStage.Detection, "analist", "Terug: te weinig informatie.", Facts.Now.AddDays(1), facts);
        Assert.Equal([DossierStage.DossierFormation, DossierStage.Detection], dossier.StageChanges.Select(c => c.To));
        Assert.Equal("analist", dossier.StageChanges[1].By);
    }

    [Fact]
    public void Intervention_DeclinedThenReassigned_StartsAgainAsProposal()
    {
        var intervention = new Intervention(InterventionId.New(), DossierId.New(), InterventionType.Administrative, "Controle woning", "housing", PartnerId.New(), null);
        var first = intervention.AssignedPartnerId;
        Assert.Throws<DomainException>(() => intervention.Decline("", "politie", Facts.Now));
        intervention.Decline("Geen capaciteit.", "politie", Facts.Now);
        Assert.Throws<DomainException>(() => intervention.Reassign(first, "analist", Facts.Now)); // the same partner again
        var other = PartnerId.New();
        intervention.Reassign(other, "analist", Facts.Now.AddHours(1));
        Assert.Equal((InterventionStatus.Proposed, other, (string?)null), (intervention.Status, intervention.AssignedPartnerId, intervention.DeclineReason));
        Assert.Throws<DomainException>(() => intervention.Complete("klaar", "inspectie", Facts.Now)); // not accepted yet
        // The decline survives the reassignment: who declined, when, why, and to whom it went next.
        Assert.Equal(
            [(InterventionStatus.Proposed, InterventionStatus.Declined, first, "politie", (string?)"Geen capaciteit.", Facts.Now),
             (InterventionStatus.Declined, InterventionStatus.Proposed, other, "analist", (string?)null, Facts.Now.AddHours(1))],
            intervention.History.Select(h => (h.From, h.To, h.PartnerId, h.By, h.Note, h.At)));
    }

    [Fact]
    public void Partner_CovenantFollowsKind()
    {
        Assert.True(new Partner(PartnerId.New(), "OM", "OM", PartnerKind.PublicProsecutor).IsCovenant);
        Assert.False(new Partner(PartnerId.New(), "GGD", "GGD", PartnerKind.HealthService).IsCovenant);
        Assert.Throws<DomainException>(() => new Partner(PartnerId.New(), "GEM-X", "Gemeente X", PartnerKind.Municipality, "GM9999"));
    }

    [Fact]
    public void Partner_Contact_TooLongIsRefusedInDutch_AndRoutingSaysWhereRequestsGo()
    {
        var partner = new Partner(PartnerId.New(), "GGD", "GGD Twente", PartnerKind.HealthService);
        Assert.Null(partner.RoutingDescription);
        var e = Assert.Throws<DomainException>(() => partner.SetContact(new string('a', 201), null));
        Assert.Equal(("De naam van de contactpersoon is te lang (maximaal 200 tekens).", "ContactPerson"), (e.Message, e.Field));
        Assert.Throws<DomainException>(() => partner.SetContact(null, new string('a', 301)));
        Assert.Null(partner.ContactPerson); // a refused change leaves the old values

        partner.SetContact("  ", " Meldpunt zorg  ");
        Assert.Equal("Meldpunt zorg", partner.RoutingDescription);
        partner.SetContact("A. Bakker", "meldpunt@ggd.example");
        Assert.Equal("meldpunt@ggd.example (contactpersoon A. Bakker)", partner.RoutingDescription);
        partner.SetContact("A. Bakker", null);
        Assert.Equal("A. Bakker", partner.RoutingDescription);
    }
}
