using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>
/// Writes a synthetic typed graph for scale tests: the node kinds and relation types of the real model, a realistic
/// kind mix, heavy-tailed degrees, and exactly the requested number of distinct edges, streamed so that memory does
/// not grow with the number of edges.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> A typed Chung–Lu graph. Each kind's nodes carry power-law weights (<see cref="RankWeights"/>,
/// exponent γ drawn from the seed in [2.1, 2.5]). The edge budget M is split over the kind pairs that have relation
/// types (<see cref="EdgeBlocks"/>). Within a block each owner node gets a degree in proportion to its weight (capped by
/// the number of possible partners) and draws that many distinct partners in proportion to theirs.</para>
/// <para><b>No duplicates without a global set.</b> Every pair belongs to exactly one block and has exactly one owner in
/// it (the source-kind node, or the lower-ranked node within one kind, whose partners are drawn from higher ranks only).
/// So a pair can only come up while its owner is being processed, and a per-owner set suffices. Memory is O(largest
/// degree) for that set plus one <see cref="int"/> per node of the block being written for the degree plan, instead of
/// O(M) for a set of all pairs (which at 5·10^7 edges would be over a gigabyte).</para>
/// <para><b>Output.</b> <c>nodes.csv</c>: <c>id,kind,label</c> with ids 0..N-1; <c>edges.csv</c>:
/// <c>source,target,type,weight</c>, the relation's semantic direction (a person is registered at an address).
/// Both start with a header line, use RFC 4180 quoting and LF line ends.</para>
/// <para><b>Determinism.</b> All randomness comes from <see cref="SeededRandom"/>, one stream per part, so the same
/// options give the same bytes on the same runtime. (Math.Pow is the only platform-dependent step; IEEE results agree
/// on x64 and arm64 in practice, but the promise is per platform.)</para>
/// </remarks>
public static class SyntheticGraphGenerator
{
    private static readonly string[] KindNames = NodeLayout.Mix.Select(m => m.Kind.ToString()).ToArray();
    private static readonly string[] KindLabels = NodeLayout.Mix.Select(m => NodeKindInfo.Of(m.Kind).DutchLabel).ToArray();

    // Dutch postcodes skip these letters, and the combinations SA, SD and SS; labels should look like real ones.
    private const string PostcodeLetters = "ABCDEGHJKLMNPRSTVWXZ";

    public static SyntheticGraphSummary Generate(SyntheticGraphOptions options, TextWriter nodes, TextWriter edges,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));

        var gammaRandom = new SeededRandom(options.Seed, stream: 0);
        var gamma = Math.Round(2.1 + 0.4 * gammaRandom.NextDouble(), 3);
        var layout = new NodeLayout(options.Nodes, options.Seed);

        WriteNodes(layout, options.Seed, nodes, cancellationToken);

        var kindCounts = Enumerable.Range(0, NodeLayout.Mix.Length).Select(layout.CountOf).ToArray();
        var budgets = EdgeBlocks.Allocate(options.Edges, kindCounts);
        var perType = new long[Enum.GetValues<RelationType>().Max(t => (int)t) + 1];
        var line = new CsvLine();
        line.Plain("source").Plain("target").Plain("type").Plain("weight").WriteTo(edges);
        for (var b = 0; b < EdgeBlocks.All.Length; b++)
        {
            if (budgets[b] == 0) continue;
            var writer = new BlockWriter(EdgeBlocks.All[b], layout, gamma, new SeededRandom(options.Seed, stream: 100 + (ulong)b));
            writer.Write(budgets[b], edges, line, perType, cancellationToken);
        }

        return new SyntheticGraphSummary(options.Nodes, options.Edges, gamma,
            NodeLayout.Mix.Select((m, k) => (m.Kind, Count: layout.CountOf(k))).ToDictionary(x => x.Kind, x => x.Count),
            Enum.GetValues<RelationType>().Where(t => perType[(int)t] > 0).ToDictionary(t => t, t => perType[(int)t]));
    }

    private static void WriteNodes(NodeLayout layout, long seed, TextWriter nodes, CancellationToken cancellationToken)
    {
        var line = new CsvLine();
        line.Plain("id").Plain("kind").Plain("label").WriteTo(nodes);
        for (long id = 0; id < layout.NodeCount; id++)
        {
            if ((id & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var (kind, _) = layout.Locate(id);
            line.Number(id).Plain(KindNames[kind]);
            Label(line.BeginField(), NodeLayout.Mix[kind].Kind, KindLabels[kind], id, seed).EndField();
            line.WriteTo(nodes);
        }
    }

    /// <summary>
    /// A short caption as a person would see it. The number is the node id, not the rank, so that labels do not reveal
    /// which nodes are the hubs. Address and phone captions come from a hash of the id and look like real ones.
    /// </summary>
    private static CsvLine Label(CsvLine field, NodeKind kind, string prefix, long id, long seed)
    {
        field.Text(prefix).Char(' ');
        var hash = SeededRandom.Mix((ulong)id ^ SeededRandom.Mix((ulong)seed + 0x51ED270B27C94F1DUL));
        switch (kind)
        {
            case NodeKind.Address:
                var letters = PostcodeLetters.Length;
                var first = (int)(hash % (ulong)letters);
                var second = (int)(hash / (ulong)letters % (ulong)letters);
                if (PostcodeLetters[first] == 'S' && PostcodeLetters[second] is 'A' or 'D' or 'S') second = PostcodeLetters.IndexOf('T');
                return field.Digits(1000 + (long)(hash >> 20) % 9000).Char(' ')
                    .Char(PostcodeLetters[first]).Char(PostcodeLetters[second]).Char(' ')
                    .Digits(1 + (long)(hash >> 40) % 250);
            case NodeKind.Phone:
                return field.Text("06-").Digits((long)(hash % 100_000_000), "D8");
            case NodeKind.Company:
                return field.Digits(id).Text(" B.V.");
            case NodeKind.OnlineAd:
                // Ad titles carry commas and quotes in real data; this one makes every reader face RFC 4180 quoting.
                return field.Digits(id).Text(": \"Nieuw in de stad, discreet\"");
            default:
                return field.Digits(id);
        }
    }
}
