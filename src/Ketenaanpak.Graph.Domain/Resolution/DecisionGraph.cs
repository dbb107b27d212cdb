using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Resolution;

/// <summary>An analyst's judgement of a pair of entities.</summary>
public enum Verdict
{
    /// <summary>Zelfde: one and the same entity.</summary>
    Same = 1,
    /// <summary>Niet dezelfde.</summary>
    NotSame = 2,
    /// <summary>Weet niet: asked, not decided; no inference follows from it.</summary>
    Unsure = 3,
}

/// <summary>What is known about a pair: nothing, a direct judgement, or what follows from others.</summary>
public sealed record PairDecision(Verdict? Verdict, bool Inferred, string Explanation)
{
    public static PairDecision Unknown { get; } = new(null, false, "nog niet beoordeeld");

    /// <summary>Whether the pair needs no further question (same or not the same, directly or by inference).</summary>
    public bool IsDecided => Verdict is Resolution.Verdict.Same or Resolution.Verdict.NotSame;
}

/// <summary>
/// The analysts' judgements as a graph with transitive inference, so that a decision is never asked twice:
/// "same" is an equivalence (A=B, B=C ⇒ A=C: union–find over the same-edges), and "not the same" holds between whole
/// groups (A=B, B≠C ⇒ A≠C). A judgement that contradicts what is known — directly or by inference — is refused with a
/// Dutch explanation naming the judgements it contradicts. "Unsure" is recorded but implies nothing.
/// </summary>
/// <remarks>
/// Adding is single-threaded; reading (Status, Refusal, Group) changes nothing and may run on several threads at once
/// while nothing is being added. Paths are compressed when judgements are added, so a read follows a short chain; a
/// not-same check is O(1) against the set of group pairs, rebuilt after a change.
/// </remarks>
public sealed class DecisionGraph
{
    private readonly Dictionary<NodeId, NodeId> _parent = [];
    private readonly List<(NodeId A, NodeId B)> _different = [];
    private readonly HashSet<(NodeId A, NodeId B)> _unsure = [];
    private readonly HashSet<(NodeId A, NodeId B)> _directSame = [];
    private HashSet<(NodeId, NodeId)>? _differentGroups;

    /// <summary>Builds the graph from stored judgements (in the order they were made; contradictions are skipped).</summary>
    public static DecisionGraph From(IEnumerable<(NodeId A, NodeId B, Verdict Verdict)> judgements)
    {
        var graph = new DecisionGraph();
        foreach (var (a, b, v) in judgements)
            if (graph.Refusal(a, b, v, id => id.ToString()) is null) graph.Apply(a, b, v);
        return graph;
    }

    /// <summary>What is known about <paramref name="a"/> and <paramref name="b"/>.</summary>
    public PairDecision Status(NodeId a, NodeId b, Func<NodeId, string>? label = null)
    {
        label ??= id => id.ToString();
        if (a == b) return new PairDecision(Verdict.Same, false, "dezelfde entiteit");
        var (ra, rb) = (Root(a), Root(b));
        if (ra == rb)
            return _directSame.Contains(Ordered(a, b))
                ? new PairDecision(Verdict.Same, false, "beoordeeld als dezelfde")
                : new PairDecision(Verdict.Same, true, $"afgeleid: beide zijn als dezelfde beoordeeld als andere entiteiten in één groep ({string.Join(" = ", Group(a).Select(label))})");
        if (DifferentGroups.Contains(Ordered(ra, rb)))
        {
            var direct = _different.Any(d => Ordered(d.A, d.B) == Ordered(a, b));
            if (direct) return new PairDecision(Verdict.NotSame, false, "beoordeeld als niet dezelfde");
            var (x, y) = _different.First(d => Ordered(Root(d.A), Root(d.B)) == Ordered(ra, rb));
            if (Root(x) != ra) (x, y) = (y, x);
            return new PairDecision(Verdict.NotSame, true,
                $"afgeleid: {label(a)} is dezelfde als {label(x)}, {label(b)} is dezelfde als {label(y)}, en {label(x)} is niet dezelfde als {label(y)}");
        }
        if (_unsure.Contains(Ordered(a, b))) return new PairDecision(Verdict.Unsure, false, "eerder beoordeeld met 'weet niet'");
        return PairDecision.Unknown;
    }

