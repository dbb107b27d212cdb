using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ketenaanpak.Graph.Integration.Tests.Demo;

public sealed class DemoRegionGeneratorTests
{
    private static readonly DemoRegion Region = TwenteDemoGenerator.Generate(2014);

    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameRegion()
    {
        var again = TwenteDemoGenerator.Generate(2014);
        Assert.Equal(Region.Nodes.Select(n => (n.Id, n.Caption, n.ExactKey)), again.Nodes.Select(n => (n.Id, n.Caption, n.ExactKey)));
        Assert.Equal(Region.Signals.Select(s => (s.Number, s.ObservedOn)), again.Signals.Select(s => (s.Number, s.ObservedOn)));
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherPeople()
    {
        var other = TwenteDemoGenerator.Generate(7);
        Assert.NotEqual(Region.Nodes.Where(n => n.Kind == NodeKind.Person).Select(n => n.Caption), other.Nodes.Where(n => n.Kind == NodeKind.Person).Select(n => n.Caption));
    }

    [Fact]
    public void Generate_Partners_AreThe14TwenteMunicipalitiesAndTheCovenantAndOtherPartners()
    {
        var municipalities = Region.Partners.Where(p => p.Kind == PartnerKind.Municipality).Select(p => Municipality.NameOf(p.MunicipalityCode)).Order().ToList();
        Assert.Equal(new[] { "Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo", "Hof van Twente", "Losser",
            "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden" }, municipalities);
        Assert.Contains(Region.Partners, p => p.Kind == PartnerKind.PublicProsecutor && p.IsCovenant);
        Assert.Contains(Region.Partners, p => p.Kind == PartnerKind.HealthService && !p.IsCovenant);
        Assert.All(Region.Partners, p => Assert.False(string.IsNullOrEmpty(p.ContactPerson)));
    }

    [Fact]
    public void Generate_Signals_AboutThreeHundredOverThreeYears()
    {
        Assert.InRange(Region.Signals.Count, 270, 330);
        Assert.All(Region.Signals, s => Assert.InRange(s.ObservedOn, TwenteDemoGenerator.PeriodStart, TwenteDemoGenerator.PeriodEnd));
        Assert.Equal(3, Region.Signals.Select(s => s.ObservedOn.Year).Distinct().Count(y => Region.Signals.Count(s => s.ObservedOn.Year == y) > 50));
        Assert.Equal(Region.Signals.Count, Region.Signals.Select(s => s.Number).Distinct().Count());
    }

    [Fact]
    public void Generate_AnAddressWith14Registrations_AndOneCompanionBringingThemAll()
    {
        var registrations = Region.Relations.Where(r => r.Type == RelationType.RegisteredAt).GroupBy(r => r.TargetId).MaxBy(g => g.Count())!;
        Assert.True(registrations.Count() >= 14, $"most registrations at one address: {registrations.Count()}");
        var registered = registrations.Select(r => r.SourceId).ToHashSet();
        var companion = Region.Relations.Where(r => r.Type == RelationType.Accompanies).GroupBy(r => r.SourceId).MaxBy(g => g.Count())!;
        Assert.True(companion.Select(r => r.TargetId).Distinct().Count(registered.Contains) >= 14);
        Assert.Contains(Region.Relations, r => r.Type == RelationType.HoldsOthersDocument && r.SourceId == companion.Key);
    }

    [Fact]
    public void Generate_EscortAds_ShareOnePhone()
    {
        var ads = Region.Nodes.Where(n => n.Kind == NodeKind.OnlineAd).Select(n => n.Id).ToHashSet();
        var phones = Region.Nodes.Where(n => n.Kind == NodeKind.Phone).Select(n => n.Id).ToHashSet();
        var busiest = Region.Relations.Where(r => r.Type == RelationType.AdvertisesVia && ads.Contains(r.SourceId) && phones.Contains(r.TargetId))
            .GroupBy(r => r.TargetId).Max(g => g.Select(r => r.SourceId).Distinct().Count());
        Assert.True(busiest >= 3);
    }

    [Fact]
    public void Generate_RolesArePerDossier_AVictimLaterRecruits()
    {
        var members = Region.Dossiers.SelectMany(d => d.Members).ToList();
        Assert.Contains(members, victim => victim.Role == DossierRole.Victim &&
            members.Any(m => m.NodeId == victim.NodeId && m.DossierId != victim.DossierId && m.PerpetratorRole == PerpetratorRole.Recruiter));
    }

    [Fact]
    public void Generate_Dossiers_CoverTheCasesOfTheIssue()
    {
        Assert.InRange(Region.Dossiers.Count, 12, 14);
        var titles = string.Join(" | ", Region.Dossiers.Select(d => d.Title));
        foreach (var word in new[] { "Champignon", "Vakantiepark", "Hennep", "Huisjesmelker", "veertien inschrijvingen", "Ronselen" })
            Assert.Contains(word, titles, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Region.Dossiers.SelectMany(d => d.Members).Where(m => m.Role == DossierRole.Facilitator).GroupBy(m => m.NodeId),
            g => g.Select(m => m.DossierId).Distinct().Count() >= 2); // the rogue agency recurs
        Assert.True(Region.Dossiers.Select(d => d.Stage).Distinct().Count() >= 5, "dossiers should be spread over the chain steps");
    }

    [Fact]
    public void Generate_EveryFact_IsMarkedFictionalInItsProvenance()
    {
        Assert.All(Region.Nodes, n => Assert.Equal(DemoRegionLoader.SourceReference, n.Provenance.SourceReference));
        Assert.All(Region.Relations, r => Assert.Equal(DemoRegionLoader.SourceReference, r.Provenance.SourceReference));
    }
}

public abstract class DemoRegionLoaderTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    [Fact]
    public async Task LoadIfEmpty_EmptyStore_StoresTheWholeRegionOnce()
    {
        var region = TwenteDemoGenerator.Generate(11);
        await using (var db = store.NewContext())
            Assert.True(await new DemoRegionLoader(db, NullLogger<DemoRegionLoader>.Instance).LoadIfEmptyAsync(11));
        await using (var db = store.NewContext())
            Assert.False(await new DemoRegionLoader(db, NullLogger<DemoRegionLoader>.Instance).LoadIfEmptyAsync(11));

        await using var read = store.NewContext();
        Assert.Equal(region.Nodes.Count, await read.Nodes.CountAsync());
        Assert.Equal(region.Relations.Count, await read.Relations.CountAsync());
        Assert.Equal(region.Signals.Count, await read.Signals.CountAsync());
        Assert.Equal(region.Dossiers.Count, await read.Dossiers.CountAsync());
        Assert.Equal(region.Nodes.Sum(n => n.Statements.Count), await read.Statements.CountAsync());
        Assert.Equal(region.Dossiers.Sum(d => d.Members.Count), await read.DossierMembers.CountAsync());
        Assert.Equal(region.Signals.Sum(s => s.Indicators.Count), await read.SignalIndicators.CountAsync());
    }
}

public sealed class SqliteDemoRegionLoaderTests(SqliteTestStore store) : DemoRegionLoaderTests<SqliteTestStore>(store);

public sealed class PostgreSqlDemoRegionLoaderTests(PostgreSqlTestStore store) : DemoRegionLoaderTests<PostgreSqlTestStore>(store);
