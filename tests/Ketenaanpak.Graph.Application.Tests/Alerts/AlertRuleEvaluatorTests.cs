using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Tests.Alerts;

/// <summary>
/// The signal-card rules on small hand-made graphs whose answers are counted by hand: exactly at the threshold N fires,
/// N − 1 does not; a window of W days includes events W days apart and excludes W + 1.
/// </summary>
public sealed class AlertRuleEvaluatorTests
{
    private static readonly DateOnly Day0 = new(2025, 3, 1);
    private static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>A tiny graph builder: nodes by kind, relations with a date.</summary>
    private sealed class G
    {
        public readonly Dictionary<NodeId, NodeFact> Nodes = new();
        public readonly List<RelationFact> Relations = [];
        public readonly List<MembershipFact> Members = [];
        public readonly List<SignalFact> Signals = [];

        public NodeId N(NodeKind kind) { var id = NodeId.New(); Nodes[id] = new NodeFact(id, kind); return id; }
        public RelationId R(RelationType type, NodeId from, NodeId to, int day = 0)
        {
            var id = RelationId.New();
            Relations.Add(new RelationFact(id, type, from, to, Day0.AddDays(day)));
            return id;
        }
        public AlertGraphData Data => new(Nodes, Relations, Members, Signals);
    }

    private static IReadOnlyList<AlertFinding> Run(G g, AlertRuleKind kind, int threshold, int? window = null) =>
        AlertRuleEvaluator.Evaluate(g.Data, [new RuleSetting(kind, threshold, window)], Today);

    [Theory]
    [InlineData(new[] { 0, 5, 10 }, 3, 10, true)]   // first and last exactly W days apart: inside
    [InlineData(new[] { 0, 5, 11 }, 3, 10, false)]  // W + 1 days apart: at most two in any window
    [InlineData(new[] { 0, 1 }, 3, 365, false)]     // N − 1 persons
    [InlineData(new[] { 0, 1, 2 }, 3, 365, true)]   // exactly N
    [InlineData(new[] { 0, 40, 45, 50, 200 }, 3, 10, true)] // a burst inside a longer history still shows
    public void AddressRegistrations_CountsDistinctPersonsInTheBestWindow(int[] days, int threshold, int window, bool fires)
    {
        var g = new G();
        var address = g.N(NodeKind.Address);
        foreach (var day in days) g.R(RelationType.RegisteredAt, g.N(NodeKind.Person), address, day);
        var found = Run(g, AlertRuleKind.AddressRegistrations, threshold, window);
        Assert.Equal(fires, found.Count == 1);
        if (fires) Assert.Equal([address], found[0].Triggers);
    }

    [Fact]
    public void AddressRegistrations_SamePersonTwice_CountsOnce_AndTheSubgraphHoldsTheWindowOnly()
    {
        var g = new G();
        var address = g.N(NodeKind.Address);
        var a = g.N(NodeKind.Person);
        var b = g.N(NodeKind.Person);
        var early = g.R(RelationType.RegisteredAt, g.N(NodeKind.Person), address, 0);
        var r1 = g.R(RelationType.RegisteredAt, a, address, 100);
        var r2 = g.R(RelationType.RegisteredAt, a, address, 101);
        var r3 = g.R(RelationType.RegisteredAt, b, address, 102);
        Assert.Empty(Run(g, AlertRuleKind.AddressRegistrations, 3, 10)); // a, a, b: two persons in the window
        var c = g.N(NodeKind.Person);
        var r4 = g.R(RelationType.RegisteredAt, c, address, 103);
        var finding = Assert.Single(Run(g, AlertRuleKind.AddressRegistrations, 3, 10));
        Assert.Equal(new HashSet<RelationId> { r1, r2, r3, r4 }, finding.Relations.ToHashSet());
        Assert.DoesNotContain(early, finding.Relations);
        Assert.Equal(new HashSet<NodeId> { a, b, c }, finding.Nodes.ToHashSet());
        Assert.StartsWith("3 personen ingeschreven op één adres binnen 3 dagen", finding.Summary);
    }

