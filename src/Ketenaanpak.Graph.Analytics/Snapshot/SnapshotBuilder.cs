using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Analytics.Snapshot;

/// <summary>
/// Collects nodes and edges (from the store loader or a file reader) and freezes them into a
/// <see cref="GraphSnapshot"/>. Not thread-safe; use one builder per build.
/// </summary>
public sealed class SnapshotBuilder
{
    private readonly List<SnapshotNode> _nodes = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly GraphSnapshot.EdgeArrays _edges;

    /// <summary>Creates a builder; capacities are hints.</summary>
    public SnapshotBuilder(int nodeCapacity = 0, int edgeCapacity = 0)
    {
        _nodes.Capacity = nodeCapacity;
        _index.EnsureCapacity(nodeCapacity);
        _edges = new(edgeCapacity);
    }

    /// <summary>Number of nodes added so far.</summary>
    public int NodeCount => _nodes.Count;

    /// <summary>Adds a node and returns its id; a key that is already present throws.</summary>
    public int AddNode(SnapshotNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!_index.TryAdd(node.Key, _nodes.Count))
            throw new ArgumentException($"Duplicate node key '{node.Key}'.", nameof(node));
        _nodes.Add(node);
        return _nodes.Count - 1;
    }

    /// <summary>Id of the node with <paramref name="key"/>, adding a bare node (label = key) when absent.</summary>
    public int GetOrAddNode(string key) =>
        _index.TryGetValue(key, out int id) ? id : AddNode(new SnapshotNode(key, key));

    /// <summary>Id of <paramref name="key"/> or null.</summary>
    public int? IndexOf(string key) => _index.TryGetValue(key, out int id) ? id : null;

    /// <summary>Replaces the node with id <paramref name="id"/> (same key required), e.g. to attach roles later.</summary>
    public void SetNode(int id, SnapshotNode node)
    {
        if (_nodes[id].Key != node.Key) throw new ArgumentException("The key of a node cannot change.", nameof(node));
        _nodes[id] = node;
    }

    /// <summary>The node with id <paramref name="id"/>.</summary>
    public SnapshotNode Node(int id) => _nodes[id];

    /// <summary>Adds a directed edge between two existing node ids. Weight must be finite and positive.</summary>
    public void AddEdge(int source, int target, RelationType type = RelationType.LinkedTo, double weight = 1.0,
        DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        if ((uint)source >= (uint)_nodes.Count || (uint)target >= (uint)_nodes.Count)
            throw new ArgumentOutOfRangeException(nameof(source), "Edge endpoint is not a node of this builder.");
        if (!double.IsFinite(weight) || weight <= 0)
            throw new ArgumentOutOfRangeException(nameof(weight), "Edge weights must be finite and positive.");
        _edges.Add(source, target, type, weight, validFrom?.DayNumber ?? GraphSnapshot.OpenFrom,
            validTo?.DayNumber ?? GraphSnapshot.OpenTo);
    }

    /// <summary>Adds a directed edge between two node keys (nodes are created when absent).</summary>
    public void AddEdge(string sourceKey, string targetKey, RelationType type = RelationType.LinkedTo,
        double weight = 1.0, DateOnly? validFrom = null, DateOnly? validTo = null) =>
        AddEdge(GetOrAddNode(sourceKey), GetOrAddNode(targetKey), type, weight, validFrom, validTo);

    /// <summary>Freezes the collected data into a snapshot with the given store version. The builder may be reused
    /// afterwards, but the snapshot does not see later changes.</summary>
    public GraphSnapshot Build(long version = 0) =>
        new(version, _nodes.ToArray(), _edges.Src.ToArray(), _edges.Dst.ToArray(), _edges.Type.ToArray(),
            _edges.Weight.ToArray(), _edges.From.ToArray(), _edges.To.ToArray(), parent: null, parentIds: null);
}
