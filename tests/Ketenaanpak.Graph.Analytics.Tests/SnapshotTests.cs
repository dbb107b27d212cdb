using Ketenaanpak.Graph.TestKit;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Analytics.Tests;

public sealed class SnapshotTests
{
    private static GraphSnapshot Sample(long version = 1)
    {
        var b = new SnapshotBuilder();
        var dossierA = new Dictionary<string, NodeRole> { ["A"] = NodeRole.Perpetrator };
        b.AddNode(new SnapshotNode("p", "Piet", NodeKind.Person, NodeRole.Perpetrator, DossierRoles: dossierA));
        b.AddNode(new SnapshotNode("v", "Vera", NodeKind.Person, NodeRole.Victim,
            DossierRoles: new Dictionary<string, NodeRole> { ["A"] = NodeRole.Victim, ["B"] = NodeRole.Perpetrator }));
        b.AddNode(new SnapshotNode("addr", "Hoofdstraat 1", NodeKind.Address, NodeRole.Facilitator, Cuttable: true,
            DossierRoles: new Dictionary<string, NodeRole> { ["A"] = NodeRole.Facilitator },
            Properties: new Dictionary<string, string> { ["partner"] = "politie" }));
        b.AddNode(new SnapshotNode("bv", "Uitzend BV", NodeKind.Company, NodeRole.Facilitator, Cuttable: true));
        b.AddEdge("p", "addr", RelationType.OwnerOf, validFrom: new DateOnly(2020, 1, 1), validTo: new DateOnly(2020, 12, 31));
        b.AddEdge("addr", "v", RelationType.LetsTo, validFrom: new DateOnly(2021, 1, 1));
        b.AddEdge("bv", "v", RelationType.PlacedByAgency);
        b.AddEdge("p", "bv", RelationType.DirectorOf);
        b.AddEdge("bv", "p", RelationType.PaysTo, weight: 3);
        return b.Build(version);
    }

    [Fact]
    public void Build_TwoEdgesBetweenSamePair_UndirectedViewMergesAndSumsWeights()
    {
        var s = Sample();
        Assert.Equal(4, s.NodeCount);
        Assert.Equal(5, s.EdgeCount);
        Assert.Equal(4, s.Undirected.EdgeCount);
        int p = s.IndexOf("p")!.Value, bv = s.IndexOf("bv")!.Value;
        var nb = s.Undirected.Neighbors(p).ToArray();
        int at = Array.IndexOf(nb, bv);
        Assert.Equal(4.0, s.Undirected.NeighborWeights(p)[at]);
        Assert.Equal(2, s.Out.Degree(p));
        Assert.Equal(1, s.In.Degree(p));
    }

    [Fact]
    public void Filter_NodeKindPerson_KeepsPersonsAndMapsToParentIds()
    {
        var s = Sample();
        var view = s.Filter(new SnapshotFilter { NodeKinds = new HashSet<NodeKind> { NodeKind.Person } });
        Assert.Equal(["p", "v"], view.Nodes.Select(n => n.Key));
        Assert.Equal(0, view.EdgeCount);
        Assert.Equal(s.IndexOf("v"), view.ParentId(view.IndexOf("v")!.Value));
        Assert.Same(s, view.Parent);
    }

    [Fact]
    public void Filter_DateWindow2021_DropsEdgesThatEndedBefore()
    {
        var view = Sample().Filter(new SnapshotFilter { From = new DateOnly(2021, 6, 1), To = new DateOnly(2021, 6, 30) });
        Assert.DoesNotContain(Enumerable.Range(0, view.EdgeCount), e => view.Edge(e).Type == RelationType.OwnerOf);
        Assert.Contains(Enumerable.Range(0, view.EdgeCount), e => view.Edge(e).Type == RelationType.LetsTo);
    }

    [Fact]
    public void Filter_DossierB_UsesRolesOfThatDossier()
    {
        var view = Sample().Filter(new SnapshotFilter { Dossier = "B" });
        var v = Assert.Single(view.Nodes);
        Assert.Equal(NodeRole.Perpetrator, v.Roles);
    }

