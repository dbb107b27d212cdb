using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>
/// The hash of an audit entry, in a form an auditor can recompute with <c>sha256sum</c> (docs/decisions/ADR-004):
/// SHA-256, lower-case hex, over the UTF-8 bytes (no BOM) of the canonical text
/// <code>
/// ketenaanpak-audit-v1
/// sequence=42
/// at=2026-11-30T09:15:02.123Z
/// actor_id=…
/// actor_name=…
/// role=…
/// partner_id=…          (lower-case GUID with hyphens, empty for the system)
/// action=Export         (the AuditAction name)
/// subject_type=…
/// subject_id=…
/// detail=…
/// purpose=…
/// previous_hash=…       (64 hex digits; 64 zeros for sequence 1)
/// </code>
/// with every line, the last one included, ended by a single LF. An absent value is written as nothing after "=".
/// In values, "\" is written "\\", LF "\n" and CR "\r", so no value can imitate the next line and the text maps to one
/// entry only. The field order and the version line are the format; a change of format gets a new version line.
/// </summary>
public static class AuditHash
{
    public const string FormatVersion = "ketenaanpak-audit-v1";

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', AuditEntry.HashLength);

    public static string Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(512).Append(FormatVersion).Append('\n');
        Line(text, "sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Line(text, "at", Instant(entry.At));
        Line(text, "actor_id", entry.ActorId);
        Line(text, "actor_name", entry.ActorName);
        Line(text, "role", entry.Role);
        Line(text, "partner_id", entry.PartnerId?.Value.ToString("D"));
        Line(text, "action", entry.Action.ToString());
        Line(text, "subject_type", entry.SubjectType);
        Line(text, "subject_id", entry.SubjectId);
        Line(text, "detail", entry.Detail);
        Line(text, "purpose", entry.Purpose);
        Line(text, "previous_hash", entry.PreviousHash);
        return text.ToString();
    }

    public static string Compute(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    /// <summary>The instant as in the canonical text and the CSV export: UTC, milliseconds, "Z".</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        foreach (var c in value ?? "")
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                _ => text.Append(c),
            };
        }
        text.Append('\n');
    }
}
