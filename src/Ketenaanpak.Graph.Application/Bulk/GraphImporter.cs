using System.Diagnostics;
using Ketenaanpak.Graph.Analytics.Io;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>What to import and how.</summary>
/// <param name="Path">A file, or for CSV a folder with nodes.csv and edges.csv.</param>
/// <param name="DisplayName">The file name recorded in provenance (an upload keeps its original name).</param>
public sealed record ImportRequest(string Path, ImportFormat Format, string Dataset, string DisplayName,
    CsvMapping? Mapping = null, NodeKind DefaultKind = NodeKind.Person, DuplicateWeights Duplicates = DuplicateWeights.Sum);

/// <summary>Counts while an import runs (for a progress bar).</summary>
public sealed record ImportProgress(long RowsRead, long NodesRead, long RelationsRead, long Rejected);

/// <summary>The result of an import: what was read, saved, refused and normalised.</summary>
public sealed record ImportSummary(
    string Dataset, string File, string Format, string Provider,
    long NodesRead, long RelationsRead, long StatementsRead,
    long NodesInserted, long RelationsInserted, long StatementsInserted,
    long NodesAlreadyPresent, long RelationsAlreadyPresentOrRepeated,
    long Rejected, IReadOnlyList<ImportRejection> Rejections, IReadOnlyList<string> Normalised, double Seconds)
{
    public const int MaxRejectionsListed = 1000;

    /// <summary>Where the time went (printed by `import --verbose`): the profile that decides what to speed up next.</summary>
    public ImportTimings? Timings { get; init; }
}

/// <param name="ReadSeconds">Parsing, checking and hashing ids (everything but the writer).</param>
/// <param name="WriteSeconds">The writer's AddNode/AddStatement/AddRelation (SQLite: the inserts; PostgreSQL: COPY).</param>
/// <param name="CommitSeconds">The writer's commit (PostgreSQL: moving the staged rows into the tables).</param>
public sealed record ImportTimings(double ReadSeconds, double WriteSeconds, double CommitSeconds);

