using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>
/// The barrier phase a legal facilitator most likely serves, read from what it is and how it is tied in. The store does
/// not record a phase per facilitator yet (only per intervention), so the barrier view derives one and says so.
/// </summary>
public static class BarrierPhases
{
    // Order matters: a company that lets rooms and also employs people is first of all a landlord to its victims.
    private static readonly (RelationType Type, string Phase)[] ByRelation =
    [
        (RelationType.LetsTo, "housing"), (RelationType.StaysAt, "housing"),
        (RelationType.PlacedByAgency, "work"), (RelationType.EmployedBy, "work"), (RelationType.WorksAt, "work"),
        (RelationType.AdvertisesVia, "recruitment"), (RelationType.Recruited, "recruitment"),
        (RelationType.Transported, "entry"), (RelationType.UsesVehicle, "entry"),
        (RelationType.HoldsDocument, "identity"), (RelationType.HoldsOthersDocument, "identity"), (RelationType.RegisteredAt, "identity"),
        (RelationType.PaysTo, "finance"), (RelationType.UsesAccount, "finance"),
    ];

    public static BarrierPhase? Guess(NodeKind? kind, IReadOnlySet<RelationType> incident)
    {
        var code = kind switch
        {
            NodeKind.OnlineAd => "recruitment",
            NodeKind.Vehicle => "entry",
            NodeKind.Document => "identity",
            NodeKind.BankAccount => "finance",
            NodeKind.Address => "housing",
            _ => ByRelation.Where(r => incident.Contains(r.Type)).Select(r => r.Phase).FirstOrDefault(),
        };
        return code is null ? null : BarrierPhase.Default.FirstOrDefault(p => p.Code == code);
    }
}
