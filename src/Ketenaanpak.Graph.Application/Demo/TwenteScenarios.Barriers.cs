using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using static Ketenaanpak.Graph.Domain.Graph.RelationType;

namespace Ketenaanpak.Graph.Application.Demo;

internal static partial class TwenteScenarios
{
    /// <summary>
    /// The barrier model's details of the demo region (issue 16): the routes through legal services that three scenarios
    /// imply but did not record, the phases analysts recorded where the app's suggestion is not the right one, and each
    /// barrier owner's capacity per quarter. Added after everything else, so that the seeded generator's earlier draws
    /// (names, ids, dates) stay what tests and screenshots know.
    /// </summary>
    public static void AddBarrierDetails(DemoWorld w)
    {
        var phases = BarrierPhase.Default.Select(p => p.Code).ToList();

        // Fourteen registrations at one address where nobody lives: the companion gives the address at every registration.
        // The address serves identity (the population register), not housing — recorded, as the suggestion says housing.
        var fourteen = DossierTitled(w, "Adres Wierdensestraat: veertien inschrijvingen");
        var address = Members(w, fourteen, DossierRole.Facilitator).Single(n => n.Kind == NodeKind.Address);
        var companion = Members(w, fourteen, DossierRole.Perpetrator).Single();
        w.Relate(Prov(w, fourteen), RegisteredAt, companion, address, detail: "Geeft dit adres op bij elke inschrijving");
        fourteen.RecordBarrierPhase(address.Id, "identity", phases);

        // The victim who recruits: she approaches the girls from the lover boy's phone number, the recruitment channel.
        var recruiting = DossierTitled(w, "Ronselen van meisjes in Borne en Hengelo");
        var phone = Members(w, recruiting, DossierRole.Facilitator).Single(n => n.Kind == NodeKind.Phone);
        var recruiter = Members(w, recruiting, DossierRole.Perpetrator).First();
        w.Relate(Prov(w, recruiting), UsesPhone, recruiter, phone, detail: "Gebruikt het nummer van de loverboy");
        foreach (var girl in Members(w, recruiting, DossierRole.Victim))
            w.Relate(Prov(w, recruiting), LinkedTo, girl, phone, detail: "Via dit nummer benaderd met 'makkelijk geld'");
        recruiting.RecordBarrierPhase(phone.Id, "recruitment", phases);

        // Forced begging: the beggars are brought in the car every morning, and the boss rents the house they sleep in.
        var begging = DossierTitled(w, "Gedwongen bedelarij centrum Enschede");
        var car = Members(w, begging, DossierRole.Facilitator).Single(n => n.Kind == NodeKind.Vehicle);
        var lodging = Members(w, begging, DossierRole.Facilitator).Single(n => n.Kind == NodeKind.Address);
        var boss = Members(w, begging, DossierRole.Perpetrator).First();
        foreach (var beggar in Members(w, begging, DossierRole.Victim))
            w.Relate(Prov(w, begging), UsesVehicle, beggar, car, detail: "Wordt elke ochtend met deze auto gebracht");
        w.Relate(Prov(w, begging), RegisteredAt, boss, lodging, detail: "Huurt het huis en staat er zelf ingeschreven");

        // What each barrier owner can take on per quarter (the partner page shows and edits it).
        foreach (var partner in w.Partners)
        {
            int? capacity = partner.Kind switch
            {
                PartnerKind.Municipality => 4,
                PartnerKind.LabourInspectorate => 6,
                PartnerKind.Fiod or PartnerKind.Ind => 2,
                PartnerKind.TaxAuthority or PartnerKind.RoyalMarechaussee => 3,
                PartnerKind.Police => 8,
                _ => null,
            };
            if (capacity is not null) partner.SetCapacity(capacity);
        }
    }

    private static Dossier DossierTitled(DemoWorld w, string title) => w.Dossiers.Single(d => d.Title == title);

    private static List<Node> Members(DemoWorld w, Dossier d, DossierRole role)
    {
        var ids = d.Members.Where(m => m.Role == role).Select(m => m.NodeId).ToHashSet();
        return [.. w.Nodes.Where(n => ids.Contains(n.Id))];
    }

    private static Domain.Provenance.Provenance Prov(DemoWorld w, Dossier d) =>
        w.Prov(w.Partners.Single(p => p.Id == d.OwnerPartnerId), null, DateOnly.FromDateTime(d.OpenedAt.UtcDateTime));
}
