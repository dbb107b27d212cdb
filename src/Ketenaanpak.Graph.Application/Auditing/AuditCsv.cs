using System.Globalization;
using System.Text;

namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>
/// The audit log as CSV (RFC 4180: comma, CRLF, fields with a comma, quote or line break quoted, quotes doubled), UTF-8
/// with a byte-order mark so that spreadsheet programs read the accents right. The columns carry every hashed field as
/// stored, so an auditor can recompute each hash (docs/decisions/ADR-004).
/// </summary>
/// <remarks>
/// Formula injection: cells are neutralised by <see cref="Abstractions.SpreadsheetCells"/> (a leading apostrophe, reversibly).
/// </remarks>
public static class AuditCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "volgnummer", "tijdstip_utc", "gebruiker_id", "gebruiker", "rol", "partner_id", "actie", "onderwerp_type",
        "onderwerp_id", "detail", "doel", "vorige_hash", "hash",
    ];

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the header and the entries; returns how many entries were written.</summary>
    public static async Task<long> WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync(Line(Header));
        long count = 0;
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(
            [
                e.Sequence.ToString(CultureInfo.InvariantCulture), AuditHash.Instant(e.At), e.ActorId, e.ActorName, e.Role,
                e.PartnerId?.Value.ToString("D"), e.Action.ToString(), e.SubjectType, e.SubjectId, e.Detail, e.Purpose,
                e.PreviousHash, e.Hash,
            ]));
            count++;
        }
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    public static string Line(IReadOnlyList<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        value = Abstractions.SpreadsheetCells.Neutralise(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
