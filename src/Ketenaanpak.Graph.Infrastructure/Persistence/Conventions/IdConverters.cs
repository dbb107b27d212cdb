using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ketenaanpak.Graph.Infrastructure.Persistence.Conventions;

internal sealed class NodeIdConverter() : ValueConverter<NodeId, Guid>(v => v.Value, v => new NodeId(v));
internal sealed class StatementIdConverter() : ValueConverter<StatementId, Guid>(v => v.Value, v => new StatementId(v));
internal sealed class RelationIdConverter() : ValueConverter<RelationId, Guid>(v => v.Value, v => new RelationId(v));
internal sealed class PartnerIdConverter() : ValueConverter<PartnerId, Guid>(v => v.Value, v => new PartnerId(v));
internal sealed class SignalIdConverter() : ValueConverter<SignalId, Guid>(v => v.Value, v => new SignalId(v));
internal sealed class DossierIdConverter() : ValueConverter<DossierId, Guid>(v => v.Value, v => new DossierId(v));
internal sealed class InterventionIdConverter() : ValueConverter<InterventionId, Guid>(v => v.Value, v => new InterventionId(v));
internal sealed class CaseMeetingIdConverter() : ValueConverter<CaseMeetingId, Guid>(v => v.Value, v => new CaseMeetingId(v));
internal sealed class AgendaItemIdConverter() : ValueConverter<AgendaItemId, Guid>(v => v.Value, v => new AgendaItemId(v));
internal sealed class DecisionIdConverter() : ValueConverter<DecisionId, Guid>(v => v.Value, v => new DecisionId(v));

/// <summary>
/// SQLite has no timestamp type and EF cannot order or compare DateTimeOffset stored as text there, so the embedded
/// store keeps instants as UTC milliseconds since the Unix epoch (readable with SQLite's datetime(x/1000,'unixepoch')).
/// </summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
