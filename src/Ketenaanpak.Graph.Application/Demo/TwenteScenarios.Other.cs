using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Signals;
using static Ketenaanpak.Graph.Domain.Graph.RelationType;

namespace Ketenaanpak.Graph.Application.Demo;

internal static partial class TwenteScenarios
{
    /// <summary>Small labour cases that follow one pattern: an employer, workers who live where they work, a few facilitators.</summary>
    private sealed record WorkplaceCase(string Title, string Municipality, DateOnly Day, string Reporter, Sector Sector, string[] Indicators,
        string Note, string Employer, LocationType Location, string[] Nationalities, int Workers, DossierStage Stage);

    private static void NailStudio(DemoWorld w) => Workplace(w, new WorkplaceCase("Nagelstudio Oldenzaal", "GM0173", new DateOnly(2025, 3, 11),
        "GEM-OLDENZAAL", Sector.MassageAndNails, ["LOC.05", "AFH.06", "ARB.03"],
        "Nagelstudio open van 9 tot 22 uur, medewerkers slapen boven de zaak.", "Beauty Nails Oldenzaal (fictief)", LocationType.NailStudio,
        ["VN"], 3, DossierStage.Assignment));

    private static void CarWash(DemoWorld w) => Workplace(w, new WorkplaceCase("Autowasstraat Rijssen en camping", "GM1742", new DateOnly(2024, 10, 7),
        "ISZW", Sector.CarWash, ["SEC.11", "ARB.01", "AFH.01"],
        "Wassers verdienen € 3 per uur, wonen op een camping die de eigenaar regelt.", "Car Wash Express Rijssen (fictief)", LocationType.Campsite,
        ["RO", "BG"], 5, DossierStage.Evaluation));

    private static void ConstructionCrew(DemoWorld w) => Workplace(w, new WorkplaceCase("Bouwploeg Wierden", "GM0189", new DateOnly(2025, 11, 3),
        "UWV", Sector.Construction, ["ARB.02", "AFH.05", "VRH.05"],
        "Zes Oekraïense bouwvakkers zonder tewerkstellingsvergunning; loon op één rekening van de ploegbaas.", "Bouwbedrijf Twente Totaal (fictief)",
        LocationType.PrivateHouse, ["UA"], 6, DossierStage.WeighingAndQualification));

