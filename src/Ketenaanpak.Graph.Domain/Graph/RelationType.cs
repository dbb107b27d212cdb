namespace Ketenaanpak.Graph.Domain.Graph;

/// <summary>
/// Typed relations between entities (domain.md §5). Every relation is stored with a direction
/// (source → target); <see cref="RelationTypeInfo.Directed"/> says whether the direction carries meaning.
/// </summary>
public enum RelationType
{
    RegisteredAt = 1,
    StaysAt = 2,
    WorksAt = 3,
    EmployedBy = 4,
    PlacedByAgency = 5,
    DirectorOf = 6,
    OwnerOf = 7,
    LetsTo = 8,
    HoldsDocument = 9,
    HoldsOthersDocument = 10,
    Accompanies = 11,
    Recruited = 12,
    Transported = 13,
    Exploits = 14,
    Controls = 15,
    Associate = 16,
    Family = 17,
    UsesPhone = 18,
    UsesAccount = 19,
    UsesVehicle = 20,
    PaysTo = 21,
    AdvertisesVia = 22,
    /// <summary>A generic tie from an imported network whose meaning the source did not state.</summary>
    LinkedTo = 23,
}

/// <summary>Labels and mappings of a <see cref="RelationType"/>.</summary>
/// <param name="Neo4jType">Relationship type in Neo4j (UPPER_SNAKE).</param>
/// <param name="FtmSchema">FollowTheMoney interval schema, or null where FtM has none (our extension).</param>
public sealed record RelationTypeInfo(RelationType Type, string DutchLabel, string Neo4jType, bool Directed, string? FtmSchema)
{
    public static IReadOnlyList<RelationTypeInfo> All { get; } =
    [
        new(RelationType.RegisteredAt, "ingeschreven op", "REGISTERED_AT", true, null),
        new(RelationType.StaysAt, "verblijft op", "STAYS_AT", true, null),
        new(RelationType.WorksAt, "werkt op", "WORKS_AT", true, null),
        new(RelationType.EmployedBy, "in dienst van", "EMPLOYED_BY", true, "Employment"),
        new(RelationType.PlacedByAgency, "geplaatst door uitzendbureau", "PLACED_BY_AGENCY", true, "Employment"),
        new(RelationType.DirectorOf, "bestuurder van", "DIRECTOR_OF", true, "Directorship"),
        new(RelationType.OwnerOf, "eigenaar van", "OWNER_OF", true, "Ownership"),
        new(RelationType.LetsTo, "verhuurt aan", "LETS_TO", true, null),
        new(RelationType.HoldsDocument, "houdt document", "HOLDS_DOCUMENT", true, null),
        new(RelationType.HoldsOthersDocument, "houdt document van ander vast", "HOLDS_OTHERS_DOCUMENT", true, null),
        new(RelationType.Accompanies, "begeleidt", "ACCOMPANIES", true, "Representation"),
        new(RelationType.Recruited, "rekruteerde", "RECRUITED", true, null),
        new(RelationType.Transported, "vervoerde", "TRANSPORTED", true, null),
        new(RelationType.Exploits, "buit uit", "EXPLOITS", true, null),
        new(RelationType.Controls, "controleert", "CONTROLS", true, null),
        new(RelationType.Associate, "bekende van", "ASSOCIATE", false, "Associate"),
        new(RelationType.Family, "familie van", "FAMILY", false, "Family"),
        new(RelationType.UsesPhone, "gebruikt telefoon", "USES_PHONE", true, null),
        new(RelationType.UsesAccount, "gebruikt rekening", "USES_ACCOUNT", true, null),
        new(RelationType.UsesVehicle, "gebruikt voertuig", "USES_VEHICLE", true, null),
        new(RelationType.PaysTo, "betaalt aan", "PAYS_TO", true, "Payment"),
        new(RelationType.AdvertisesVia, "adverteert via", "ADVERTISES_VIA", true, null),
        new(RelationType.LinkedTo, "verbonden met", "LINKED_TO", false, null),
    ];

    public static RelationTypeInfo Of(RelationType type) => All.First(t => t.Type == type);
}
