using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>One relation type a block may carry, its share of the block's edges (per mille), and whether its
/// direction is drawn at random (for relations between two nodes of the same kind, where either may be the source).</summary>
internal sealed record BlockRelation(RelationType Type, int PerMille, bool RandomDirection = false);

/// <summary>
/// The edges between two node kinds. Every edge of a block has one "owner" endpoint, so a pair can only be drawn while
/// its owner is being processed and duplicates need only be checked per owner: in a block between two kinds the
/// owner is the <see cref="Source"/> node; within one kind it is the lower-ranked node.
/// </summary>
internal sealed record EdgeBlock(NodeKind Source, NodeKind Target, int PerMille, BlockRelation[] Relations)
{
    public bool SameKind => Source == Target;
}

/// <summary>The block table (the kind pairs and relation types the generator uses) and the split of M over it.</summary>
internal static class EdgeBlocks
{
    /// <summary>Shares follow the demo region's proportions roughly: person–person ties and registrations dominate.</summary>
    public static readonly EdgeBlock[] All =
    [
        new(NodeKind.Person, NodeKind.Person, 270,
        [
            new(RelationType.Associate, 400), new(RelationType.Family, 200), new(RelationType.Recruited, 100, true),
            new(RelationType.Exploits, 100, true), new(RelationType.Controls, 100, true), new(RelationType.Accompanies, 100, true),
        ]),
        new(NodeKind.Person, NodeKind.Address, 200, [new(RelationType.RegisteredAt, 600), new(RelationType.StaysAt, 400)]),
        new(NodeKind.Person, NodeKind.Phone, 120, [new(RelationType.UsesPhone, 1000)]),
        new(NodeKind.Person, NodeKind.Company, 100,
            [new(RelationType.WorksAt, 500), new(RelationType.EmployedBy, 400), new(RelationType.DirectorOf, 100)]),
        new(NodeKind.Person, NodeKind.BankAccount, 80, [new(RelationType.UsesAccount, 800), new(RelationType.PaysTo, 200)]),
        new(NodeKind.Person, NodeKind.Document, 60, [new(RelationType.HoldsDocument, 1000)]),
        new(NodeKind.Person, NodeKind.Vehicle, 40, [new(RelationType.UsesVehicle, 1000)]),
        new(NodeKind.OnlineAd, NodeKind.Phone, 50, [new(RelationType.AdvertisesVia, 1000)]),
        new(NodeKind.Company, NodeKind.Address, 50, [new(RelationType.OwnerOf, 1000)]),
        new(NodeKind.BankAccount, NodeKind.BankAccount, 30, [new(RelationType.PaysTo, 1000, true)]),
    ];

    /// <summary>How many distinct pairs block <paramref name="block"/> can hold, given the kind counts.</summary>
    public static long Capacity(EdgeBlock block, long[] kindCounts)
    {
        var a = kindCounts[KindIndex(block.Source)];
        if (block.SameKind) return a * (a - 1) / 2;
        return a * kindCounts[KindIndex(block.Target)];
    }

    /// <summary>The most edges a simple typed graph on <paramref name="nodeCount"/> nodes can have with this table.</summary>
    public static long MaxEdges(long nodeCount)
    {
        var counts = NodeLayout.CountsFor(nodeCount);
        return All.Sum(b => Capacity(b, counts));
    }

    /// <summary>
    /// Splits <paramref name="edgeCount"/> over the blocks by share (largest remainder), then moves whatever a block
    /// cannot hold to the blocks that still have room, again by share. Exact: the parts sum to the total.
    /// </summary>
    public static long[] Allocate(long edgeCount, long[] kindCounts)
    {
        var capacity = All.Select(b => Capacity(b, kindCounts)).ToArray();
        if (capacity.Sum() < edgeCount)
            throw new ArgumentOutOfRangeException(nameof(edgeCount), $"At most {capacity.Sum()} edges fit the relation types.");
        var budget = new long[All.Length];
        var left = edgeCount;
        while (left > 0)
        {
            var open = Enumerable.Range(0, All.Length).Where(i => budget[i] < capacity[i]).ToArray();
            var share = Split(left, open.Select(i => (long)All[i].PerMille).ToArray());
            left = 0;
            for (var j = 0; j < open.Length; j++)
            {
                var i = open[j];
                var take = Math.Min(share[j], capacity[i] - budget[i]);
                budget[i] += take;
                left += share[j] - take;
            }
        }
        return budget;
    }

    public static int KindIndex(NodeKind kind) => Array.FindIndex(NodeLayout.Mix, m => m.Kind == kind);

    /// <summary>Largest-remainder split of <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    private static long[] Split(long total, long[] weights)
    {
        var sum = weights.Sum();
        var parts = new long[weights.Length];
        var order = new (double Remainder, int Index)[weights.Length];
        long given = 0;
        for (var j = 0; j < weights.Length; j++)
        {
            // Int128 keeps total * weight exact however large the total.
            var product = (Int128)total * weights[j];
            parts[j] = (long)(product / sum);
            order[j] = ((double)(product % sum), j);
            given += parts[j];
        }
        Array.Sort(order, (a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Index.CompareTo(b.Index));
        for (var j = 0; given < total; j++, given++) parts[order[j % weights.Length].Index]++;
        return parts;
    }
}
