using Ketenaanpak.Graph.TestKit;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.TestKit.ReferenceGraphs;

/// <summary>
/// The real networks of shared/datasets and textbook graphs, read with the production readers, under the names
/// the known-answer files (tests/Ketenaanpak.Graph.Analytics.Tests/Reference/&lt;name&gt;.*.tsv) use.
/// </summary>
public static class ReferenceNetworks
{
    /// <summary>Every graph that has known answers.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "path3", "k5", "kite", "karate_club", "florentine_families", "les_miserables", "davis_southern_women",
        "caviar", "montagna", "noordin", "krebs911", "mexico", "abusayyaf",
    ];

    /// <summary>Loads a graph by its reference name.</summary>
    public static EdgeListData Load(string name) => name switch
    {
        "path3" => FromPairs((0, 1), (1, 2)),
        "k5" => FromPairs([.. from i in Enumerable.Range(0, 5) from j in Enumerable.Range(i + 1, 4 - i) select (i, j)]),
        "kite" => FromPairs((0, 1), (0, 2), (0, 3), (0, 5), (1, 3), (1, 4), (1, 6), (2, 3), (2, 5), (3, 4), (3, 5),
            (3, 6), (4, 6), (5, 6), (5, 7), (6, 7), (7, 8), (8, 9)),
        "karate_club" or "florentine_families" or "les_miserables" or "davis_southern_women" => Classic(name),
        "caviar" => Read("caviar_morselli_weighted_adjacency.csv", MatrixReader.ReadAdjacency),
        "montagna" => Read("montagna_mafia_meetings_edgelist.csv", r => EdgeListReader.Read(r)),
        "noordin" => Read("noordin_top_adjacency.csv", MatrixReader.ReadAdjacency),
        "krebs911" => Read("krebs_911_hijackers_edgelist.csv",
            r => EdgeListReader.Read(r, DuplicateWeights.First, EdgeListDialect.Csv)),
        "mexico" => Read("mexico_human_trafficking_edgelist.txt", r => EdgeListReader.Read(r)),
        "abusayyaf" => Read("abu_sayyaf_kidnappings_person_event_2mode.csv",
            r => MatrixReader.ReadTwoMode(r, NodeKind.Person, null)),
        _ => throw new ArgumentException($"No reference network '{name}'.", nameof(name)),
    };

    /// <summary>Mexico node roles (Spanish labels, trailing spaces trimmed) by vertex name.</summary>
    public static IReadOnlyDictionary<string, string> MexicoRoles()
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(RepositoryPaths.Dataset("mexico_human_trafficking_node_roles.csv")))
        {
            var t = line.TrimStart('\uFEFF');
            if (t.Length == 0) continue;
            int comma = t.IndexOf(',');
            roles[t[..comma].Trim()] = t[(comma + 1)..].Trim();
        }
        return roles;
    }

    /// <summary>A star with centre "0" and leaves "1".."n-1".</summary>
    public static EdgeListData Star(int n) => FromPairs([.. Enumerable.Range(1, n - 1).Select(i => (0, i))]);

    /// <summary>An unweighted graph from integer pairs; vertex names are the integers.</summary>
    public static EdgeListData FromPairs(params (int U, int V)[] pairs)
    {
        var text = string.Join('\n', pairs.Select(p => $"{p.U} {p.V}"));
        return EdgeListReader.Read(new StringReader(text));
    }

    private static EdgeListData Classic(string graph)
    {
        // graph,source,target,weight: keep the rows of one graph and read them as a csv edge list.
        var rows = File.ReadAllLines(RepositoryPaths.Dataset("classic_networks_edges_from_networkx.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[0] == graph)
            .Select(f => $"{f[1]},{f[2]},{(f[3].Length == 0 ? "1" : f[3])}");
        return EdgeListReader.Read(new StringReader(string.Join('\n', rows)), DuplicateWeights.First, EdgeListDialect.Csv);
    }

    private static EdgeListData Read(string file, Func<TextReader, EdgeListData> reader)
    {
        using var r = new StreamReader(RepositoryPaths.Dataset(file), System.Text.Encoding.UTF8, true);
        return reader(r);
    }
}