    private static void Workplace(DemoWorld w, WorkplaceCase c)
    {
        var reporter = w.Partner(c.Reporter);
        var first = w.Signal(reporter, c.Day, c.Municipality, ExploitationForm.Labour, c.Sector, c.Indicators, c.Note, []);
        var p = w.Prov(reporter, first, c.Day);
        var employer = w.Company(p, c.Employer, c.Sector);
        var boss = w.Person(p, c.Nationalities[0], false, w.Rng.Next(1965, 1990));
        var lodging = w.Address(p, c.Municipality, c.Location);
        var account = w.Account(p, "INGB");
        w.Relate(p, DirectorOf, boss, employer);
        w.Relate(p, UsesAccount, boss, account);
        w.Relate(p, LetsTo, boss, employer, detail: "Huisvesting geregeld door werkgever");
        var workers = new List<Node>();
        for (var i = 0; i < c.Workers; i++)
        {
            var worker = w.Person(p, c.Nationalities[i % c.Nationalities.Length], i % 3 == 2, w.Rng.Next(1980, 2005));
            w.Relate(p, EmployedBy, worker, employer);
            w.Relate(p, StaysAt, worker, lodging);
            w.Relate(p, PaysTo, employer, account, detail: $"Loon van {worker.Caption}");
            workers.Add(worker);
        }
        w.Relate(p, Controls, boss, workers[0], detail: "Schuld voor huisvesting en vervoer");
        var police = w.Partner("POL-ON");
        var s2 = w.Signal(police, c.Day.AddDays(18), c.Municipality, ExploitationForm.Labour, c.Sector, ["VRH.05"],
            "Medewerker verklaart geen loon te hebben ontvangen.", M(boss, workers[0], account));
        var d = w.Dossier(c.Title, c.Municipality, w.Partner("RIEC-ON"), ExploitationForm.Labour, c.Day.AddDays(25),
            $"Coördinator mensenhandel {Domain.Partners.Municipality.NameOf(c.Municipality)}");
        foreach (var s in new[] { first, s2 }) { d.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier."); }
        var pd = w.Prov(w.Partner("RIEC-ON"), null, c.Day.AddDays(25));
        Member(w, d, boss, DossierRole.Perpetrator, pd, PerpetratorRole.Exploiter);
        foreach (var worker in workers) Member(w, d, worker, DossierRole.Victim, pd);
        Member(w, d, employer, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, lodging, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, account, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        w.Advance(d, c.Stage, c.Day.AddDays(25), 30);
        if (c.Stage >= DossierStage.Assignment)
            Intervene(w, d, InterventionType.Administrative, $"Inspectie arbeidsomstandigheden {c.Employer}", "work", "ISZW",
                c.Day.AddDays(120), c.Stage >= DossierStage.Evaluation ? InterventionStatus.Done : InterventionStatus.Accepted,
                "Boete opgelegd wegens onderbetaling; bedrijf stilgelegd.", employer);
    }

    /// <summary>Forced begging in Enschede's centre: four Romanians brought in daily by car by two men.</summary>
    private static void Begging(DemoWorld w)
    {
        const string gm = "GM0153";
        var day = new DateOnly(2026, 7, 6);
        var gemeente = w.MunicipalityPartner(gm);
        var first = w.Signal(gemeente, day, gm, ExploitationForm.Criminal, Sector.Begging, ["VRH.02", "VRH.05"],
            "Handhaving: bedelaars worden 's ochtends met een auto afgezet en 's avonds opgehaald; geld wordt afgedragen.", []);
        var p = w.Prov(gemeente, first, day);
        var driver = w.Person(p, "RO", false, 1984);
        var boss = w.Person(p, "RO", false, 1976);
        var car = w.Vehicle(p, "Opel Zafira");
        var lodging = w.Address(p, "GM0168", LocationType.PrivateHouse);
        w.Relate(p, UsesVehicle, driver, car);
        w.Relate(p, Family, driver, boss);
        var victims = Enumerable.Range(0, 4).Select(i => w.Person(p, "RO", i % 2 == 0, w.Rng.Next(1950, 1990))).ToList();
        foreach (var v in victims)
        {
            w.Relate(p, Transported, driver, v);
            w.Relate(p, Controls, boss, v, detail: "Afdracht van opbrengst");
            w.Relate(p, StaysAt, v, lodging);
        }
        var d = w.Dossier("Gedwongen bedelarij centrum Enschede", gm, gemeente, ExploitationForm.Criminal, day.AddDays(14), "Coördinator mensenhandel Enschede");
        d.AddSignal(first.Id);
        first.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier.");
        var pd = w.Prov(gemeente, null, day.AddDays(14));
        Member(w, d, boss, DossierRole.Perpetrator, pd, PerpetratorRole.Exploiter);
        Member(w, d, driver, DossierRole.Perpetrator, pd, PerpetratorRole.Transporter);
        foreach (var v in victims) Member(w, d, v, DossierRole.Victim, pd);
        Member(w, d, car, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, lodging, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknown);
    }

    /// <summary>Horticulture in Dinkelland: the same rogue agency as the mushroom farm places eight workers on a campsite.</summary>
    private static void Horticulture(DemoWorld w, Node agency)
    {
        const string gm = "GM1774";
        var day = new DateOnly(2026, 5, 19);
        var iszw = w.Partner("ISZW");
        var first = w.Signal(iszw, day, gm, ExploitationForm.Labour, Sector.AgricultureHorticulture, ["SEC.01", "AFH.01", "ARB.03"],
            "Aspergestekers via hetzelfde uitzendbureau als bij de champignonkwekerij; huisvesting op camping.", M(agency));
        var p = w.Prov(iszw, first, day);
        var grower = w.Company(p, "Kwekerij Dinkeldal (fictief)", Sector.AgricultureHorticulture);
        var campsite = w.Address(p, gm, LocationType.Campsite, "Veldweg", 7);
        var campOwner = w.Person(p, "NL", false, 1960);
        w.Relate(p, OwnerOf, campOwner, campsite);
        w.Relate(p, LetsTo, campOwner, agency, new DateOnly(2026, 3, 1));
        w.Relate(p, PaysTo, grower, agency, weight: 6);
        var workers = new List<Node>();
        for (var i = 0; i < 8; i++)
        {
            var worker = w.Person(p, i % 2 == 0 ? "PL" : "RO", i % 3 == 0, w.Rng.Next(1978, 2005));
            w.Relate(p, PlacedByAgency, worker, agency, new DateOnly(2026, 4, 1));
            w.Relate(p, WorksAt, worker, grower);
            w.Relate(p, StaysAt, worker, campsite);
            workers.Add(worker);
        }
        var d = w.Dossier("Tuinbouw Dinkelland via Flexwerk Oost", gm, w.Partner("RIEC-ON"), ExploitationForm.Labour, day.AddDays(9), "Coördinator mensenhandel Dinkelland");
        d.AddSignal(first.Id);
        first.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier.");
        var pd = w.Prov(w.Partner("RIEC-ON"), null, day.AddDays(9));
        foreach (var worker in workers) Member(w, d, worker, DossierRole.Victim, pd);
        Member(w, d, agency, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, grower, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, campsite, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, campOwner, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        w.Advance(d, DossierStage.DossierFormation, day.AddDays(9));
    }
}
