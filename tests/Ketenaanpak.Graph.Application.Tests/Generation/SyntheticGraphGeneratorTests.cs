using Ketenaanpak.Graph.Application.Generation;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Application.Tests.Generation;

public sealed class SyntheticGraphGeneratorTests
{
    /// <summary>The relation types valid between two kinds, written out here independently of the generator's table.</summary>
    private static readonly Dictionary<RelationType, (NodeKind Source, NodeKind Target)[]> ValidEndpoints = new()
    {
        [RelationType.RegisteredAt] = [(NodeKind.Person, NodeKind.Address)],
        [RelationType.StaysAt] = [(NodeKind.Person, NodeKind.Address)],
        [RelationType.WorksAt] = [(NodeKind.Person, NodeKind.Company)],
        [RelationType.EmployedBy] = [(NodeKind.Person, NodeKind.Company)],
        [RelationType.DirectorOf] = [(NodeKind.Person, NodeKind.Company)],
        [RelationType.UsesPhone] = [(NodeKind.Person, NodeKind.Phone)],
        [RelationType.UsesAccount] = [(NodeKind.Person, NodeKind.BankAccount)],
        [RelationType.PaysTo] = [(NodeKind.Person, NodeKind.BankAccount), (NodeKind.BankAccount, NodeKind.BankAccount)],
        [RelationType.HoldsDocument] = [(NodeKind.Person, NodeKind.Document)],
        [RelationType.UsesVehicle] = [(NodeKind.Person, NodeKind.Vehicle)],
        [RelationType.AdvertisesVia] = [(NodeKind.OnlineAd, NodeKind.Phone)],
        [RelationType.OwnerOf] = [(NodeKind.Company, NodeKind.Address)],
        [RelationType.Associate] = [(NodeKind.Person, NodeKind.Person)],
        [RelationType.Family] = [(NodeKind.Person, NodeKind.Person)],
        [RelationType.Recruited] = [(NodeKind.Person, NodeKind.Person)],
        [RelationType.Exploits] = [(NodeKind.Person, NodeKind.Person)],
        [RelationType.Controls] = [(NodeKind.Person, NodeKind.Person)],
        [RelationType.Accompanies] = [(NodeKind.Person, NodeKind.Person)],
    };

    [Fact]
    public void Generate_SameSeedTwice_WritesIdenticalBytes()
    {
        var first = GeneratedGraph.Create(5_000, 20_000, seed: 42);
        var second = GeneratedGraph.Create(5_000, 20_000, seed: 42);

        Assert.Equal(first.NodesCsv, second.NodesCsv);
        Assert.Equal(first.EdgesCsv, second.EdgesCsv);
    }

