using System.Globalization;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>Shared spellings of exported values, so every format says the same thing the same way.</summary>
internal static class ExportValues
{
    /// <summary>Every property name of every node kind, in schema order (GraphML and CSV declare their columns up front).</summary>
    public static readonly string[] PropertyNames = NodeKindInfo.All.SelectMany(k => NodeSchema.Of(k.Kind)).Select(p => p.Name).Distinct().ToArray();

    public static readonly string[] ProvenanceNames =
        ["prov_partner", "prov_signal", "prov_reference", "prov_observed_at", "prov_recorded_at", "prov_source_reliability",
         "prov_information_validity", "prov_legal_basis", "prov_handling_code", "prov_retain_until"];

    public static string?[] Provenance(Provenance p) =>
    [
        Partner(p.SourcePartner.Value), p.SourceSignal?.Value.ToString(), p.SourceReference, Instant(p.ObservedAt), Recorded(p.RecordedAt),
        p.Grading.Source.ToString(), ((int)p.Grading.Validity).ToString(CultureInfo.InvariantCulture), p.LegalBasis.ToString(),
        p.HandlingCode.ToString(), Retain(p.RetainUntil),
    ];

    // An imported dataset repeats one partner, one recorded-at instant and one retention date on every row; formatting
    // them once instead of per row (a custom date format is the dearest call here) is a measurable part of an export.
    // One-entry memos: the tuple is replaced as a whole (reference assignment is atomic), so concurrent exports are safe.
    private static Tuple<Guid, string> _partner = Tuple.Create(Guid.Empty, Guid.Empty.ToString());
    private static Tuple<DateTimeOffset, string?> _recorded = Tuple.Create(DateTimeOffset.MinValue, Instant(DateTimeOffset.MinValue));
    private static Tuple<DateOnly, string?> _retain = Tuple.Create(DateOnly.MinValue, Date(DateOnly.MinValue));

    internal static string Partner(Guid g)
    {
        var memo = _partner;
        if (memo.Item1 == g) return memo.Item2;
        _partner = memo = Tuple.Create(g, g.ToString());
        return memo.Item2;
    }

    internal static string? Recorded(DateTimeOffset t)
    {
        var memo = _recorded;
        if (memo.Item1 == t && memo.Item1.Offset == t.Offset) return memo.Item2;
        _recorded = memo = Tuple.Create(t, Instant(t));
        return memo.Item2;
    }

    internal static string? Retain(DateOnly d)
    {
        var memo = _retain;
        if (memo.Item1 == d) return memo.Item2;
        _retain = memo = Tuple.Create(d, Date(d));
        return memo.Item2;
    }

    public static string? Instant(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Values of one property joined by newlines (a node rarely has two; CSV quoting keeps the newline).</summary>
    public static string? Joined(IReadOnlyList<KeyValuePair<string, string>> props, string name)
    {
        string? result = null;
        foreach (var (k, v) in props)
            if (k == name) result = result is null ? v : result + "\n" + v;
        return result;
    }
}
