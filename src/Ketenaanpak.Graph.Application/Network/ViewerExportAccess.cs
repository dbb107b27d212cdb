using Ketenaanpak.Graph.Application.Bulk.Export;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>
/// An export seen through one reader's <see cref="ViewerScope"/>: a node leaves only when it is in the reader's network
/// (scope and per-fact rule, exactly as <c>/api/nodes/{id}</c> decides), a victim outside the reader's team leaves under
/// its pseudonym without name statements, and each statement and relation only when its own fact is readable in full
/// (an export cannot carry "vraag na bij").
/// </summary>
public sealed class ViewerExportAccess(ViewerScope scope) : IExportAccess
{
    public ExportedNode? Node(ExportNodeRow row)
    {
        var root = scope.Graph.Snapshot;
        if (root.IndexOf(row.Id.ToString()) is not { } v || !scope.Access.NodeVisible(v)) return null;
        var node = root.Node(v);
        return new ExportedNode(scope.InTeam(node), scope.IsPseudonymised(node), scope.Label(node));
    }

    public bool Statement(ExportedNode node, ExportStatementRow statement) =>
        !(node.Pseudonymised && AccessPolicy.PseudonymisedProperties.Contains(statement.Property))
        && scope.Access.FactReadable(statement.Provenance, node.InTeam);

    public bool Relation(ExportedNode source, ExportedNode target, Provenance provenance) =>
        scope.Access.FactReadable(provenance, source.InTeam || target.InTeam);
}
