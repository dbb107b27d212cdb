using System.Globalization;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Cli.Bench;

/// <summary>
/// A <see cref="StoreGraph"/> from the files of <c>ketenaanpak generate</c>, with the provenance mix a region's store
/// has, so that the access policy does real work: six partners, 5% of the facts police-only (Wpg), 5% source-only,
/// 5% dossier-team; one dossier per 100 nodes with 20 members each (perpetrators, victims, facilitators).
/// </summary>
internal sealed class SyntheticStoreGraph
{
    public static readonly PartnerId Riec = Partner(1), Police = Partner(2), Enschede = Partner(3);
    private static readonly PartnerId[] Partners = [Riec, Police, Enschede, Partner(4), Partner(5), Partner(6)];
    public const string Municipality = "0153";

    public static Actor Analyst { get; } = new("bench-analist", "analist", Roles.RiecAnalyst, Riec, PartnerKind.Riec, true, null);
    public static Actor Coordinator { get; } = new("bench-coordinator", "coordinator", Roles.MunicipalCoordinator, Enschede, PartnerKind.Municipality, true, Municipality);

    private static PartnerId Partner(int i) => new(new Guid(i, 0x4b45, 0x4e54, [0x41, 0x41, 0, 0, 0, 0, 0, (byte)i]));

    public static string Key(long id) => new Guid((int)id, (short)(id >> 32), 0x4e42, [0x80, 0, 0, 0, 0, 0, 0, 1]).ToString();

    public static StoreGraph Load(string directory, long seed)
    {
        var random = new Random((int)seed);
        var builder = new SnapshotBuilder();
        var nodeFacts = new List<FactTag>();
        var kinds = new List<NodeKind>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "nodes.csv")).Skip(1))
        {
            var first = line.IndexOf(',');
            var second = line.IndexOf(',', first + 1);
            var label = line[(second + 1)..];
            if (label.StartsWith('"')) label = label[1..^1].Replace("\"\"", "\"");
            var kind = Enum.Parse<NodeKind>(line[(first + 1)..second]);
            builder.AddNode(new SnapshotNode(Key(long.Parse(line[..first], CultureInfo.InvariantCulture)), label, kind));
            kinds.Add(kind);
            nodeFacts.Add(Tag(random));
        }
        var n = builder.NodeCount;
        var dossiers = new Dictionary<string, DossierAccessInfo>();
        var roles = new Dictionary<int, Dictionary<string, NodeRole>>();
        for (var d = 0; d < Math.Max(1, n / 100); d++)
        {
            var id = new DossierId(new Guid(d, 0x444f, 0x5353, [0, 0, 0, 0, 0, 0, 0, 1]));
            var owner = Partners[random.Next(Partners.Length)];
            dossiers[id.ToString()] = new DossierAccessInfo(id, owner, random.Next(4) == 0 ? Municipality : "0164", random.Next(3) == 0 ? [Enschede] : []);
            for (var k = 0; k < 20; k++)
            {
                var v = random.Next(n);
                var role = kinds[v] != NodeKind.Person ? NodeRole.Facilitator : (NodeRole)(1 << random.Next(3));
                if (!roles.TryGetValue(v, out var perDossier)) roles[v] = perDossier = [];
                perDossier[id.ToString()] = perDossier.GetValueOrDefault(id.ToString()) | role;
            }
        }
        foreach (var (v, perDossier) in roles)
        {
            var union = perDossier.Values.Aggregate(NodeRole.None, (a, r) => a | r);
            builder.SetNode(v, builder.Node(v) with { Roles = union, Cuttable = (union & NodeRole.Facilitator) != 0, DossierRoles = perDossier });
        }
        var edgeFacts = new List<FactTag>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "edges.csv")).Skip(1))
        {
            var parts = line.Split(',');
            builder.AddEdge(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
                Enum.Parse<RelationType>(parts[2]), double.Parse(parts[3], CultureInfo.InvariantCulture));
            edgeFacts.Add(Tag(random));
        }
        return new StoreGraph(builder.Build(1), nodeFacts.ToArray(), edgeFacts.ToArray(), dossiers, $"synthetic:{n}");
    }

    private static FactTag Tag(Random random)
    {
        var partner = Partners[random.Next(Partners.Length)];
        return random.Next(20) switch
        {
            0 => new FactTag(Police, HandlingCode.Chain, LegalBasis.PoliceDataAct),
            1 => new FactTag(partner, HandlingCode.SourceOnly, LegalBasis.Covenant),
            2 => new FactTag(partner, HandlingCode.DossierTeam, LegalBasis.Covenant),
            _ => new FactTag(partner, HandlingCode.Chain, LegalBasis.Covenant),
        };
    }
}
