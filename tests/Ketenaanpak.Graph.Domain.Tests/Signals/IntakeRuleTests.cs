using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Domain.Tests.Signals;

public sealed class IntakeRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PartnerKind.Police, LegalBasis.PoliceDataAct, true)]
    [InlineData(PartnerKind.RoyalMarechaussee, LegalBasis.PoliceDataAct, true)]
    [InlineData(PartnerKind.Municipality, LegalBasis.PoliceDataAct, false)]
    [InlineData(PartnerKind.HealthService, LegalBasis.PoliceDataAct, false)]
    [InlineData(PartnerKind.PublicProsecutor, LegalBasis.JusticeDataAct, true)]
    [InlineData(PartnerKind.Police, LegalBasis.JusticeDataAct, false)]
    [InlineData(PartnerKind.Municipality, LegalBasis.Covenant, true)]
    [InlineData(PartnerKind.HealthService, LegalBasis.Covenant, false)]
    [InlineData(PartnerKind.Shelter, LegalBasis.Consent, true)]
    [InlineData(PartnerKind.HousingCorporation, LegalBasis.GdprPublicTask, true)]
    public void MayClaim_LegalBasisPerPartnerKind_FollowsTheDataActs(PartnerKind kind, LegalBasis basis, bool allowed) =>
        Assert.Equal(allowed, kind.MayClaim(basis));

    [Fact]
    public void DefaultLegalBasis_EveryPartnerKind_IsOneItMayClaim()
    {
        foreach (var kind in Enum.GetValues<PartnerKind>())
            Assert.True(kind.MayClaim(kind.DefaultLegalBasis()), kind.ToString());
    }

    [Fact]
    public void CheckObservedOn_FutureOrTooOld_IsRefusedInDutch_TodayIsFine()
    {
        var today = new DateOnly(2026, 11, 28);
        Assert.Null(IntakeRules.CheckObservedOn(today, today));
        Assert.Null(IntakeRules.CheckObservedOn(today.AddYears(-IntakeRules.MaxObservationAgeYears), today));
        Assert.Equal("De datum van de waarneming ligt in de toekomst.", IntakeRules.CheckObservedOn(today.AddDays(1), today));
        Assert.Contains("meer dan 10 jaar oud", IntakeRules.CheckObservedOn(today.AddYears(-10).AddDays(-1), today));
    }

    [Fact]
    public void SignalDraft_ReplaceAndOwner_KeepContentAndRefuseOversizedContent()
    {
        var draft = new SignalDraft(SignalId.New(), "user-1", PartnerId.New(), "{}", Now);
        Assert.True(draft.IsOwnedBy("user-1"));
        Assert.False(draft.IsOwnedBy("user-2"));
        draft.Replace("{\"note\":\"x\"}", Now.AddMinutes(5));
        Assert.Equal("{\"note\":\"x\"}", draft.Content);
        Assert.Equal(Now.AddMinutes(5), draft.UpdatedAt);
        var e = Assert.Throws<DomainException>(() => draft.Replace(new string('x', SignalDraft.MaxContentLength + 1), Now.AddMinutes(6)));
        Assert.Contains("te groot", e.Message);
        Assert.Equal("{\"note\":\"x\"}", draft.Content);
        Assert.Throws<DomainException>(() => new SignalDraft(SignalId.New(), " ", PartnerId.New(), "{}", Now));
        Assert.Throws<DomainException>(() => new SignalDraft(SignalId.New(), "user-1", default, "{}", Now));
    }

    [Fact]
    public void Signal_ReporterAccount_IsRecordedWhileDraft_AndFrozenAfterSubmission()
    {
        var provenance = new Provenance.Provenance(PartnerId.New(), null, null, Now.AddDays(-1), Now, Grading.Default, LegalBasis.GdprPublicTask,
            HandlingCode.Chain, new DateOnly(2031, 11, 28));
        var signal = new Signal(SignalId.New(), "SIG-2026-0001", "Baliemedewerker", new DateOnly(2026, 11, 27), "GM0153", ExploitationForm.Unknown,
            Sector.Unknown, null, urgent: true, provenance);
        signal.RecordReporterAccount("user-1");
        signal.Submit(Now);
        Assert.Equal("user-1", signal.ReporterUserId);
        Assert.True(signal.Urgent);
        var e = Assert.Throws<DomainException>(() => signal.RecordReporterAccount("user-2"));
        Assert.Contains("kan niet meer worden gewijzigd", e.Message);
        Assert.Throws<DomainException>(() => signal.AddIndicator("BRP.01"));
    }
}
