namespace Ketenaanpak.Graph.Domain.Graph;

/// <summary>
/// The kinds of entity that are nodes of the one network. The names double as Neo4j labels and map onto
/// FollowTheMoney schemata (see <see cref="NodeKindInfo"/>); Phone is our extension (FtM has no Phone entity).
/// </summary>
public enum NodeKind
{
    Person = 1,
    Address = 2,
    Company = 3,
    Document = 4,
    BankAccount = 5,
    Phone = 6,
    Vehicle = 7,
    OnlineAd = 8,
    /// <summary>Something that happened and that people took part in (a meeting, a kidnapping, a transport): the
    /// second mode of two-mode (person × event) networks such as Abu Sayyaf's kidnappings.</summary>
    Event = 9,
}

/// <summary>Labels and mappings of a <see cref="NodeKind"/>.</summary>
public sealed record NodeKindInfo(NodeKind Kind, string DutchLabel, string Neo4jLabel, string FtmSchema)
{
    public static IReadOnlyList<NodeKindInfo> All { get; } =
    [
        new(NodeKind.Person, "Persoon", "Person", "Person"),
        new(NodeKind.Address, "Adres", "Address", "Address"),
        new(NodeKind.Company, "Bedrijf", "Company", "Company"),
        new(NodeKind.Document, "Document", "Document", "Identification"),
        new(NodeKind.BankAccount, "Bankrekening", "BankAccount", "BankAccount"),
        new(NodeKind.Phone, "Telefoon", "Phone", "Phone"),
        new(NodeKind.Vehicle, "Voertuig", "Vehicle", "Vehicle"),
        new(NodeKind.OnlineAd, "Online advertentie", "OnlineAd", "Article"),
        new(NodeKind.Event, "Gebeurtenis", "Event", "Event"),
    ];

    public static NodeKindInfo Of(NodeKind kind) => All.First(k => k.Kind == kind);
}
