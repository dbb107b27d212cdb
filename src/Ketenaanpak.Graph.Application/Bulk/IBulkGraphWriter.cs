using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk;

public readonly record struct BulkNode(NodeId Id, NodeKind Kind, string Caption, string Reference);

public readonly record struct BulkStatement(StatementId Id, NodeId NodeId, string Property, string Value, string Reference);

public readonly record struct BulkRelation(RelationId Id, RelationType Type, NodeId Source, NodeId Target, double Weight,
    string? Detail, DateOnly? ValidFrom, DateOnly? ValidTo, string Reference);

/// <summary>Rows actually inserted; rows whose id was already stored (a re-import) are skipped and not counted.</summary>
public sealed record BulkWriteResult(long Nodes, long Statements, long Relations);

/// <summary>
/// Writes an import into the store in ONE transaction: everything or nothing. Rows are added in any order (relations
/// may name nodes added later; constraints are checked at commit); a row whose id exists is skipped, which is what
/// makes a re-import create no duplicates. Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public interface IBulkGraphWriter : IAsyncDisposable
{
    ValueTask AddNodeAsync(BulkNode node, CancellationToken cancellationToken);
    ValueTask AddStatementAsync(BulkStatement statement, CancellationToken cancellationToken);
    ValueTask AddRelationAsync(BulkRelation relation, CancellationToken cancellationToken);
    Task<BulkWriteResult> CommitAsync(CancellationToken cancellationToken);
}

/// <summary>Starts a bulk write on the configured store (SQLite: prepared inserts; PostgreSQL: binary COPY).</summary>
public interface IBulkGraphWriterFactory
{
    string Provider { get; }
    Task<IBulkGraphWriter> BeginAsync(ImportProvenance provenance, CancellationToken cancellationToken);
}

/// <summary>Saves nothing: an import with it only reads, checks and reports (a dry run: see the rejected rows first).</summary>
public sealed class DryRunWriterFactory : IBulkGraphWriterFactory
{
    public string Provider => "dry-run";

    public Task<IBulkGraphWriter> BeginAsync(ImportProvenance provenance, CancellationToken cancellationToken) =>
        Task.FromResult<IBulkGraphWriter>(new Writer());

    private sealed class Writer : IBulkGraphWriter
    {
        private long _nodes, _statements, _relations;
        public ValueTask AddNodeAsync(BulkNode node, CancellationToken ct) { _nodes++; return ValueTask.CompletedTask; }
        public ValueTask AddStatementAsync(BulkStatement statement, CancellationToken ct) { _statements++; return ValueTask.CompletedTask; }
        public ValueTask AddRelationAsync(BulkRelation relation, CancellationToken ct) { _relations++; return ValueTask.CompletedTask; }
        public Task<BulkWriteResult> CommitAsync(CancellationToken ct) => Task.FromResult(new BulkWriteResult(0, 0, 0));
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
