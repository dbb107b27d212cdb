using System.Diagnostics;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Bulk;

public enum ExportFormat { GraphMl, Ftm, Csv, Cypher, Neo4jCsv }

/// <summary>A node as exported: the id the file uses (the source id within one dataset, else the store id).</summary>
public sealed record ExportNode(string Id, Guid StoreId, NodeKind Kind, string Caption, string? ExactKey, Provenance Provenance,
    IReadOnlyList<KeyValuePair<string, string>> Properties);

public sealed record ExportRelation(string Id, Guid StoreId, RelationType Type, string Source, string Target, NodeKind SourceKind,
    NodeKind TargetKind, double Weight, string? Detail, DateOnly? ValidFrom, DateOnly? ValidTo, Provenance Provenance);

/// <summary>What a format writer is told before the first row.</summary>
public sealed record ExportHeader(string? Dataset, bool Directed, DateTimeOffset ExportedAt);

/// <summary>Writes one format. Nodes come first (ordered by store id), then relations.</summary>
public interface IExportWriter : IAsyncDisposable
{
    /// <summary>Whether the writer reads <see cref="ExportHeader.Directed"/>; finding out scans the relations once more.</summary>
    bool UsesDirection => true;

    Task BeginAsync(ExportHeader header, CancellationToken ct);
    Task NodeAsync(ExportNode node, CancellationToken ct);
    Task RelationAsync(ExportRelation relation, CancellationToken ct);
    Task EndAsync(CancellationToken ct);
}

public sealed record ExportSummary(string Format, string? Dataset, long Nodes, long Relations, double Seconds);

/// <summary>
/// Streams the store (or one imported dataset) to a writer: nodes with their statements by a merge of two ordered
/// queries, then relations; nothing but a map from store id to (export id, kind) is held, O(nodes) — relations stream.
/// Merged-away nodes are left out (their survivor stands for them).
/// </summary>
public sealed class GraphExporter(IGraphDbContext db, Export.IExportRowSource rows, TimeProvider clock)
{
    /// <param name="access">The reader's access decision (web exports); null exports everything (the CLI, as the system).</param>
    public async Task<ExportSummary> ExportAsync(IExportWriter writer, ExportFormat format, string? dataset, CancellationToken ct = default,
        Export.IExportAccess? access = null)
    {
        var watch = Stopwatch.StartNew();
        var prefix = dataset is null ? null : ImportKeys.DatasetPrefix(dataset);
        var relations = db.Relations.AsNoTracking();
        if (prefix is not null) relations = relations.Where(r => r.Provenance.SourceReference!.StartsWith(prefix));
        var directedTypes = RelationTypeInfo.All.Where(t => t.Directed).Select(t => t.Type).ToArray();
        bool directed = writer.UsesDirection && await relations.AnyAsync(r => directedTypes.Contains(r.Type), ct);
        await writer.BeginAsync(new ExportHeader(dataset, directed, clock.GetUtcNow()), ct);

        var index = new Dictionary<Guid, (string Id, NodeKind Kind, Export.ExportedNode How)>();
        var statements = rows.StatementsAsync(prefix, ct).GetAsyncEnumerator(ct);
        bool more = await statements.MoveNextAsync();
        long nodeCount = 0;
        try
        {
            await foreach (var n in rows.NodesAsync(prefix, ct))
            {
                var how = access is null ? new Export.ExportedNode(true, false, n.Caption) : access.Node(n);
                var props = new List<KeyValuePair<string, string>>();
                while (more && Compare(statements.Current.NodeId, n.Id) < 0) more = await statements.MoveNextAsync();
                while (more && statements.Current.NodeId == n.Id)
                {
                    if (how is { } h && (access is null || access.Statement(h, statements.Current)))
                        props.Add(new(statements.Current.Property, statements.Current.Value));
                    more = await statements.MoveNextAsync();
                }
                if (how is not { } shown) continue;
                var exportId = prefix is not null && ImportKeys.TryParse(n.Provenance.SourceReference, out _, out _, out var sid) ? sid : n.Id.ToString();
                index[n.Id] = (exportId, n.Kind, shown);
                // A pseudonymised victim leaves without its exact key: for a person that key is built from the name.
                await writer.NodeAsync(new ExportNode(exportId, n.Id, n.Kind, shown.Caption, shown.Pseudonymised ? null : n.ExactKey, n.Provenance, props), ct);
                nodeCount++;
            }
        }
        finally
        {
            await statements.DisposeAsync();
        }

        long relationCount = 0;
        await foreach (var r in rows.RelationsAsync(prefix, ct))
        {
            if (!index.TryGetValue(r.SourceId, out var s) || !index.TryGetValue(r.TargetId, out var t)) continue; // an endpoint merged away, outside the dataset or not readable
            if (access is not null && !access.Relation(s.How, t.How, r.Provenance)) continue;
            await writer.RelationAsync(new ExportRelation(r.Id.ToString(), r.Id, r.Type, s.Id, t.Id, s.Kind, t.Kind, r.Weight, r.Detail,
                r.ValidFrom, r.ValidTo, r.Provenance), ct);
            relationCount++;
        }
        await writer.EndAsync(ct);
        return new ExportSummary(format.ToString().ToLowerInvariant(), dataset, nodeCount, relationCount, Math.Round(watch.Elapsed.TotalSeconds, 2));
    }

    // The store orders ids as it stores them: SQLite compares upper-case text, PostgreSQL uuids byte-wise — both are
    // the order of the canonical string. Guid.CompareTo gives that order too (fields compared unsigned, in the order
    // they are printed) without formatting two strings per comparison.
    private static int Compare(Guid a, Guid b) => a.CompareTo(b);
}
