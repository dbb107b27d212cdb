using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Analytics;

/// <summary>
/// Holds the one current <see cref="StoreGraph"/>, shared read-only by all requests and replaced atomically (snapshot
/// and provenance tags together) when the store changes. VisibleTo cuts out what one user may see, so
/// algorithms never run on — and never leak through scores, paths or counts — facts the user may not read.
/// </summary>
public sealed class GraphSnapshotService(IServiceScopeFactory scopes, ILogger<GraphSnapshotService> log)
{
    private StoreGraph _current = StoreGraph.Empty;
    private long _version;
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public StoreGraph Current => Volatile.Read(ref _current);

    /// <summary>Rebuilds the snapshot if the store changed since the last build. Safe to call concurrently.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var source = scope.ServiceProvider.GetRequiredService<IStoreGraphSource>();
            var fingerprint = await source.FingerprintAsync(cancellationToken);
            if (fingerprint == Current.Fingerprint) return false;
            var next = await source.LoadAsync(Interlocked.Increment(ref _version), cancellationToken);
            Volatile.Write(ref _current, next);
            log.LogInformation("Graph snapshot {Version}: {Nodes} nodes, {Edges} edges", next.Snapshot.Version, next.Snapshot.NodeCount, next.Snapshot.EdgeCount);
            return true;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The part of the current snapshot <paramref name="actor"/> may read, further narrowed by <paramref name="narrow"/>.</summary>
    public GraphSnapshot VisibleTo(Actor actor, SnapshotFilter? narrow = null) => VisibleTo(Current, actor, narrow);

    public static GraphSnapshot VisibleTo(StoreGraph graph, Actor actor, SnapshotFilter? narrow = null) =>
        VisibleTo(graph, ViewerAccess.For(graph, actor), narrow);

    /// <summary>The whole-snapshot form of <paramref name="access"/>'s rules (the same rules an expand applies locally).</summary>
    public static GraphSnapshot VisibleTo(StoreGraph graph, ViewerAccess access, SnapshotFilter? narrow = null)
    {
        var snapshot = graph.Snapshot;
        var filter = narrow ?? SnapshotFilter.All;
        var outer = filter.NodeVisible;
        var outerEdge = filter.EdgeVisible;
        return snapshot.Filter(filter with
        {
            NodeVisible = n => access.NodeVisible(n) && (outer is null || outer(n)),
            EdgeVisible = (e, s, t) => access.EdgeReadable(e.Index, s, t) && (outerEdge is null || outerEdge(e, s, t)),
        });
    }
}
