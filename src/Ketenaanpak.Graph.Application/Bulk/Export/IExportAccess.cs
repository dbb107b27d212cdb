namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>How one node leaves in an export for one reader: whether the reader is in its dossier's team, whether it
/// leaves pseudonymised, and the caption it leaves with.</summary>
public readonly record struct ExportedNode(bool InTeam, bool Pseudonymised, string Caption);

/// <summary>
/// The access decision an export asks per row. Web exports pass the reader's (<see cref="Network.ViewerExportAccess"/>,
/// the same rules as <c>/api/nodes/{id}</c>); the CLI, which runs as the system, passes none and exports everything.
/// </summary>
public interface IExportAccess
{
    /// <returns>null when the node is outside the reader's network: it, its statements and its relations stay behind.</returns>
    ExportedNode? Node(ExportNodeRow row);

    bool Statement(ExportedNode node, ExportStatementRow statement);

    bool Relation(ExportedNode source, ExportedNode target, Domain.Provenance.Provenance provenance);
}
