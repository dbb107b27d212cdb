namespace Ketenaanpak.Graph.Infrastructure.Bulk;

/// <summary>
/// The column lists of the three fact tables as the EF model maps them (GraphConfigurations, ProvenanceMapping).
/// Bulk writers bypass EF for speed, so a test (BulkImportTests) reads every imported row back through EF: a drift
/// here fails there.
/// </summary>
internal static class BulkColumns
{
    public const string Provenance =
        "prov_partner, prov_signal, prov_reference, prov_observed_at, prov_recorded_at, prov_source_reliability, " +
        "prov_information_validity, prov_legal_basis, prov_handling_code, prov_retain_until";

    public const string Nodes = "\"Id\", \"Kind\", \"Caption\", \"ExactKey\", \"MergedInto\", \"Version\", " + Provenance;
    public const string Statements = "\"Id\", \"NodeId\", \"Property\", \"Value\", " + Provenance;
    public const string Relations = "\"Id\", \"Type\", \"SourceId\", \"TargetId\", \"ValidFrom\", \"ValidTo\", \"Weight\", \"Detail\", \"Version\", " + Provenance;

    public static string Parameters(string columns, string prefix = "@p") =>
        string.Join(", ", Enumerable.Range(0, columns.Split(',').Length).Select(i => prefix + i));
}
