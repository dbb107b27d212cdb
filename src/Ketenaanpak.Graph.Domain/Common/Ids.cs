namespace Ketenaanpak.Graph.Domain.Common;

// Strongly typed ids: a SignalId can never be passed where a DossierId is expected. Version-7 GUIDs sort by
// creation time, which keeps B-tree inserts local in both PostgreSQL and SQLite.

public readonly record struct NodeId(Guid Value)
{
    public static NodeId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct StatementId(Guid Value)
{
    public static StatementId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct RelationId(Guid Value)
{
    public static RelationId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PartnerId(Guid Value)
{
    public static PartnerId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct SignalId(Guid Value)
{
    public static SignalId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct DossierId(Guid Value)
{
    public static DossierId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct InterventionId(Guid Value)
{
    public static InterventionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct CaseMeetingId(Guid Value)
{
    public static CaseMeetingId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AgendaItemId(Guid Value)
{
    public static AgendaItemId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct DecisionId(Guid Value)
{
    public static DecisionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