    /// <summary>Null when the judgement fits what is known; otherwise why not, in Dutch.</summary>
    public string? Refusal(NodeId a, NodeId b, Verdict verdict, Func<NodeId, string> label)
    {
        if (a == b) return "Een entiteit kan niet met zichzelf worden vergeleken.";
        var known = Status(a, b, label);
        return (verdict, known.Verdict) switch
        {
            (Verdict.Same, Verdict.NotSame) =>
                $"Dit oordeel spreekt een eerder oordeel tegen: {label(a)} en {label(b)} zijn niet dezelfde ({known.Explanation}). " +
                "Klopt dat eerdere oordeel niet, ontkoppel dan eerst.",
            (Verdict.NotSame, Verdict.Same) =>
                $"Dit oordeel spreekt eerdere oordelen tegen: {label(a)} en {label(b)} zijn al als dezelfde aangemerkt ({known.Explanation}). " +
                "Klopt dat niet, ontkoppel ze dan eerst.",
            (Verdict.Unsure, Verdict.Same or Verdict.NotSame) =>
                $"Over {label(a)} en {label(b)} is al beslist ({known.Explanation}); 'weet niet' verandert daar niets aan.",
            _ => null,
        };
    }

    /// <summary>Adds a judgement.</summary>
    /// <exception cref="DomainException">It contradicts what is known (the message says which judgements).</exception>
    public void Add(NodeId a, NodeId b, Verdict verdict, Func<NodeId, string>? label = null)
    {
        if (Refusal(a, b, verdict, label ?? (id => id.ToString())) is { } why) throw new DomainException(why, "verdict");
        Apply(a, b, verdict);
    }

    /// <summary>Every entity judged the same as <paramref name="a"/>, itself included, in id order (oldest first).</summary>
    public IReadOnlyList<NodeId> Group(NodeId a)
    {
        var root = Root(a);
        var members = _parent.Keys.ToList().Where(k => Root(k) == root).ToList();
        if (!members.Contains(a)) members.Add(a);
        return [.. members.OrderBy(m => m.Value)];
    }

    /// <summary>All groups of two or more entities judged the same.</summary>
    public IEnumerable<IReadOnlyList<NodeId>> Groups() =>
        _parent.Keys.ToList().GroupBy(Root).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<NodeId>)[.. g.OrderBy(m => m.Value)]);

    private void Apply(NodeId a, NodeId b, Verdict verdict)
    {
        switch (verdict)
        {
            case Verdict.Same:
                _directSame.Add(Ordered(a, b));
                _unsure.Remove(Ordered(a, b));
                var (ra, rb) = (Find(a), Find(b));
                if (ra != rb)
                {
                    _parent[rb] = ra;
                    _differentGroups = null;
                }
                break;
            case Verdict.NotSame:
                _unsure.Remove(Ordered(a, b));
                _different.Add((a, b));
                _differentGroups = null;
                break;
            default:
                _unsure.Add(Ordered(a, b));
                break;
        }
    }

    // Built on first use after a change. Two readers may both build it at once: each builds the same set from
    // read-only lookups, and storing the reference is atomic.
    private HashSet<(NodeId, NodeId)> DifferentGroups =>
        _differentGroups ??= _different.Select(d => Ordered(Root(d.A), Root(d.B))).ToHashSet();

    /// <summary>
    /// The group root of <paramref name="x"/> without changing anything: the reads (Status, Group) run from several
    /// threads at once (the entity resolver asks per candidate pair in a Parallel.For), and a Find that inserted or
    /// compressed paths in the dictionary while another thread read it broke the dictionary ("destination array was
    /// not long enough" in CI). Paths are compressed when a judgement is added.
    /// </summary>
    private NodeId Root(NodeId x)
    {
        while (_parent.TryGetValue(x, out var p) && p != x) x = p;
        return x;
    }

    private NodeId Find(NodeId x)
    {
        if (!_parent.TryGetValue(x, out var p)) { _parent[x] = x; return x; }
        if (p == x) return x;
        var root = Find(p);
        _parent[x] = root;
        return root;
    }

    /// <summary>The pair in a fixed order (smaller id first), so (a, b) and (b, a) are one key.</summary>
    public static (NodeId A, NodeId B) Ordered(NodeId a, NodeId b) => a.Value.CompareTo(b.Value) <= 0 ? (a, b) : (b, a);
}
