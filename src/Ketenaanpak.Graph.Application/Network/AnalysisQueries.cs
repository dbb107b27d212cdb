using Ketenaanpak.Graph.Analytics.Centrality;
using Ketenaanpak.Graph.Analytics.Communities;
using Ketenaanpak.Graph.Analytics.Connectivity;
using Ketenaanpak.Graph.Analytics.Snapshot;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Graph;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Network;

/// <summary>One node's score in an analysis (for louvain: its community, numbered by size, largest 0).</summary>
public sealed record ScoreDto(int Rank, string Id, string Label, string? Kind, string Role, double Score);

/// <summary>The top of one analysis on the user's visible network (or one readable dossier of it).</summary>
public sealed record AnalysisDto(string Algorithm, string? Dossier, int Nodes, int Edges, IReadOnlyList<ScoreDto> Top,
    int? Communities = null, double? Modularity = null);

/// <summary>Why an analysis was refused, in Dutch, with the parameter it concerns.</summary>
public sealed class AnalysisRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Scores per node for the Analytics project's algorithms on the user's visible snapshot (never on facts the user may
/// not read, so scores leak nothing), optionally narrowed to one readable dossier and to node kinds. Undirected,
/// unweighted measures as in networkx's defaults; betweenness and closeness are exact, so they are refused above
/// <see cref="MaxNodesForPathMeasures"/> nodes (ask for a dossier or a kind instead).
/// </summary>
public sealed class AnalysisQueries(IGraphDbContext db, GraphSnapshotService snapshots, IAuditLog audit)
{
    public static readonly IReadOnlyList<string> Algorithms = ["degree", "betweenness", "closeness", "eigenvector", "pagerank", "kcore", "louvain"];
    public const int MaxTop = 500;
    public const int MaxNodesForPathMeasures = 20_000;

    /// <returns>Null when the dossier does not exist or the user may not read it (404, as for a missing one).</returns>
    /// <exception cref="AnalysisRefusedException">The network is too large for the algorithm, or it did not converge.</exception>
    public async Task<AnalysisDto?> RunAsync(Actor actor, string algorithm, string? dossierNumber, IReadOnlySet<NodeKind>? kinds, int top,
        string? purpose, CancellationToken ct = default)
    {
        var graph = snapshots.Current;
        string? dossierKey = null;
        if (dossierNumber is not null)
        {
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Number == dossierNumber).Select(d => new { d.Id }).SingleOrDefaultAsync(ct);
            if (dossier is not null && !graph.Dossiers.ContainsKey(dossier.Id.ToString()))
            {
                // Opened a moment ago: not in the periodic snapshot yet.
                await snapshots.RefreshIfChangedAsync(ct);
                graph = snapshots.Current;
            }
            if (dossier is null || !graph.Dossiers.TryGetValue(dossier.Id.ToString(), out var info) || !AccessPolicy.MayReadDossier(actor, info)) return null;
            dossierKey = dossier.Id.ToString();
        }
        var scope = ViewerScope.For(actor, graph, new SnapshotFilter { Dossier = dossierKey, NodeKinds = kinds });
        var view = scope.Visible;
        var g = view.Undirected;
        if (algorithm is "betweenness" or "closeness" && view.NodeCount > MaxNodesForPathMeasures)
            throw new AnalysisRefusedException("dossier", $"Het netwerk heeft {view.NodeCount} entiteiten; {algorithm} wordt exact berekend tot {MaxNodesForPathMeasures}. Kies een dossier of soorten entiteiten.");

        int? communities = null;
        double? modularity = null;
        double[] values;
        switch (algorithm)
        {
            case "degree": values = [.. Degree.Compute(g).Values]; break;
            case "betweenness": values = [.. Betweenness.Compute(g, new BetweennessOptions(Normalized: true), ct).Values]; break;
            case "closeness": values = [.. Closeness.Compute(g, ct: ct).Values]; break;
            case "pagerank":
                try { values = [.. PageRank.Compute(g, ct: ct).Values]; }
                catch (InvalidOperationException)
                {
                    throw new AnalysisRefusedException("algorithm", "PageRank convergeert niet op dit netwerk.");
                }
                break;
            case "kcore": values = [.. KCore.CoreNumbers(g).Select(c => (double)c)]; break;
            case "eigenvector":
                try { values = [.. Eigenvector.Compute(g, tolerance: 1e-9, maxIterations: 10_000, ct: ct).Values]; }
                catch (InvalidOperationException)
                {
                    throw new AnalysisRefusedException("algorithm", "De eigenvectorcentraliteit convergeert niet op dit netwerk; kies pagerank.");
                }
                break;
            case "louvain":
                var found = Louvain.Detect(g, ct: ct);
                // Communities renumbered by size, largest first, so "community 0" means the same thing to every reader.
                var bySize = found.CommunityOf.GroupBy(c => c).OrderByDescending(c => c.Count()).ThenBy(c => c.Key).Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
                values = [.. found.CommunityOf.Select(c => (double)bySize[c])];
                communities = found.Count;
                modularity = Math.Round(found.Modularity, 6);
                break;
            default: throw new AnalysisRefusedException("algorithm", $"Onbekende analyse '{algorithm}'. Kies uit: {string.Join(", ", Algorithms)}.");
        }

        var order = Enumerable.Range(0, view.NodeCount);
        var ranked = (algorithm == "louvain"
                ? order.OrderBy(v => values[v]).ThenBy(v => scope.Label(view.Node(v)), StringComparer.Ordinal)
                : order.OrderByDescending(v => values[v]).ThenBy(v => scope.Label(view.Node(v)), StringComparer.Ordinal))
            .Take(top).Select((v, i) =>
            {
                var n = view.Node(v);
                return new ScoreDto(i + 1, n.Key, scope.Label(n), n.Kind?.ToString(), ViewerScope.RoleName(scope.RoleFor(n)), Math.Round(values[v], 9));
            }).ToList();
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Analysis, dossierKey is null ? "Netwerk" : "Dossier", dossierKey,
            $"{algorithm}: {view.NodeCount} entiteiten, top {ranked.Count}", purpose), ct);
        return new AnalysisDto(algorithm, dossierNumber, view.NodeCount, g.EdgeCount, ranked, communities, modularity);
    }
}
