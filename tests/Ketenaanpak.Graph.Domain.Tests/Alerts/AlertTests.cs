using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Tests.Alerts;

public sealed class AlertTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static Alert NewAlert(out NodeId trigger, out NodeId other, out RelationId relation)
    {
        trigger = NodeId.New();
        other = NodeId.New();
        relation = RelationId.New();
        return new Alert(Guid.NewGuid(), AlertRuleKind.AddressRegistrations, $"AddressRegistrations:{trigger}", "3 personen", [trigger], [other], [relation], null, null, null, At);
    }

    [Fact]
    public void Dismiss_WithoutReason_IsRefusedInDutch_AndChangesNothing()
    {
        var alert = NewAlert(out _, out _, out _);
        var e = Assert.Throws<DomainException>(() => alert.ChangeStatus(AlertStatus.Dismissed, "analist", "  ", At));
        Assert.Equal("Geef een reden waarom deze signalering wordt afgewezen.", e.Message);
        Assert.Equal(AlertStatus.New, alert.Status);
        Assert.Single(alert.History);
    }

    [Fact]
    public void StatusFlow_RecordsWhoWhenWhy()
    {
        var alert = NewAlert(out _, out _, out _);
        alert.ChangeStatus(AlertStatus.InReview, "analist", null, At.AddHours(1));
        alert.ChangeStatus(AlertStatus.Dismissed, "analist", "Studentenhuis, bekend bij de gemeente.", At.AddHours(2));
        Assert.Equal("Studentenhuis, bekend bij de gemeente.", alert.DismissReason);
        Assert.Throws<DomainException>(() => alert.ChangeStatus(AlertStatus.InReview, "analist", null, At.AddHours(3))); // reopening needs a reason
        alert.ChangeStatus(AlertStatus.InReview, "coordinator", "Nieuwe melding over dit adres.", At.AddHours(3));
        Assert.Null(alert.DismissReason);
        Assert.Equal(4, alert.History.Count);
        Assert.Equal((AlertStatus.Dismissed, AlertStatus.InReview, "coordinator"), (alert.History[3].From!.Value, alert.History[3].To, alert.History[3].By));
        var e = Assert.Throws<DomainException>(() => alert.ChangeStatus(AlertStatus.AddedToDossier, "analist", null, At));
        Assert.Contains("Toevoegen aan dossier", e.Message);
    }

    [Fact]
    public void AddedToDossier_ClosesTheAlert()
    {
        var alert = NewAlert(out _, out _, out _);
        alert.MarkAddedToDossier("DOS-2025-001", "analist", At);
        Assert.False(alert.IsOpen);
        Assert.Throws<DomainException>(() => alert.ChangeStatus(AlertStatus.New, "analist", "x", At));
        Assert.Throws<DomainException>(() => alert.MarkAddedToDossier("DOS-2025-002", "analist", At));
    }

    [Fact]
    public void Refire_SameSituation_IsUnchanged_AGrownOneReplacesTheSubgraph()
    {
        var alert = NewAlert(out var trigger, out var other, out var relation);
        Assert.False(alert.Refire("3 personen", [trigger], [other], [relation], At.AddDays(1)));
        Assert.Equal(At.AddDays(1), alert.LastFiredAt);
        Assert.Equal(At, alert.FirstFiredAt);
        var third = NodeId.New();
        Assert.True(alert.Refire("4 personen", [trigger], [other, third], [relation, RelationId.New()], At.AddDays(2)));
        Assert.Equal(3, alert.Nodes.Count);
        Assert.Equal(2, alert.Relations.Count);
        Assert.Equal([trigger], alert.TriggerNodes);
    }

    [Fact]
    public void CaseMeeting_IsRequestedOnce()
    {
        var alert = NewAlert(out _, out _, out _);
        alert.RequestCaseMeeting("analist", "Slachtoffer in acuut gevaar", At);
        Assert.Equal(At, alert.CaseMeetingRequestedAt);
        Assert.Contains("Ad-hoc casusoverleg aangevraagd", alert.History[^1].Note);
        Assert.Throws<DomainException>(() => alert.RequestCaseMeeting("analist", null, At));
    }

    [Theory]
    [InlineData(AlertRuleKind.AddressRegistrations, 1, 365, "De drempel moet tussen 2 en 10000 liggen.")]
    [InlineData(AlertRuleKind.AddressRegistrations, 6, null, "Vul een periode in dagen in.")]
    [InlineData(AlertRuleKind.AddressRegistrations, 6, 0, "De periode moet tussen 1 en 3650 dagen liggen.")]
    [InlineData(AlertRuleKind.PhoneInAds, 3, 30, "Deze regel telt zonder periode; laat de periode leeg.")]
    [InlineData(AlertRuleKind.CompanyInDossiers, 1, null, "De drempel moet tussen 2 en 10000 liggen.")]
    public void Rule_OutOfRange_IsRefusedInDutch(AlertRuleKind kind, int threshold, int? window, string message)
    {
        var rule = AlertRule.Seeded(kind, At);
        var e = Assert.Throws<DomainException>(() => rule.Configure(threshold, window, true, "beheerder", At));
        Assert.Equal(message, e.Message);
        Assert.Equal(kind.Default().Threshold, rule.Threshold);
    }
}
