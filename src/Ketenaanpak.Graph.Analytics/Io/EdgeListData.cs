using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Analytics.Io;

/// <summary>
/// A network read from a file: vertex names (index = vertex id), undirected edges as (U, V, Weight) with U ≠ V and no
/// pair twice, optional node kinds, and notes that say what the reader did to the data (duplicates collapsed, header
/// skipped, matrix symmetrised...) so an importer can report it.
/// </summary>
public sealed record EdgeListData(
    IReadOnlyList<string> Names,
    int[] U,
    int[] V,
    double[] Weights,
    IReadOnlyList<string> Notes,
    IReadOnlyList<NodeKind?>? Kinds = null)
{
    /// <summary>Per vertex the 1-based line of the file where it first appeared, when the reader knows it (import
    /// provenance: every imported fact names its file and line).</summary>
    public int[]? NodeLines { get; init; }

    /// <summary>Per edge the 1-based line of its first occurrence, when the reader knows it.</summary>
    public int[]? EdgeLines { get; init; }

    /// <summary>Number of vertices.</summary>
    public int NodeCount => Names.Count;

    /// <summary>Number of (undirected, distinct) edges.</summary>
    public int EdgeCount => U.Length;

    /// <summary>The undirected simple CSR graph of this data (weights as read).</summary>
    public CsrGraph ToCsr() => CsrGraph.FromEdges(Names.Count, U, V, Weights, directed: false);

    /// <summary>A snapshot whose node keys and labels are the vertex names and whose edges are
    /// <see cref="RelationType.LinkedTo"/> ties.</summary>
    public GraphSnapshot ToSnapshot(long version = 0)
    {
        // Straight to arrays: names are unique by construction, so the builder's key dictionary (a million cache
        // misses on big files) is not needed here; the snapshot builds its own index lazily.
        var nodes = new SnapshotNode[Names.Count];
        for (int i = 0; i < nodes.Length; i++) nodes[i] = new SnapshotNode(Names[i], Names[i], Kinds?[i]);
        var types = new RelationType[U.Length];
        Array.Fill(types, RelationType.LinkedTo);
        var from = new int[U.Length];
        var to = new int[U.Length];
        Array.Fill(from, GraphSnapshot.OpenFrom);
        Array.Fill(to, GraphSnapshot.OpenTo);
        return new GraphSnapshot(version, nodes, (int[])U.Clone(), (int[])V.Clone(), types, (double[])Weights.Clone(),
            from, to, parent: null, parentIds: null);
    }

    /// <summary>Vertex order used by peers.py: shorter names first, then ordinal (so "2" &lt; "10").</summary>
    public static int PeerOrder(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    /// <summary>Renumbers vertices into <see cref="PeerOrder"/> and returns the new data.</summary>
    internal static EdgeListData Ordered(List<string> names, List<int> u, List<int> v, List<double> w,
        List<string> notes, List<NodeKind?>? kinds = null, List<int>? numeric = null,
        List<int>? nodeLines = null, List<int>? edgeLines = null)
    {
        var perm = Enumerable.Range(0, names.Count).ToArray();
        if (numeric is not null && numeric.TrueForAll(x => x >= 0))
        {
            // Canonical integers: peers order (shorter first, then ordinal) is numeric order.
            var nums = numeric.ToArray();
            Array.Sort(nums, perm);
        }
        else Array.Sort(perm, (a, b) => PeerOrder(names[a], names[b]));
        var newId = new int[names.Count];
        for (int i = 0; i < perm.Length; i++) newId[perm[i]] = i;
        var sortedNames = perm.Select(p => names[p]).ToArray();
        var nu = new int[u.Count];
        var nv = new int[v.Count];
        for (int e = 0; e < u.Count; e++) { nu[e] = newId[u[e]]; nv[e] = newId[v[e]]; }
        NodeKind?[]? k = kinds is null ? null : perm.Select(p => kinds[p]).ToArray();
        return new EdgeListData(sortedNames, nu, nv, w.ToArray(), notes, k)
        {
            NodeLines = nodeLines is null ? null : perm.Select(p => nodeLines[p]).ToArray(),
            EdgeLines = edgeLines?.ToArray(),
        };
    }
}
