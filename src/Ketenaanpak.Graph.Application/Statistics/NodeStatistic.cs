using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Statistics;

/// <summary>
/// Per-node figures the lists and the home page show without touching the graph: how many relations, signals and
/// dossiers a node has. A cache derived from the store and rebuilt by <see cref="RefreshNodeStatisticsJob"/>.
/// </summary>
public sealed class NodeStatistic
{
    public NodeId NodeId { get; set; }
    public int Degree { get; set; }
    public int SignalCount { get; set; }
    public int DossierCount { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