    [Fact]
    public void Generate_OtherSeed_WritesOtherGraph()
    {
        var first = GeneratedGraph.Create(5_000, 20_000, seed: 42);
        var other = GeneratedGraph.Create(5_000, 20_000, seed: 43);

        Assert.NotEqual(first.NodesCsv, other.NodesCsv);
        Assert.NotEqual(first.EdgesCsv, other.EdgesCsv);
        var firstPairs = first.Edges.Select(e => (e.Source, e.Target)).ToHashSet();
        Assert.True(other.Edges.Count(e => firstPairs.Contains((e.Source, e.Target))) < other.Edges.Count / 2,
            "Another seed should give mostly other pairs, not the same graph reordered.");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(10, 25)]
    [InlineData(200, 150)]
    [InlineData(1_000, 5_000)]
    [InlineData(3_000, 300_000)]
    public void Generate_AnySize_WritesExactlyNNodesAndMEdges(long nodes, long edges)
    {
        var graph = GeneratedGraph.Create(nodes, edges, seed: 7);

        Assert.Equal(Enumerable.Range(0, (int)nodes).Select(i => (long)i), graph.Nodes.Select(n => n.Id));
        Assert.Equal(edges, graph.Edges.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(57)]
    public void Generate_EdgesAtTypedCapacity_WritesEveryTypedPair(long nodes)
    {
        var most = SyntheticGraphOptions.MaxTypedEdges(nodes);

        var graph = GeneratedGraph.Create(nodes, most, seed: 3);

        Assert.Equal(most, graph.Edges.Select(e => (Math.Min(e.Source, e.Target), Math.Max(e.Source, e.Target))).Distinct().Count());
    }

    [Theory]
    [InlineData(1_000, 5_000, 1)]
    [InlineData(3_000, 300_000, 2)]
    [InlineData(57, 900, 3)]
    public void Generate_AnyGraph_HasNoSelfLoopsAndNoRepeatedPairs(long nodes, long edges, long seed)
    {
        var graph = GeneratedGraph.Create(nodes, edges, seed);

        Assert.DoesNotContain(graph.Edges, e => e.Source == e.Target);
        var pairs = graph.Edges.Select(e => (Math.Min(e.Source, e.Target), Math.Max(e.Source, e.Target))).ToHashSet();
        Assert.Equal(graph.Edges.Count, pairs.Count);
        Assert.All(graph.Edges, e => Assert.InRange(e.Source, 0, nodes - 1));
        Assert.All(graph.Edges, e => Assert.InRange(e.Target, 0, nodes - 1));
    }

    [Theory]
    [InlineData(2_000, 10_000, 1)]
    [InlineData(57, 900, 3)]
    public void Generate_AnyGraph_EveryRelationTypeFitsItsEndpointKinds(long nodes, long edges, long seed)
    {
        var graph = GeneratedGraph.Create(nodes, edges, seed);

        Assert.All(graph.Edges, e =>
        {
            var kinds = (graph.Nodes[(int)e.Source].Kind, graph.Nodes[(int)e.Target].Kind);
            Assert.True(ValidEndpoints.TryGetValue(e.Type, out var valid) && valid.Contains(kinds), $"{e.Type} between {kinds}");
            Assert.InRange(e.Weight, 1, 9);
        });
    }

    [Fact]
    public void Generate_LargerGraph_UsesEveryKindAndRelationOfTheMix()
    {
        var graph = GeneratedGraph.Create(20_000, 100_000, seed: 5);

        var expected = new Dictionary<NodeKind, double>
        {
            [NodeKind.Person] = 0.55, [NodeKind.Address] = 0.15, [NodeKind.Company] = 0.08, [NodeKind.Phone] = 0.08,
            [NodeKind.BankAccount] = 0.06, [NodeKind.Document] = 0.04, [NodeKind.Vehicle] = 0.02, [NodeKind.OnlineAd] = 0.02,
        };
        foreach (var (kind, share) in expected)
            Assert.InRange(graph.Nodes.Count(n => n.Kind == kind), share * 20_000 - 1, share * 20_000 + 1);
        Assert.Equal(ValidEndpoints.Keys.OrderBy(t => t), graph.Edges.Select(e => e.Type).Distinct().OrderBy(t => t));
    }

    [Fact]
    public void Generate_Labels_LookLikeCaptionsAndSurviveQuoting()
    {
        var graph = GeneratedGraph.Create(2_000, 4_000, seed: 9);

        Assert.All(graph.Nodes.Where(n => n.Kind == NodeKind.Person), n => Assert.Equal($"Persoon {n.Id}", n.Label));
        // "Adres 7511 AB 12": the postcode part must pass the domain's own postcode rules.
        Assert.All(graph.Nodes.Where(n => n.Kind == NodeKind.Address), n =>
            Assert.True(Postcode.TryParse(n.Label.Split(' ')[1] + " " + n.Label.Split(' ')[2], out _, out var error), $"{n.Label}: {error}"));
        Assert.All(graph.Nodes.Where(n => n.Kind == NodeKind.OnlineAd), n =>
            Assert.Equal($"Online advertentie {n.Id}: \"Nieuw in de stad, discreet\"", n.Label));
        Assert.Contains("\"Online advertentie ", graph.NodesCsv);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generate_LargerGraph_DegreesAreHeavyTailed(long seed)
    {
        var graph = GeneratedGraph.Create(20_000, 100_000, seed);

        var tail = DegreeTail.Of(graph.Degrees());

        Assert.True(tail.IsHeavy, tail.ToString());
    }

    [Fact]
    public void DegreeTail_UniformRandomGraphOfSameSize_IsNotHeavy()
    {
        // The check above must be able to fail: G(n, m) with the same n and m has Poisson degrees.
        var random = new Random(1);
        var degrees = new long[20_000];
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < 100_000)
        {
            int u = random.Next(20_000), v = random.Next(20_000);
            if (u != v && pairs.Add((Math.Min(u, v), Math.Max(u, v)))) { degrees[u]++; degrees[v]++; }
        }

        var tail = DegreeTail.Of(degrees);

        Assert.False(tail.IsHeavy, tail.ToString());
    }

    [Fact]
    public void Generate_EdgesFileReadWithPeersRules_GivesTheSameGraph()
    {
        var graph = GeneratedGraph.Create(5_000, 25_000, seed: 11);

        var (n, m) = PeersEdgeListReader.Read(graph.EdgesCsv);

        Assert.Equal(25_000, m);
        Assert.Equal(graph.Degrees().Count(d => d > 0), n);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 0)]
    [InlineData(10, 46)]
    [InlineData(10, 41)]
    [InlineData(100_000_001, 1)]
    public void Generate_ImpossibleSizes_ThrowsBeforeWriting(long nodes, long edges)
    {
        var nodesText = new StringWriter();

        Assert.Throws<ArgumentException>(() =>
            SyntheticGraphGenerator.Generate(new SyntheticGraphOptions(nodes, edges, 1), nodesText, new StringWriter()));
        Assert.Equal("", nodesText.ToString());
    }

    [Fact]
    public void MaxTypedEdges_TenNodes_IsBelowTheSimpleGraphBound()
    {
        Assert.Equal(45, SyntheticGraphOptions.MaxSimpleEdges(10));
        Assert.Equal(40, SyntheticGraphOptions.MaxTypedEdges(10));
    }
}
