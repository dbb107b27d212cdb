namespace Ketenaanpak.Graph.Analytics.Barriers;

/// <summary>
/// H_φ of one phase (docs/analytics.md, "Barrier plan"): the perpetrators, the victims and the phase's facilitators,
/// induced, without the direct perpetrator–victim ties; plus one virtual root joined to every perpetrator, so that "a
/// victim reaches a perpetrator" becomes "a victim reaches the root". Local ids: 0 is the root, 1.. the members.
/// </summary>
internal sealed class PhaseNetwork
{
    private readonly int[] _offsets;
    private readonly int[] _targets;

    public PhaseNetwork(BarrierNetwork network, int phase)
    {
        Phase = phase;
        var g = network.Graph;
        var local = new Dictionary<int, int>();
        var members = new List<int> { -1 };
        bool Member(int v) => network.Roles[v] switch
        {
            BarrierRole.Perpetrator or BarrierRole.Victim => true,
            BarrierRole.Facilitator => network.PhaseOf[v] == phase,
            _ => false,
        };
        for (int v = 0; v < g.NodeCount; v++)
            if (Member(v)) { local[v] = members.Count; members.Add(v); }
        Global = [.. members];
        int n = members.Count;
        Role = new BarrierRole[n];
        for (int i = 1; i < n; i++) Role[i] = network.Roles[members[i]];
        var adjacency = new List<int>[n];
        for (int i = 0; i < n; i++) adjacency[i] = [];
        for (int i = 1; i < n; i++)
        {
            if (Role[i] == BarrierRole.Perpetrator) { adjacency[0].Add(i); adjacency[i].Add(0); }
            foreach (var w in g.Neighbors(members[i]))
            {
                if (!local.TryGetValue(w, out int j) || j == i) continue;
                bool directTie = (Role[i], Role[j]) is (BarrierRole.Perpetrator, BarrierRole.Victim) or (BarrierRole.Victim, BarrierRole.Perpetrator);
                if (!directTie) adjacency[i].Add(j);
            }
        }
        _offsets = new int[n + 1];
        for (int i = 0; i < n; i++) _offsets[i + 1] = _offsets[i] + adjacency[i].Count;
        _targets = new int[_offsets[n]];
        for (int i = 0; i < n; i++) adjacency[i].CopyTo(_targets, _offsets[i]);
        Dependent = Reached(null);
        for (int i = 1; i < n; i++) Dependent[i] &= Role[i] == BarrierRole.Victim;
        Dependent[0] = false;
        Dependencies = Dependent.Count(d => d);
    }

    public int Phase { get; }

    /// <summary>Local id → network vertex (index 0, the root, maps to -1).</summary>
    public int[] Global { get; }

    public BarrierRole[] Role { get; }

    /// <summary>Per local id: a victim that reaches a perpetrator in H_φ (a dependency (v, φ)).</summary>
    public bool[] Dependent { get; }

    public int Dependencies { get; }

    public int Count => Global.Length;

    public ReadOnlySpan<int> Neighbors(int i) => new(_targets, _offsets[i], _offsets[i + 1] - _offsets[i]);

    /// <summary>Which local vertices the root reaches when the <paramref name="barred"/> ones are left out.</summary>
    public bool[] Reached(bool[]? barred)
    {
        var seen = new bool[Count];
        var stack = new Stack<int>();
        seen[0] = true;
        stack.Push(0);
        while (stack.Count > 0)
        {
            int v = stack.Pop();
            foreach (var w in Neighbors(v))
            {
                if (seen[w] || (barred is not null && barred[w])) continue;
                seen[w] = true;
                stack.Push(w);
            }
        }
        return seen;
    }

    /// <summary>How many of this phase's dependencies barring <paramref name="barred"/> (local flags) breaks.</summary>
    public int Broken(bool[] barred)
    {
        var reached = Reached(barred);
        int broken = 0;
        for (int i = 1; i < Count; i++)
            if (Dependent[i] && !reached[i]) broken++;
        return broken;
    }
}
