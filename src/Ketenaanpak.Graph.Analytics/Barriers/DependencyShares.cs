namespace Ketenaanpak.Graph.Analytics.Barriers;

/// <summary>
/// Per facilitator of one phase network (with some vertices barred): on how many of the still-standing dependencies
/// it is <em>necessary</em> (barring it alone breaks them) and what share it carries as one of several
/// <em>alternatives</em> on the others' routes.
/// </summary>
/// <remarks>
/// <para><b>Method.</b> The biconnected components (blocks) of the root's component, by Hopcroft–Tarjan with a vertex
/// stack, from the root. Each block is popped with its top vertex — the vertex nearest the root — so the blocks form
/// the block-cut tree rooted at the root without a second pass: a victim's route to the root climbs from its own
/// block to its top, which is a cut vertex, to that vertex's block, and so on. A vertex lies on some simple route
/// from the victim to a perpetrator exactly when it is a top on that climb or a member of a block on it (inside a
/// 2-connected block every vertex lies on a simple path between any two others; Menger's fan lemma).</para>
/// <para><b>Shares.</b> A facilitator that is a top on a victim's climb counts 1 for that dependency (necessary). In
/// every block on the climb, the facilitators other than the block's entry and exit are alternatives and share 1
/// equally — with one more share for a way through the block that bypasses all of them, when there is one (a worker
/// placed by the agency directly, besides through the farm). Sums over the dependencies are taken per block from
/// subtree counts; the bypass check is a union-find over the block's non-facilitators, so the whole is O((n + m)·α).</para>
/// <para><b>Reference.</b> J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for graph manipulation",
/// CACM 16(6), 1973; F. Harary, Graph Theory, 1969, ch. 3 (block-cutpoint tree).</para>
/// </remarks>
internal static class DependencyShares
{
    /// <summary>Per local id: dependencies it alone breaks (necessary) and its alternative share; 0 for non-facilitators.</summary>
    public static (int[] Necessary, double[] Alternative) Compute(PhaseNetwork h, bool[]? barred)
    {
        int n = h.Count;
        var necessary = new int[n];
        var alternative = new double[n];
        var disc = new int[n];
        var low = new int[n];
        var next = new int[n];
        Array.Fill(disc, -1);
        var dfs = new Stack<int>();
        var vertexStack = new Stack<int>();
        var childSum = new int[n];
        var sub = new int[n];
        int time = 0;
        disc[0] = low[0] = time++;
        dfs.Push(0);
        vertexStack.Push(0);
        var block = new List<int>();
        var scratch = new BlockScratch(n);
        while (dfs.Count > 0)
        {
            int v = dfs.Peek();
            var neighbours = h.Neighbors(v);
            if (next[v] < neighbours.Length)
            {
                int w = neighbours[next[v]++];
                if (barred is not null && barred[w]) continue;
                if (disc[w] < 0)
                {
                    disc[w] = low[w] = time++;
                    dfs.Push(w);
                    vertexStack.Push(w);
                }
                else low[v] = Math.Min(low[v], disc[w]);
                continue;
            }
            dfs.Pop();
            if (dfs.Count == 0) break;
            int parent = dfs.Peek();
            low[parent] = Math.Min(low[parent], low[v]);
            if (low[v] < disc[parent]) continue;
            // A block is complete: v's subtree down the vertex stack, with parent as its top (its exit to the root).
            block.Clear();
            int u;
            do { u = vertexStack.Pop(); block.Add(u); } while (u != v);
            CloseBlock(h, block, parent, childSum, sub, alternative, scratch);
        }
        for (int i = 0; i < n; i++)
        {
            if (h.Role[i] != BarrierRole.Facilitator) { necessary[i] = 0; alternative[i] = 0; }
            else necessary[i] = childSum[i];
        }
        return (necessary, alternative);
    }

    /// <summary>Scratch arrays reused by every block of one computation.</summary>
    private sealed class BlockScratch(int n)
    {
        public readonly int[] Stamp = new int[n];
        public readonly int[] Parent = new int[n];
        public int Current;

        public int Find(int x)
        {
            while (Parent[x] != x) { Parent[x] = Parent[Parent[x]]; x = Parent[x]; }
            return x;
        }
    }

    private static void CloseBlock(PhaseNetwork h, List<int> members, int top, int[] childSum, int[] sub,
        double[] alternative, BlockScratch scratch)
    {
        int facilitators = 0, blockSub = 0;
        foreach (var u in members)
        {
            // Members were finished before the block closed, so their own child blocks are already counted.
            sub[u] = (h.Dependent[u] ? 1 : 0) + childSum[u];
            blockSub += sub[u];
            if (h.Role[u] == BarrierRole.Facilitator) facilitators++;
        }
        childSum[top] += blockSub;
        if (members.Count < 2 || facilitators == 0) return; // a bridge has no alternatives

        // Which parts of the block hang together without its facilitators: a route that enters at u and leaves by the
        // top may bypass every facilitator inside the block (a worker placed by the agency directly, besides through
        // the farm); then the facilitators share the dependency with that facilitator-free way round as well.
        int stamp = ++scratch.Current;
        foreach (var u in members) { scratch.Stamp[u] = stamp; scratch.Parent[u] = u; }
        scratch.Stamp[top] = stamp;
        scratch.Parent[top] = top;
        bool Free(int x) => h.Role[x] != BarrierRole.Facilitator;
        foreach (var u in members.Append(top))
        {
            if (!Free(u)) continue;
            foreach (var w in h.Neighbors(u))
                if (scratch.Stamp[w] == stamp && Free(w)) scratch.Parent[scratch.Find(u)] = scratch.Find(w);
        }
        HashSet<int> Reach(int x)
        {
            var parts = new HashSet<int>();
            if (Free(x)) parts.Add(scratch.Find(x));
            else foreach (var w in h.Neighbors(x)) if (scratch.Stamp[w] == stamp && Free(w)) parts.Add(scratch.Find(w));
            return parts;
        }
        var exit = Reach(top);
        bool Bypass(int entry)
        {
            foreach (var w in h.Neighbors(entry)) if (w == top) return true;
            return Reach(entry).Overlaps(exit);
        }

        double total = 0;
        var own = new Dictionary<int, double>();
        foreach (var u in members)
        {
            if (sub[u] == 0) continue;
            int alternatives = facilitators - (h.Role[u] == BarrierRole.Facilitator ? 1 : 0);
            if (alternatives == 0) continue;
            double each = (double)sub[u] / (alternatives + (Bypass(u) ? 1 : 0));
            total += each;
            if (h.Role[u] == BarrierRole.Facilitator) own[u] = each;
        }
        foreach (var u in members)
            if (h.Role[u] == BarrierRole.Facilitator) alternative[u] += total - own.GetValueOrDefault(u);
    }
}
