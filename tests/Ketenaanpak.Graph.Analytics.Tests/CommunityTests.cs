using System.Globalization;
using Ketenaanpak.Graph.Analytics.Communities;
using Ketenaanpak.Graph.Analytics.Tests.Reference;
using Ketenaanpak.Graph.TestKit.ReferenceGraphs;

namespace Ketenaanpak.Graph.Analytics.Tests;

public sealed class CommunityTests
{
    public static TheoryData<string> Graphs => new(ReferenceNetworks.Names.Where(n => n is not "path3" and not "k5"));

    [Theory, MemberData(nameof(Graphs))]
    public void Modularity_NetworkxLouvainPartition_MatchesNetworkx(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var names = data.Names.ToList();
        var communityOf = new int[data.NodeCount];
        foreach (var line in File.ReadAllLines(Path.Combine(KnownAnswers.ReferenceDir, $"{graph}.louvain.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            communityOf[names.IndexOf(f[0])] = int.Parse(f[1], CultureInfo.InvariantCulture);
        }
        double expected = KnownAnswers.For(graph).Summary["modularity_networkx_louvain_partition"];
        Assert.Equal(expected, Louvain.Modularity(data.ToCsr(), communityOf, weighted: true), 9); // networkx weighs by "weight"
    }

    [Theory, MemberData(nameof(Graphs))]
    public void Detect_ReferenceGraph_ModularityAtLeastIgraphsMinusOneHundredth(string graph)
    {
        var data = ReferenceNetworks.Load(graph);
        var result = Louvain.Detect(data.ToCsr());
        Assert.True(result.Modularity >= KnownAnswers.For(graph).Summary["modularity_igraph_multilevel"] - 0.01,
            $"{graph}: Q = {result.Modularity}");
        Assert.Equal(result.Modularity, Louvain.Modularity(data.ToCsr(), result.CommunityOf), 12);
    }

    [Fact]
    public void Detect_SameSeedTwice_GivesSamePartition()
    {
        var g = ReferenceNetworks.Load("les_miserables").ToCsr();
        var a = Louvain.Detect(g, new LouvainOptions(Seed: 7));
        var b = Louvain.Detect(g, new LouvainOptions(Seed: 7));
        Assert.Equal(a.CommunityOf.ToArray(), b.CommunityOf.ToArray());
    }
}
