using System.Security.Cryptography;
using System.Text;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Bulk;

/// <summary>The file shapes the importer reads (see shared/datasets/SOURCES.md for real examples of each).</summary>
public enum ImportFormat
{
    /// <summary>Nodes and/or edges as CSV with a header, read through a <see cref="CsvMapping"/>.</summary>
    Csv,
    /// <summary>FollowTheMoney entities, one JSON object per line.</summary>
    Ftm,
    GraphMl,
    /// <summary>Undirected edge list: "a b [weight]" split on whitespace, tabs or commas.</summary>
    EdgeList,
    /// <summary>One-mode adjacency matrix (n × n), symmetric or not.</summary>
    Matrix,
    /// <summary>Two-mode incidence matrix (rows × columns): two node kinds.</summary>
    TwoMode,
}

/// <summary>A node as read from a file, before it gets its stable id.</summary>
/// <param name="SourceId">The file's own identifier (vertex name, FtM id, CSV id column): unique per dataset.</param>
public sealed record ImportNode(string SourceId, NodeKind Kind, string Caption, int Line,
    IReadOnlyList<KeyValuePair<string, string>> Properties);

/// <summary>A relation as read from a file. Endpoints are source ids of the same dataset.</summary>
/// <param name="SourceId">The file's id of the relation, or null: then the pair and type identify it.</param>
/// <param name="ImpliedKind">When set, an endpoint that no node row declared is created with this kind (edge lists
/// name their vertices only in edges); when null such a relation is rejected.</param>
public sealed record ImportRelation(string? SourceId, string From, string To, RelationType Type, double Weight,
    int Line, string? Detail = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, NodeKind? ImpliedKind = null);

/// <summary>A row the importer refused, with the reason in Dutch (shown to the user as is).</summary>
public sealed record ImportRejection(int Line, string Reason);

/// <summary>One item of the stream a parser produces: a node, a relation, a rejected row or a note on what the parser
/// normalised (pairs merged, weights summed, modes detected).</summary>
public abstract record ImportItem
{
    public sealed record NodeItem(ImportNode Node) : ImportItem;
    public sealed record RelationItem(ImportRelation Relation) : ImportItem;
    public sealed record Rejected(ImportRejection Rejection) : ImportItem;
    public sealed record Note(string Text) : ImportItem;
    /// <summary>The file as a whole cannot be read (not XML, a ragged matrix): the import stops and saves nothing.</summary>
    public sealed record Failed(string Reason) : ImportItem;
}

/// <summary>An import that stopped: nothing of it was saved. The message is Dutch, for the user.</summary>
public sealed class ImportFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Provenance of everything one import writes. The defaults are deliberately cautious: an untested source whose
/// information cannot be judged (E4), processed under the RIEC covenant, shareable in the chain, kept five years.
/// They are printed in every import summary so that nobody mistakes them for what a partner stated.
/// </summary>
public sealed record ImportProvenance(
    PartnerId Partner,
    DateTimeOffset RecordedAt,
    Grading Grading,
    LegalBasis LegalBasis,
    HandlingCode HandlingCode,
    DateOnly RetainUntil)
{
    public static readonly Grading DefaultGrading = new(SourceReliability.E, InformationValidity.CannotBeJudged);
    public const LegalBasis DefaultLegalBasis = LegalBasis.Covenant;
    public const HandlingCode DefaultHandlingCode = HandlingCode.Chain;
    public const int DefaultRetentionYears = 5;

    /// <summary>
    /// The dataset being imported (set by the importer): lets a writer serialise two imports of the same dataset (their
    /// rows share ids) while imports of different datasets run side by side.
    /// </summary>
    public string? Dataset { get; init; }

    public Provenance For(string reference) =>
        new(Partner, null, reference, null, RecordedAt, Grading, LegalBasis, HandlingCode, RetainUntil);
}

/// <summary>
/// Stable identities and the provenance reference of imported facts. A node's id is a hash of (dataset, source id), so
/// importing the same file again finds the same rows (and inserts nothing), without a lookup table. The reference
/// "import|dataset|file:line|source id" records the dataset (so a dataset can be exported or filtered later), the file
/// and line, and the source id (so an export can give back the file's own identifiers).
/// </summary>
public static class ImportKeys
{
    public const string Prefix = "import|";
    public const int MaxDatasetLength = 60;
    public const int MaxSourceIdLength = 200;

    /// <summary>Dataset names: letters, digits, '-', '_', '.'; so they are safe in references, file names and URLs.</summary>
    public static bool IsValidDataset(string? name, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxDatasetLength
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            error = $"Een datasetnaam bestaat uit 1–{MaxDatasetLength} letters, cijfers, '-', '_' of '.'.";
            return false;
        }
        return true;
    }

    public static string DatasetPrefix(string dataset) => Prefix + dataset + "|";

    public static NodeId NodeIdFor(string dataset, string sourceId) => new(Hash("node", dataset, sourceId));

    public static RelationId RelationIdFor(string dataset, string relationKey) => new(Hash("relation", dataset, relationKey));

    public static StatementId StatementIdFor(NodeId node, string property, string value) =>
        new(Hash("statement", node.Value.ToString("N"), property + "\u001f" + value));

    /// <summary>The key of a relation without an id of its own: its endpoints and type (so a repeated row is the same relation).</summary>
    public static string PairKey(string from, string to, RelationType type) => $"{from}\u001f{to}\u001f{type}";

    public static string Reference(string dataset, string fileName, int line, string sourceId) =>
        $"{Prefix}{dataset}|{fileName.Replace('|', '_')}:{line}|{sourceId}";

    /// <summary>Splits a reference made by <see cref="Reference"/>; false for references of other origins.</summary>
    public static bool TryParse(string? reference, out string dataset, out string fileAndLine, out string sourceId)
    {
        dataset = fileAndLine = sourceId = "";
        if (reference is null || !reference.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = reference[Prefix.Length..].Split('|', 3);
        if (parts.Length != 3) return false;
        (dataset, fileAndLine, sourceId) = (parts[0], parts[1], parts[2]);
        return true;
    }

    // A name-based UUID (RFC 9562 version 8, custom): SHA-256 over the parts, the version and variant bits set.
    // Stored ids depend on exactly these bytes (a re-import finds its rows by them), so the hash must never change;
    // only the way it is computed may: UTF-8 straight into a stack (or pooled) buffer, no concatenated string, no
    // byte array per id. An import hashes once per node, statement and relation (endpoints come from a cache).
    private static Guid Hash(string space, string a, string b)
    {
        int max = Encoding.UTF8.GetMaxByteCount(space.Length + a.Length + b.Length + 2);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int n = Encoding.UTF8.GetBytes(space, buffer);
            buffer[n++] = 0x1F;
            n += Encoding.UTF8.GetBytes(a, buffer[n..]);
            buffer[n++] = 0x1F;
            n += Encoding.UTF8.GetBytes(b, buffer[n..]);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer[..n], hash);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
