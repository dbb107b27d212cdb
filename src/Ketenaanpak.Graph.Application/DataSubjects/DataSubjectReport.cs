using System.Globalization;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.DataSubjects;

/// <summary>Where one fact came from and under which rules it is held, in Dutch as the report shows it.</summary>
public sealed record FactSource(string Partner, DateTimeOffset? ObservedAt, DateTimeOffset RecordedAt, string Grading,
    string LegalBasis, string HandlingCode, DateOnly RetainUntil);

public sealed record ReportStatement(string Property, string Value, FactSource Source);

public sealed record ReportRelation(string Type, string OtherEnd, bool Outgoing, DateOnly? ValidFrom, DateOnly? ValidTo, FactSource Source);

public sealed record ReportMembership(string DossierNumber, string Role, DateOnly DossierRetainUntil, FactSource Source);

public sealed record ReportSignal(string Number, DateOnly ObservedOn, string Status, string? MentionedAs, FactSource Source);

/// <summary>Everything held about one person (AVG art. 15): the facts side by side per partner, with source and basis.</summary>
public sealed record DataSubjectReport(NodeId NodeId, string Caption, string Kind, FactSource Source,
    IReadOnlyList<ReportStatement> Statements, IReadOnlyList<ReportRelation> Relations,
    IReadOnlyList<ReportMembership> Memberships, IReadOnlyList<ReportSignal> Signals)
{
    public static IReadOnlyList<string> CsvHeader { get; } =
    [
        "soort", "onderdeel", "waarde", "bronpartner", "waargenomen", "vastgelegd", "betrouwbaarheid", "rechtsgrond",
        "behandelcode", "bewaren_tot",
    ];

    /// <summary>The report as CSV, one fact a line, protected against formula injection like the audit log's export.</summary>
    public async Task WriteCsvAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        await writer.WriteAsync(AuditCsv.Line(CsvHeader));
        async Task Row(string kind, string part, string value, FactSource s) => await writer.WriteAsync(AuditCsv.Line(
        [
            kind, part, value, s.Partner, s.ObservedAt is { } o ? Date(o) : null, Date(s.RecordedAt), s.Grading, s.LegalBasis,
            s.HandlingCode, s.RetainUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ]));
        await Row("entiteit", Kind, Caption, Source);
        foreach (var s in Statements) await Row("gegeven", s.Property, s.Value, s.Source);
        foreach (var r in Relations) await Row("relatie", r.Type, r.OtherEnd, r.Source);
        foreach (var m in Memberships) await Row("dossier", m.DossierNumber, m.Role, m.Source);
        foreach (var s in Signals) await Row("signaal", s.Number, s.MentionedAs ?? "genoemd", s.Source);
        await writer.FlushAsync(cancellationToken);
    }

    public static string Date(DateTimeOffset at) => DutchCalendar.ToLocal(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record PersonMatch(NodeId Id, string Caption);

/// <summary>
/// Builds the data-subject report and finds the person it is about. For the data-protection officer only (the one
/// contact point for data-subject requests, domain.md §7); callers check the role and audit each use.
/// </summary>
public sealed class DataSubjectReports(IGraphDbContext db)
{
    public const int MaxMatches = 50;
    public const int MaxSearchLength = 200;

    public async Task<IReadOnlyList<PersonMatch>> FindPersonsAsync(string name, CancellationToken cancellationToken = default)
    {
        var needle = name.Trim().ToLowerInvariant();
        if (needle.Length == 0) return [];
        return await db.Nodes.AsNoTracking()
            .Where(n => n.Kind == NodeKind.Person && n.Caption.ToLower().Contains(needle))
            .OrderBy(n => n.Caption).Take(MaxMatches)
            .Select(n => new PersonMatch(n.Id, n.Caption)).ToListAsync(cancellationToken);
    }

    public async Task<DataSubjectReport?> BuildAsync(NodeId id, CancellationToken cancellationToken = default)
    {
        var node = await db.Nodes.AsNoTracking().Include(n => n.Statements).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (node is null) return null;
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        FactSource Source(Provenance p) => new(partners.GetValueOrDefault(p.SourcePartner, "onbekende partner"), p.ObservedAt, p.RecordedAt,
            p.Grading.Code, p.LegalBasis.Dutch(), p.HandlingCode.Dutch(), p.RetainUntil);

        var statements = node.Statements.OrderBy(s => s.Property, StringComparer.Ordinal).ThenBy(s => s.Provenance.RecordedAt)
            .Select(s => new ReportStatement(NodeSchema.Property(node.Kind, s.Property)?.DutchLabel ?? s.Property, s.Value, Source(s.Provenance)))
            .ToList();

        var relations = await db.Relations.AsNoTracking().Where(r => r.SourceId == id || r.TargetId == id).ToListAsync(cancellationToken);
        var otherIds = relations.Select(r => r.SourceId == id ? r.TargetId : r.SourceId).Distinct().ToList();
        var captions = await db.Nodes.AsNoTracking().Where(n => otherIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Caption, cancellationToken);
        var reportRelations = relations.Select(r =>
        {
            var outgoing = r.SourceId == id;
            var other = outgoing ? r.TargetId : r.SourceId;
            return new ReportRelation(RelationTypeInfo.Of(r.Type).DutchLabel, captions.GetValueOrDefault(other, other.ToString()), outgoing,
                r.ValidFrom, r.ValidTo, Source(r.Provenance));
        }).OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.OtherEnd, StringComparer.Ordinal).ToList();

        var members = await db.DossierMembers.AsNoTracking().Where(m => m.NodeId == id).ToListAsync(cancellationToken);
        var dossierIds = members.Select(m => m.DossierId).Distinct().ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Number, d.RetainUntil }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var memberships = members.Where(m => dossiers.ContainsKey(m.DossierId))
            .Select(m => new ReportMembership(dossiers[m.DossierId].Number, m.Role.Dutch(), dossiers[m.DossierId].RetainUntil, Source(m.Provenance)))
            .OrderBy(m => m.DossierNumber, StringComparer.Ordinal).ToList();

        var mentions = await db.SignalMentions.AsNoTracking().Where(m => m.NodeId == id).ToListAsync(cancellationToken);
        var signalIds = mentions.Select(m => m.SignalId).ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => signalIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var reportSignals = signals.Select(s => new ReportSignal(s.Number, s.ObservedOn, s.Status.Dutch(),
            mentions.First(m => m.SignalId == s.Id).Role, Source(s.Provenance))).OrderBy(s => s.Number, StringComparer.Ordinal).ToList();

        return new DataSubjectReport(node.Id, node.Caption, NodeKindInfo.Of(node.Kind).DutchLabel, Source(node.Provenance),
            statements, reportRelations, memberships, reportSignals);
    }
}
