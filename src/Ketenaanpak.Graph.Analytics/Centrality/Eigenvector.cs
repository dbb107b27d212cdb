using Ketenaanpak.Graph.Analytics.Snapshot;

namespace Ketenaanpak.Graph.Analytics.Centrality;

/// <summary>Eigenvector centrality by power iteration.</summary>
/// <remarks>
/// <para><b>Definition.</b> The principal eigenvector x of the (weighted) adjacency matrix, A x = λ x, found as
/// networkx <c>eigenvector_centrality</c> does: iterate x ← (A + I) x from the all-ones vector (the shift by I avoids
/// oscillation on bipartite graphs without changing the eigenvector), normalising each step.</para>
/// <para><b>Normalisation.</b> Euclidean norm 1, all entries ≥ 0.</para>
/// <para><b>Direction.</b> x_v sums over arcs u→v (in-neighbours); undirected graphs both ways.</para>
/// <para><b>Complexity.</b> O(m) per iteration. On a disconnected graph the result depends on the start vector as in
/// networkx; eigenvector centrality is only meaningful per component.</para>
/// <para><b>Reference.</b> P. Bonacich, "Power and centrality: a family of measures", AJS 92(5), 1987.</para>
/// </remarks>
public static class Eigenvector
{
    /// <summary>Eigenvector centrality; throws when it does not converge to <paramref name="tolerance"/>·n (L1).</summary>
    public static NodeScores Compute(CsrGraph g, bool weighted = false, double tolerance = 1e-13,
        int maxIterations = 100_000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        int n = g.NodeCount;
        if (n == 0) return NodeScores.Wrap([]);
        var x = new double[n];
        var next = new double[n];
        Array.Fill(x, 1.0 / n);
        for (int iter = 0; iter < maxIterations; iter++)
        {
            ct.ThrowIfCancellationRequested();
            Array.Copy(x, next, n);
            for (int v = 0; v < n; v++)
            {
                var nb = g.Neighbors(v);
                var wt = g.NeighborWeights(v);
                for (int i = 0; i < nb.Length; i++) next[nb[i]] += x[v] * (weighted ? wt[i] : 1.0);
            }
            double norm = 0;
            foreach (var y in next) norm += y * y;
            norm = Math.Sqrt(norm);
            if (norm == 0) norm = 1;
            double err = 0;
            for (int v = 0; v < n; v++)
            {
                next[v] /= norm;
                err += Math.Abs(next[v] - x[v]);
            }
            (x, next) = (next, x);
            if (err < n * tolerance) return NodeScores.Wrap(x);
        }
        throw new InvalidOperationException($"Eigenvector centrality did not converge in {maxIterations} iterations.");
    }
}
