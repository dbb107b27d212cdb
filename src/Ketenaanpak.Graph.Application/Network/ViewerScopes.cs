using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>
/// Where pages, exports and use cases get a user's <see cref="ViewerScope"/>: the one access decision that
/// <c>/api/nodes/{id}</c> makes, over the current snapshot. Before a decision about particular entities it brings the
/// snapshot up to date when the store changed (a fingerprint query when it did not): an entity written, a member added
/// or a dossier shared a moment ago is decided on as it is now, not refused because the periodic refresh has not run
/// (the chain walk's police member, just given the dossier by the case meeting, could not name its members).
/// </summary>
public sealed class ViewerScopes(GraphSnapshotService snapshots)
{
    public ViewerScope For(Actor actor) => ViewerScope.For(actor, snapshots.Current);

    public async Task<ViewerScope> ForAsync(Actor actor, IReadOnlyCollection<NodeId> about, CancellationToken ct = default)
    {
        if (about.Count > 0) await snapshots.RefreshIfChangedAsync(ct);
        return ViewerScope.For(actor, snapshots.Current);
    }
}
