using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>A node row as the export reads it: plain values, no entity, nothing tracked.</summary>
public readonly record struct ExportNodeRow(Guid Id, NodeKind Kind, string Caption, string? ExactKey, Domain.Provenance.Provenance Provenance);

/// <summary>One statement (property value) of a node, with its own provenance (the access policy decides per fact).</summary>
public readonly record struct ExportStatementRow(Guid NodeId, string Property, string Value, Domain.Provenance.Provenance Provenance);

/// <summary>A relation row as the export reads it.</summary>
public readonly record struct ExportRelationRow(Guid Id, RelationType Type, Guid SourceId, Guid TargetId, double Weight, string? Detail,
    DateOnly? ValidFrom, DateOnly? ValidTo, Domain.Provenance.Provenance Provenance);

/// <summary>
/// Reads the rows of an export straight from the store's data reader (both providers). At 10^6 nodes / 5·10^6
/// relations EF Core materialising every relation with its provenance was ~40 % of the export's CPU; the rows here
/// come from the same SQL (the same filters and order) read column by column. Each sequence must be read to its end
/// or disposed; the statements may be read while the nodes are being read (they use a connection of their own).
/// </summary>
public interface IExportRowSource
{
    /// <param name="referencePrefix">Only rows whose provenance reference starts with it (one imported dataset); null: all.</param>
    /// <returns>Nodes not merged away, ordered by id.</returns>
    IAsyncEnumerable<ExportNodeRow> NodesAsync(string? referencePrefix, CancellationToken ct);

    /// <returns>Statements ordered by node id.</returns>
    IAsyncEnumerable<ExportStatementRow> StatementsAsync(string? referencePrefix, CancellationToken ct);

    /// <returns>Relations in the store's order.</returns>
    IAsyncEnumerable<ExportRelationRow> RelationsAsync(string? referencePrefix, CancellationToken ct);
}