    [Fact]
    public void AddressRegistrations_IgnoresRegistrationsAtSomethingThatIsNoAddress()
    {
        var g = new G();
        var company = g.N(NodeKind.Company);
        for (var i = 0; i < 5; i++) g.R(RelationType.RegisteredAt, g.N(NodeKind.Person), company, i);
        Assert.Empty(Run(g, AlertRuleKind.AddressRegistrations, 3, 365));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void CompanionRegistrations_FiresAtNDifferentRegisteredPersons(int accompanied, bool fires)
    {
        var g = new G();
        var companion = g.N(NodeKind.Person);
        var address = g.N(NodeKind.Address);
        for (var i = 0; i < accompanied; i++)
        {
            var p = g.N(NodeKind.Person);
            g.R(RelationType.RegisteredAt, p, address, i * 20);
            g.R(RelationType.Accompanies, companion, p, i * 20);
        }
        // Someone accompanied who never registered does not count.
        g.R(RelationType.Accompanies, companion, g.N(NodeKind.Person), 5);
        var found = Run(g, AlertRuleKind.CompanionRegistrations, 3, 365);
        Assert.Equal(fires, found.Count == 1);
        if (fires)
        {
            Assert.Equal([companion], found[0].Triggers);
            Assert.Contains(address, found[0].Nodes);
            Assert.Equal(6, found[0].Relations.Count); // three accompaniments and three registrations
        }
    }

    [Fact]
    public void CompanionRegistrations_WindowEdge()
    {
        var g = new G();
        var companion = g.N(NodeKind.Person);
        var address = g.N(NodeKind.Address);
        foreach (var day in new[] { 0, 15, 30 })
        {
            var p = g.N(NodeKind.Person);
            g.R(RelationType.RegisteredAt, p, address, day);
            g.R(RelationType.Accompanies, companion, p, day);
        }
        Assert.Single(Run(g, AlertRuleKind.CompanionRegistrations, 3, 30));
        Assert.Empty(Run(g, AlertRuleKind.CompanionRegistrations, 3, 29));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void PhoneInAds_CountsDistinctAdsLinkedEitherWay(int ads, bool fires)
    {
        var g = new G();
        var phone = g.N(NodeKind.Phone);
        for (var i = 0; i < ads; i++)
        {
            var ad = g.N(NodeKind.OnlineAd);
            if (i % 2 == 0) g.R(RelationType.AdvertisesVia, ad, phone); else g.R(RelationType.UsesPhone, phone, ad);
        }
        // A person who uses the phone and a second link to an ad already counted add nothing.
        g.R(RelationType.UsesPhone, g.N(NodeKind.Person), phone);
        if (ads > 0) g.R(RelationType.AdvertisesVia, g.Relations.First(r => r.Type == RelationType.AdvertisesVia).Source, phone);
        var found = Run(g, AlertRuleKind.PhoneInAds, 3);
        Assert.Equal(fires, found.Count == 1);
        if (fires) Assert.Equal("Eén telefoonnummer in 3 advertenties", found[0].Summary);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void AccountPersons_CountsPayersPayeesAndHoldersOfCounterpartAccounts(bool third, bool fires)
    {
        var g = new G();
        var account = g.N(NodeKind.BankAccount);
        g.R(RelationType.PaysTo, g.N(NodeKind.Person), account);   // a tenant pays rent in
        g.R(RelationType.PaysTo, account, g.N(NodeKind.Person));   // a worker is paid out
        g.R(RelationType.PaysTo, g.N(NodeKind.Company), account);  // a company is not a person
        if (third)
        {
            var own = g.N(NodeKind.BankAccount);
            g.R(RelationType.UsesAccount, g.N(NodeKind.Person), own);
            g.R(RelationType.PaysTo, own, account);                  // a person paying from their own account
        }
        var found = Run(g, AlertRuleKind.AccountPersons, 3);
        Assert.Equal(fires, found.Count == 1);
        if (fires) Assert.Equal([account], found[0].Triggers);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void CompanyInDossiers_FiresAtTwoDossiers(int dossiers, bool fires)
    {
        var g = new G();
        var company = g.N(NodeKind.Company);
        var person = g.N(NodeKind.Person);
        for (var i = 0; i < dossiers; i++)
        {
            var d = DossierId.New();
            g.Members.Add(new MembershipFact(d, company, Open: i == 0));
            g.Members.Add(new MembershipFact(d, company, Open: i == 0)); // in two roles: still one dossier
            g.Members.Add(new MembershipFact(d, person, true));
        }
        var found = Run(g, AlertRuleKind.CompanyInDossiers, 2);
        Assert.Equal(fires, found.Count == 1);
        if (fires) Assert.Equal([company], found[0].Triggers);
    }

    [Theory]
    [InlineData(30, true)]   // submitted exactly W days ago
    [InlineData(31, false)]  // W + 1 days ago
    public void SignalTouchesOpenDossier_WindowEdge(int daysAgo, bool fires)
    {
        var g = new G();
        var address = g.N(NodeKind.Address);
        var open = DossierId.New();
        g.Members.Add(new MembershipFact(open, address, true));
        g.Signals.Add(new SignalFact(SignalId.New(), "SIG-1", Today.AddDays(-daysAgo), [address], []));
        var found = Run(g, AlertRuleKind.SignalTouchesOpenDossier, 1, 30);
        Assert.Equal(fires, found.Count == 1);
        if (fires) Assert.Equal(open, found[0].Dossier);
    }

    [Fact]
    public void SignalTouchesOpenDossier_NotForClosedDossiers_NorDossiersTheSignalIsAlreadIn()
    {
        var g = new G();
        var a = g.N(NodeKind.Person);
        var b = g.N(NodeKind.Address);
        var closed = DossierId.New();
        var already = DossierId.New();
        var other = DossierId.New();
        g.Members.Add(new MembershipFact(closed, a, false));
        g.Members.Add(new MembershipFact(already, a, true));
        g.Members.Add(new MembershipFact(other, a, true));
        g.Members.Add(new MembershipFact(other, b, true));
        var signal = SignalId.New();
        g.Signals.Add(new SignalFact(signal, "SIG-2", Today, [a, b], [already]));
        var finding = Assert.Single(Run(g, AlertRuleKind.SignalTouchesOpenDossier, 1, 30));
        Assert.Equal(other, finding.Dossier);
        Assert.Equal(new HashSet<NodeId> { a, b }, finding.Triggers.ToHashSet());
        Assert.Equal($"SignalTouchesOpenDossier:{signal}:{other}", finding.Key);
    }
}
