using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Ketenaanpak.Graph.Analytics.Centrality;

/// <summary>One value per vertex id (index = id). Immutable.</summary>
public sealed record NodeScores(ImmutableArray<double> Values)
{
    internal static NodeScores Wrap(double[] values) => new(ImmutableCollectionsMarshal.AsImmutableArray(values));

    /// <summary>The value of vertex <paramref name="v"/>.</summary>
    public double this[int v] => Values[v];

    /// <summary>The <paramref name="k"/> highest-scoring vertex ids, ties broken by lower id.</summary>
    public IReadOnlyList<(int Node, double Value)> Top(int k)
    {
        var ids = Enumerable.Range(0, Values.Length).ToArray();
        var vals = Values;
        Array.Sort(ids, (a, b) => vals[b].CompareTo(vals[a]) is var c && c != 0 ? c : a.CompareTo(b));
        return ids.Take(k).Select(i => (i, vals[i])).ToArray();
    }
}

/// <summary>One value per edge id of the <see cref="Snapshot.CsrGraph"/> it was computed on. Immutable.</summary>
public sealed record EdgeScores(ImmutableArray<double> Values)
{
    internal static EdgeScores Wrap(double[] values) => new(ImmutableCollectionsMarshal.AsImmutableArray(values));
}