    [Fact]
    public void Filter_VisibilityPredicates_HideNodesAndEdges()
    {
        var view = Sample().Filter(new SnapshotFilter
        {
            NodeVisible = n => n.Properties?.GetValueOrDefault("partner") != "politie",
            EdgeVisible = (e, _, _) => e.Type != RelationType.PaysTo,
            RelationTypes = new HashSet<RelationType> { RelationType.PlacedByAgency, RelationType.DirectorOf, RelationType.PaysTo },
        });
        Assert.Null(view.IndexOf("addr"));
        Assert.Equal(2, view.EdgeCount);
    }

    [Fact]
    public void TryPublish_OlderVersion_IsIgnored()
    {
        var holder = new SnapshotHolder(new SnapshotBuilder().Build(0));
        Assert.True(holder.TryPublish(Sample(5)));
        Assert.False(holder.TryPublish(Sample(4)));
        Assert.Equal(5, holder.Current.Version);
    }

    [Fact]
    public void TryPublish_ConcurrentPublishers_EndsWithNewestVersion()
    {
        var holder = new SnapshotHolder(new SnapshotBuilder().Build(0));
        var snapshots = Enumerable.Range(1, 200).Select(v => Sample(v)).ToArray();
        Parallel.ForEach(snapshots, s => holder.TryPublish(s));
        Assert.Equal(200, holder.Current.Version);
    }

    [Fact]
    public void Read_BomCrHeaderDuplicatesAndSelfLoops_FollowsPeersRules()
    {
        var text = "\uFEFFsource target\r# note\r1,2\r2 1\r\n3\t3\r\n2 10 5\n";
        var d = EdgeListReader.Read(new StringReader(text));
        Assert.Equal(["1", "2", "10"], d.Names);
        Assert.Equal(2, d.EdgeCount);
        Assert.Contains(d.Notes, n => n.Contains("duplicate", StringComparison.Ordinal));
        Assert.Equal(5.0, d.Weights[1]);
    }

    [Fact]
    public void ReadAdjacency_CaviarNonSymmetricMatrix_UnionSumsWeights()
    {
        var d = ReferenceNetworks.Load("caviar");
        Assert.Equal(110, d.NodeCount);
        Assert.Equal(205, d.EdgeCount);
        // n1–n2: the matrix holds 52 (row 1) and 29 (row 2), so the undirected tie weighs 81.
        var g = d.ToCsr();
        int a = d.Names.ToList().IndexOf("1"), b = d.Names.ToList().IndexOf("2");
        Assert.Equal(81.0, g.NeighborWeights(a)[g.Neighbors(a).IndexOf(b)]);
    }

    [Fact]
    public void ReadAdjacency_NoordinCrOnlyLineEndings_Reads79Vertices()
    {
        var d = ReferenceNetworks.Load("noordin");
        Assert.Equal(79, d.NodeCount);
        Assert.Equal(437, d.EdgeCount);
    }

    [Fact]
    public void ReadTwoMode_AbuSayyaf_PersonsAndEventsAsTwoKinds()
    {
        var d = ReferenceNetworks.Load("abusayyaf");
        Assert.Equal(351, d.NodeCount);
        Assert.Equal(402, d.EdgeCount);
        Assert.Equal(246, d.Kinds!.Count(k => k == NodeKind.Person));
    }

    [Fact]
    public void ReadFtm_Donations_PaymentsBecomeEdges()
    {
        using var r = new StreamReader(RepositoryPaths.Dataset("german_party_donations_ftm.ijson"));
        var d = FtmReader.Read(r);
        Assert.Equal(474 - 290, d.NodeCount);
        Assert.True(d.EdgeCount > 100);
    }

    [Fact]
    public void ReadGraphMl_SmallDocument_ReadsWeightsAndIsolates()
    {
        var xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="w" for="edge" attr.name="weight" attr.type="double"/>
              <graph edgedefault="undirected">
                <node id="a"/><node id="b"/><node id="c"/>
                <edge source="a" target="b"><data key="w">2.5</data></edge>
                <edge source="b" target="a"/>
              </graph>
            </graphml>
            """;
        var d = GraphMlReader.Read(new StringReader(xml));
        Assert.Equal(3, d.NodeCount);
        Assert.Equal(2.5, Assert.Single(d.Weights));
    }
}
