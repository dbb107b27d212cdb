using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>
/// Where pages, exports and use cases get a user's <see cref="ViewerScope"/>: the one access decision that
/// <c>/api/nodes/{id}</c> makes, over the current snapshot. Asked about entities that the snapshot does not hold yet
/// (written a moment ago), it refreshes the snapshot once first, so they are decided on rather than refused.
/// </summary>
public sealed class ViewerScopes(GraphSnapshotService snapshots)
{
    public ViewerScope For(Actor actor) => ViewerScope.For(actor, snapshots.Current);

    public async Task<ViewerScope> ForAsync(Actor actor, IReadOnlyCollection<NodeId> about, CancellationToken ct = default)
    {
        var graph = snapshots.Current;
        if (about.Any(id => graph.Snapshot.IndexOf(id.ToString()) is null)) await snapshots.RefreshIfChangedAsync(ct);
        return ViewerScope.For(actor, snapshots.Current);
    }
}
