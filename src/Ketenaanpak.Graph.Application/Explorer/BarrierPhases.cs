using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>A suggested barrier phase and, in words for the analyst, why.</summary>
public sealed record PhaseSuggestion(BarrierPhase Phase, string Reason);

/// <summary>
/// The barrier phase a legal facilitator most likely serves, read from what it is (kind, sector) and how it is tied in.
/// The analyst confirms or changes it per dossier (<c>DossierMember.BarrierPhase</c>); until then this suggestion is
/// used and shown as one.
/// </summary>
public static class BarrierPhases
{
    // Order matters: a company that lets rooms and also employs people is first of all a landlord to its victims.
    private static readonly (RelationType Type, string Phase, string Words)[] ByRelation =
    [
        (RelationType.LetsTo, "housing", "verhuurt"), (RelationType.StaysAt, "housing", "er verblijven mensen"),
        (RelationType.PlacedByAgency, "work", "plaatst uitzendkrachten"), (RelationType.EmployedBy, "work", "heeft werknemers"),
        (RelationType.WorksAt, "work", "er wordt gewerkt"),
        (RelationType.AdvertisesVia, "recruitment", "adverteert"), (RelationType.Recruited, "recruitment", "werft"),
        (RelationType.Transported, "entry", "vervoert mensen"), (RelationType.UsesVehicle, "entry", "voertuig in gebruik"),
        (RelationType.HoldsDocument, "identity", "documenten"), (RelationType.HoldsOthersDocument, "identity", "documenten van anderen"),
        (RelationType.RegisteredAt, "identity", "inschrijvingen"),
        (RelationType.PaysTo, "finance", "betalingen"), (RelationType.UsesAccount, "finance", "rekening in gebruik"),
    ];

    public static BarrierPhase? Guess(NodeKind? kind, IReadOnlySet<RelationType> incident) => Suggest(kind, incident, null)?.Phase;

    /// <param name="sector">The company's sector statement (<see cref="Sector"/> name), when known.</param>
    /// <param name="employmentAgency">The company's "is an employment agency" statement, when known.</param>
    public static PhaseSuggestion? Suggest(NodeKind? kind, IReadOnlySet<RelationType> incident, string? sector, bool employmentAgency = false)
    {
        if (kind == NodeKind.Company)
        {
            if (employmentAgency || sector == nameof(Sector.EmploymentAgency)) return Make("work", "een uitzendbureau: werk");
            if (sector == nameof(Sector.Transport)) return Make("entry", "een vervoersbedrijf: entree en vervoer");
            if (sector == nameof(Sector.Housing)) return Make("housing", "een verhuurbedrijf: huisvesting");
        }
        var byKind = kind switch
        {
            NodeKind.OnlineAd => Make("recruitment", "een advertentie: werving"),
            NodeKind.Vehicle => Make("entry", "een voertuig: entree en vervoer"),
            NodeKind.Document => Make("identity", "een document: identiteit"),
            NodeKind.BankAccount => Make("finance", "een rekening: financiën"),
            NodeKind.Address => Make("housing", "een adres: huisvesting"),
            _ => null,
        };
        if (byKind is not null) return byKind;
        foreach (var (type, phase, words) in ByRelation)
            if (incident.Contains(type)) return Make(phase, $"{words}: {BarrierPhase.Default.First(p => p.Code == phase).DutchName.ToLowerInvariant()}");
        return null;
    }

    private static PhaseSuggestion Make(string code, string reason) => new(BarrierPhase.Default.First(p => p.Code == code), reason);
}
