using System.Text;
using System.Text.Json;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Bulk.Export;

/// <summary>
/// FollowTheMoney entities, one JSON object per line: nodes with their FtM schema and properties by FtM name (name =
/// caption); relations with an FtM interval schema as that schema (Payment payer → beneficiary, with date and
/// amount), the others — residence, control, recruitment, which FtM lacks — as UnknownLink with the type as role.
/// Provenance travels in the "ketenaanpak" member that FtM readers ignore.
/// </summary>
public sealed class FtmExportWriter(Stream output) : IExportWriter
{
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Indented = false, SkipValidation = true });
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public Task BeginAsync(ExportHeader header, CancellationToken ct) => Task.CompletedTask;

    public async Task NodeAsync(ExportNode n, CancellationToken ct)
    {
        var info = NodeKindInfo.Of(n.Kind);
        _json.WriteStartObject();
        _json.WriteString("id", n.Id);
        _json.WriteString("schema", info.FtmSchema);
        _json.WriteStartObject("properties");
        Values("name", [n.Caption]);
        foreach (var group in n.Properties.GroupBy(p => NodeSchema.Property(n.Kind, p.Key)?.FtmName ?? p.Key))
            if (group.Key != "name") Values(group.Key, group.Select(p => p.Value));
        _json.WriteEndObject();
        Provenance(n.Provenance);
        _json.WriteEndObject();
        await EndLine(ct);
    }

    public async Task RelationAsync(ExportRelation r, CancellationToken ct)
    {
        var interval = FtmParser.IntervalOf(r.Type);
        var (schema, from, to) = interval ?? ("UnknownLink", "subject", "object");
        _json.WriteStartObject();
        _json.WriteString("id", r.Id);
        _json.WriteString("schema", schema);
        _json.WriteStartObject("properties");
        Values(from, [r.Source]);
        Values(to, [r.Target]);
        if (interval is null || schema is "Membership" or "Associate" or "Representation") Values("role", [RelationTypeInfo.Of(r.Type).Neo4jType]);
        if (r.ValidFrom is { } f) Values(schema == "Payment" ? "date" : "startDate", [ExportValues.Date(f)!]);
        if (r.ValidTo is { } t) Values("endDate", [ExportValues.Date(t)!]);
        if (r.Detail is { } d) Values(schema == "Payment" ? "description" : "summary", [d]);
        if (r.Weight != 1) Values("weight", [ExportValues.Number(r.Weight)]);
        _json.WriteEndObject();
        Provenance(r.Provenance);
        _json.WriteEndObject();
        await EndLine(ct);
    }

    public async Task EndAsync(CancellationToken ct)
    {
        await _json.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private int _pending;

    private async Task EndLine(CancellationToken ct)
    {
        _json.Flush();
        _json.Reset();
        output.Write(NewLine);
        if (++_pending % 4096 == 0) await output.FlushAsync(ct);
    }

    private void Values(string name, IEnumerable<string> values)
    {
        _json.WriteStartArray(name);
        foreach (var v in values) _json.WriteStringValue(v);
        _json.WriteEndArray();
    }

    private void Provenance(Domain.Provenance.Provenance p)
    {
        _json.WriteStartObject("ketenaanpak");
        var values = ExportValues.Provenance(p);
        for (int i = 0; i < values.Length; i++)
            if (values[i] is { } v) _json.WriteString(ExportValues.ProvenanceNames[i], v);
        _json.WriteEndObject();
    }
}