/// <summary>
/// Reads a file with the parser of its format and writes it through <see cref="IBulkGraphWriter"/> in one transaction.
/// Rows that cannot be stored (empty name, bad weight, unknown endpoint, a value that fails its type) are refused
/// with line and reason; the rest is saved. A file that cannot be read as a whole saves nothing.
/// Memory: one set of node ids of this import (16 bytes a node) plus the writer's batch; relations stream through.
/// </summary>
public sealed class GraphImporter(IBulkGraphWriterFactory writers)
{
    public async Task<ImportSummary> ImportAsync(ImportRequest request, ImportProvenance provenance,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!ImportKeys.IsValidDataset(request.Dataset, out var datasetError)) throw new ImportFailedException(datasetError);
        if (!File.Exists(request.Path) && !(request.Format == ImportFormat.Csv && Directory.Exists(request.Path)))
            throw new ImportFailedException($"Het bestand '{request.DisplayName}' bestaat niet.");
        var clock = Stopwatch.StartNew();
        var state = new State(request);
        await using var inner = await writers.BeginAsync(provenance with { Dataset = request.Dataset }, cancellationToken);
        var writer = new TimedWriter(inner);
        foreach (var (file, items) in Sources(request))
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (item)
                {
                    case ImportItem.Failed f: throw new ImportFailedException(f.Reason);
                    case ImportItem.Note n: state.Notes.Add(n.Text); break;
                    case ImportItem.Rejected r: state.Reject(r.Rejection.Line, r.Rejection.Reason); break;
                    case ImportItem.NodeItem n: await state.NodeAsync(writer, file, n.Node, cancellationToken); break;
                    case ImportItem.RelationItem r: await state.RelationAsync(writer, file, r.Relation, cancellationToken); break;
                }
                if ((++state.Rows & 0x3FFF) == 0) progress?.Report(state.Progress);
            }
        }
        var written = await writer.CommitAsync(cancellationToken);
        var total = clock.Elapsed.TotalSeconds;
        progress?.Report(state.Progress);
        if (state.SelfLoops > 0) state.Notes.Add($"{state.SelfLoops} lus(sen) naar zichzelf weggelaten");
        if (state.Implied > 0) state.Notes.Add($"{state.Implied} knoop/knopen afgeleid uit relaties (geen eigen regel in het bestand)");
        return new ImportSummary(request.Dataset, request.DisplayName, request.Format.ToString().ToLowerInvariant(), writers.Provider,
            state.NodesRead, state.RelationsRead, state.StatementsRead, written.Nodes, written.Relations, written.Statements,
            state.NodesRead - written.Nodes, state.RelationsRead - written.Relations,
            state.RejectedCount, state.Rejections, state.Notes, Math.Round(total, 2))
        {
            Timings = new ImportTimings(Math.Round(total - writer.Write.TotalSeconds - writer.Commit.TotalSeconds, 2),
                Math.Round(writer.Write.TotalSeconds, 2), Math.Round(writer.Commit.TotalSeconds, 2)),
        };
    }

    private static IEnumerable<(string File, IEnumerable<ImportItem> Items)> Sources(ImportRequest r) => r.Format switch
    {
        ImportFormat.Csv => Directory.Exists(r.Path) ? CsvParser.Files(r.Path, r.Mapping ?? new CsvMapping())
            : [(r.DisplayName, CsvParser.Parse(r.Path, r.Mapping ?? new CsvMapping()))],
        ImportFormat.Ftm => [(r.DisplayName, FtmParser.Parse(r.Path))],
        ImportFormat.GraphMl => [(r.DisplayName, GraphMlParser.Parse(r.Path, r.DefaultKind))],
        _ => [(r.DisplayName, MatrixAndEdgeListParser.Parse(r.Path, r.Format, r.DefaultKind, r.Duplicates))],
    };

    private sealed class State(ImportRequest request)
    {
        // Source id → node id of this import: tells declared from unknown endpoints, and spares hashing the two endpoints
        // of every relation again (SHA-256 per id was most of the read time). O(nodes), relations stream through.
        private readonly Dictionary<string, NodeId> _nodes = new(StringComparer.Ordinal);
        public readonly List<string> Notes = [];
        public readonly List<ImportRejection> Rejections = [];
        public long Rows, NodesRead, RelationsRead, StatementsRead, RejectedCount, SelfLoops, Implied;
        private readonly string _dataset = request.Dataset;

        public ImportProgress Progress => new(Rows, NodesRead, RelationsRead, RejectedCount);

        // PostgreSQL text cannot hold U+0000: one such character made the whole import fail on the store's error
        // (the COPY) instead of refusing the one row with a reason.
        private const string NulReason = "De regel bevat een NUL-teken (0x00); dat kan niet worden opgeslagen.";
        private static bool HasNul(string? text) => text is not null && text.Contains('\0');

        private const string InvisibleReason = "De regel bevat een onzichtbaar teken dat de leesrichting of weergave van tekst verandert " +
            "(zoals U+202E of een spatie zonder breedte); pas het bestand aan.";

        private static bool AnyInvisible(IReadOnlyList<KeyValuePair<string, string>> properties)
        {
            for (int i = 0; i < properties.Count; i++) if (Domain.ValueObjects.InvisibleText.Contains(properties[i].Value)) return true;
            return false;
        }

        private static bool AnyNul(IReadOnlyList<KeyValuePair<string, string>> properties)
        {
            for (int i = 0; i < properties.Count; i++) if (HasNul(properties[i].Value)) return true;
            return false;
        }

        public void Reject(int line, string reason)
        {
            RejectedCount++;
            if (Rejections.Count < ImportSummary.MaxRejectionsListed) Rejections.Add(new ImportRejection(line, reason));
        }

        public async ValueTask NodeAsync(IBulkGraphWriter writer, string file, ImportNode node, CancellationToken ct)
        {
            if (HasNul(node.SourceId) || HasNul(node.Caption) || AnyNul(node.Properties)) { Reject(node.Line, NulReason); return; }
            if (Domain.ValueObjects.InvisibleText.Contains(node.SourceId) || Domain.ValueObjects.InvisibleText.Contains(node.Caption) || AnyInvisible(node.Properties))
            { Reject(node.Line, InvisibleReason); return; }
            var sourceId = node.SourceId.Trim();
            if (sourceId.Length is 0 or > ImportKeys.MaxSourceIdLength) { Reject(node.Line, $"Een id heeft 1–{ImportKeys.MaxSourceIdLength} tekens."); return; }
            var caption = (node.Caption ?? "").Trim();
            if (caption.Length == 0) caption = sourceId;
            if (caption.Length > Node.MaxCaptionLength) { Reject(node.Line, $"De naam is te lang (maximaal {Node.MaxCaptionLength} tekens)."); return; }
            if (_nodes.ContainsKey(sourceId)) { Reject(node.Line, $"De id '{sourceId}' komt al eerder in het bestand voor."); return; }
            var id = ImportKeys.NodeIdFor(_dataset, sourceId);
            _nodes.Add(sourceId, id);
            var reference = ImportKeys.Reference(_dataset, file, node.Line, sourceId);
            NodesRead++;
            await writer.AddNodeAsync(new BulkNode(id, node.Kind, caption, reference), ct);
            foreach (var (property, value) in node.Properties)
            {
                var definition = NodeSchema.Property(node.Kind, property);
                if (definition is null) { Reject(node.Line, $"Een {NodeKindInfo.Of(node.Kind).DutchLabel.ToLowerInvariant()} heeft geen eigenschap '{property}'."); continue; }
                if (!NodeSchema.TryNormalise(definition, value, out var normalised, out var error)) { Reject(node.Line, $"{definition.DutchLabel}: {error}"); continue; }
                StatementsRead++;
                await writer.AddStatementAsync(new BulkStatement(ImportKeys.StatementIdFor(id, definition.Name, normalised), id, definition.Name, normalised, reference), ct);
            }
        }

        public async ValueTask RelationAsync(IBulkGraphWriter writer, string file, ImportRelation r, CancellationToken ct)
        {
            if (HasNul(r.From) || HasNul(r.To) || HasNul(r.Detail) || HasNul(r.SourceId)) { Reject(r.Line, NulReason); return; }
            if (Domain.ValueObjects.InvisibleText.Contains(r.From) || Domain.ValueObjects.InvisibleText.Contains(r.To) || Domain.ValueObjects.InvisibleText.Contains(r.Detail))
            { Reject(r.Line, InvisibleReason); return; }
            var (from, to) = (r.From.Trim(), r.To.Trim());
            if (from == to) { SelfLoops++; return; }
            if (!double.IsFinite(r.Weight) || r.Weight <= 0) { Reject(r.Line, $"Het gewicht {r.Weight} is geen positief getal."); return; }
            if (r.Detail is { Length: > Relation.MaxDetailLength }) { Reject(r.Line, "De toelichting is te lang."); return; }
            if (r.ValidFrom is { } vf && r.ValidTo is { } vt && vt < vf) { Reject(r.Line, "De einddatum ligt vóór de begindatum."); return; }
            var source = await EndpointAsync(writer, file, from, r, ct);
            var target = await EndpointAsync(writer, file, to, r, ct);
            if (source is null || target is null) return;
            var key = r.SourceId ?? ImportKeys.PairKey(from, to, r.Type);
            if (key.Length > ImportKeys.MaxSourceIdLength * 2 + 50) { Reject(r.Line, "De id van de relatie is te lang."); return; }
            RelationsRead++;
            var reference = ImportKeys.Reference(_dataset, file, r.Line, r.SourceId ?? $"{from}->{to}");
            if (reference.Length > Domain.Provenance.Provenance.MaxReferenceLength) reference = reference[..Domain.Provenance.Provenance.MaxReferenceLength];
            await writer.AddRelationAsync(new BulkRelation(ImportKeys.RelationIdFor(_dataset, key), r.Type, source.Value, target.Value,
                r.Weight, r.Detail, r.ValidFrom, r.ValidTo, reference), ct);
        }

        private async ValueTask<NodeId?> EndpointAsync(IBulkGraphWriter writer, string file, string sourceId, ImportRelation r, CancellationToken ct)
        {
            if (sourceId.Length is 0 or > ImportKeys.MaxSourceIdLength) { Reject(r.Line, $"Een id heeft 1–{ImportKeys.MaxSourceIdLength} tekens."); return null; }
            if (_nodes.TryGetValue(sourceId, out var known)) return known;
            if (r.ImpliedKind is not { } kind) { Reject(r.Line, $"'{sourceId}' staat niet als knoop in het bestand."); return null; }
            var id = ImportKeys.NodeIdFor(_dataset, sourceId);
            _nodes.Add(sourceId, id);
            Implied++;
            NodesRead++;
            await writer.AddNodeAsync(new BulkNode(id, kind, sourceId.Length > Node.MaxCaptionLength ? sourceId[..Node.MaxCaptionLength] : sourceId,
                ImportKeys.Reference(_dataset, file, r.Line, sourceId)), ct);
            return id;
        }
    }

    /// <summary>Times the writer's part of an import (the rest is reading), for <see cref="ImportTimings"/>.</summary>
    private sealed class TimedWriter(IBulkGraphWriter inner) : IBulkGraphWriter
    {
        private long _write;
        public TimeSpan Write => Stopwatch.GetElapsedTime(0, _write);
        public TimeSpan Commit { get; private set; }

        public async ValueTask AddNodeAsync(BulkNode node, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            await inner.AddNodeAsync(node, ct);
            _write += Stopwatch.GetTimestamp() - start;
        }

        public async ValueTask AddStatementAsync(BulkStatement statement, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            await inner.AddStatementAsync(statement, ct);
            _write += Stopwatch.GetTimestamp() - start;
        }

        public async ValueTask AddRelationAsync(BulkRelation relation, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            await inner.AddRelationAsync(relation, ct);
            _write += Stopwatch.GetTimestamp() - start;
        }

        public async Task<BulkWriteResult> CommitAsync(CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await inner.CommitAsync(ct);
            Commit = Stopwatch.GetElapsedTime(start);
            return result;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the inner writer is disposed by its own using
    }
}
