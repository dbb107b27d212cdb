using Ketenaanpak.Graph.Analytics.Flow;

namespace Ketenaanpak.Graph.Cli.Analyse;

/// <summary>
/// Sources (perpetrators), targets (victims), cuttable vertices and removals for facilitator/mincut/whatif, from
/// <c>--roles FILE</c> (lines "vertex,role") with <c>--source-roles</c>, <c>--target-roles</c>, <c>--cuttable-roles</c>
/// (comma-separated role prefixes, case- and accent-insensitive), or from <c>--sources</c>/<c>--targets</c>/
/// <c>--remove</c> vertex lists, or <c>--random-terminals K</c> (K random sources and K random targets, seeded, every
/// other vertex cuttable, no target adjacent to a source: the benchmark setting).
/// </summary>
internal sealed record Terminals(int[] Sources, int[] Targets, bool[] Cuttable, int[] Removed)
{
    /// <summary>Default roles for the Mexico trafficking network (de la Mora et al.).</summary>
    public const string MexicoSources = "Explotador";
    public const string MexicoTargets = "Victima";
    public const string MexicoCuttable = "Empresa,Funcionario,Raitero,Guia,Estafeta,Escolta";

    public static Terminals Resolve(AlgorithmRequest r)
    {
        int n = r.Data.NodeCount;
        var index = r.Data.Names.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        int[] Names(string? list) => list is null ? [] :
            [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => index.TryGetValue(x, out int v) ? v : throw new ArgumentException($"unknown vertex {x}"))];
        var removed = Names(r.Option("--remove"));
        if (r.Option("--random-terminals") is { } kText)
        {
            int k = int.Parse(kText, System.Globalization.CultureInfo.InvariantCulture);
            var ids = Enumerable.Range(0, n).ToArray();
            new Random(r.Seed).Shuffle(ids);
            var cut = Enumerable.Repeat(true, n).ToArray();
            // Targets are drawn among vertices not adjacent to a source, so the benchmark measures a real cut
            // rather than the direct-tie report.
            var src = ids[..k];
            var nearSource = new HashSet<int>(src);
            foreach (var s0 in src) foreach (var w in r.Graph.Neighbors(s0)) nearSource.Add(w);
            var tgt = ids[k..].Where(v => !nearSource.Contains(v)).Take(k).ToArray();
            return new(src, tgt, cut, removed);
        }
        if (r.RolesPath is { } rolesPath)
        {
            var roles = File.ReadAllLines(rolesPath)
                .Select(l => l.TrimStart('\uFEFF'))
                .Where(l => l.Contains(','))
                .ToDictionary(l => l[..l.IndexOf(',')].Trim(), l => Fold(l[(l.IndexOf(',') + 1)..]), StringComparer.Ordinal);
            bool[] Match(string prefixes)
            {
                var ps = prefixes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Fold).ToArray();
                return [.. r.Data.Names.Select(nm => roles.TryGetValue(nm, out var role) && ps.Any(p => role.StartsWith(p, StringComparison.Ordinal)))];
            }
            var s = Match(r.Option("--source-roles") ?? MexicoSources);
            var t = Match(r.Option("--target-roles") ?? MexicoTargets);
            var c = Match(r.Option("--cuttable-roles") ?? MexicoCuttable);
            return new(Where(s), Where(t), c, removed);
        }
        var sources = Names(r.Option("--sources"));
        var targets = Names(r.Option("--targets"));
        if (sources.Length == 0 || targets.Length == 0)
            throw new ArgumentException("give --roles FILE, --sources/--targets or --random-terminals K");
        var cuttable = new bool[n];
        var cutList = Names(r.Option("--cuttable"));
        if (cutList.Length == 0) Array.Fill(cuttable, true);
        foreach (var v in cutList) cuttable[v] = true;
        return new(sources, targets, cuttable, removed);
    }

    public static IReadOnlyList<KeyValuePair<string, object>> Describe(AlgorithmRequest r, Terminals t, VertexCutResult cut)
    {
        string N(int v) => r.Data.Names[v];
        var list = new List<KeyValuePair<string, object>>
        {
            new("sources", t.Sources.Length), new("targets", t.Targets.Length),
            new("cuttable", t.Cuttable.Count(x => x)), new("separable", cut.Separable),
            new("cut_size", cut.Size), new("cut", Cap(cut.Cut.Select(N))),
        };
        if (!cut.Separable)
        {
            list.Add(new("direct_ties", cut.DirectTies.Select(b => new[] { N(b.Source), N(b.Target) }).ToArray()));
            list.Add(new("uncuttable_paths", cut.Blockers.Where(b => !b.IsDirectTie).Select(b => b.Path.Select(N).ToArray()).ToArray()));
            if (cut.CutBesidesDirectTies is { } besides)
            {
                list.Add(new("cut_besides_direct_ties_size", besides.Length));
                list.Add(new("cut_besides_direct_ties", Cap(besides.Select(N))));
            }
        }
        return list;
    }

    /// <summary>At most 100 names in the JSON line; the sizes are reported separately.</summary>
    private static string[] Cap(IEnumerable<string> names) => names.Take(100).ToArray();

    private static int[] Where(bool[] mask) => [.. Enumerable.Range(0, mask.Length).Where(i => mask[i])];

    private static string Fold(string s)
    {
        var d = s.Trim().Normalize(System.Text.NormalizationForm.FormD);
        return new string(d.Where(ch => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) !=
                                         System.Globalization.UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
    }
}
