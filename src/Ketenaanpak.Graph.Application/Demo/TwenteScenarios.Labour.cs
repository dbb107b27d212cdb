using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Signals;
using static Ketenaanpak.Graph.Domain.Graph.RelationType;

namespace Ketenaanpak.Graph.Application.Demo;

/// <summary>The twelve dossiers of the demo region. Each method tells one case; the comments give its plot.</summary>
internal static partial class TwenteScenarios
{
    public static void AddAll(DemoWorld w)
    {
        var agency = MushroomFarm(w);
        HolidayParkAndEscort(w);
        Cannabis(w);
        SlumLandlord(w);
        FourteenRegistrations(w);
        VictimWhoRecruits(w);
        NailStudio(w);
        CarWash(w);
        MassageParlour(w);
        ConstructionCrew(w);
        Begging(w);
        Horticulture(w, agency);
    }

    private static void Member(DemoWorld w, Dossier d, Node node, DossierRole role, Domain.Provenance.Provenance prov,
        PerpetratorRole sub = PerpetratorRole.Unknown, FacilitatorAwareness awareness = FacilitatorAwareness.Unknown) =>
        d.AddMember(node.Id, role, sub, awareness, prov);

    private static IEnumerable<(Node, string?)> M(params Node[] nodes) => nodes.Select(n => ((Node)n, (string?)null));

    private static Intervention Intervene(DemoWorld w, Dossier d, InterventionType type, string title, string phase, string partnerCode,
        DateOnly due, InterventionStatus status, string? result, params Node[] targets)
    {
        var i = new Intervention(new InterventionId(w.NewGuid()), d.Id, type, title, phase, w.Partner(partnerCode).Id, due);
        foreach (var t in targets) i.Target(t.Id);
        // The partner answers about a week after the assignment (due dates are set about a quarter ahead), within the demo period.
        var by = $"demo ({w.Partner(partnerCode).Name})";
        var answered = due.AddDays(-83) < TwenteDemoGenerator.PeriodEnd ? due.AddDays(-83) : TwenteDemoGenerator.PeriodEnd.AddDays(-60);
        var at = new DateTimeOffset(answered.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        switch (status)
        {
            case InterventionStatus.Accepted: i.Accept(by, at); break;
            case InterventionStatus.InProgress: i.Accept(by, at); i.Start(by, at.AddDays(7)); break;
            case InterventionStatus.Done: i.Accept(by, at); i.Complete(result ?? "Uitgevoerd.", by, at.AddDays(60)); break;
            case InterventionStatus.Declined: i.Decline(result ?? "Geen capaciteit dit kwartaal.", by, at); break;
        }
        w.Interventions.Add(i);
        return i;
    }

    /// <summary>
    /// Mushroom farm near Buurse: a rogue employment agency places eleven Polish and Romanian pickers, houses them in
    /// one overcrowded house and pays their wages into one account the foreman controls. Returns the agency, which
    /// turns up again in the horticulture case.
    /// </summary>
    private static Node MushroomFarm(DemoWorld w)
    {
        const string gm = "GM0158";
        var day = new DateOnly(2024, 2, 14);
        var iszw = w.Partner("ISZW");
        var first = w.Signal(iszw, day, gm, ExploitationForm.Labour, Sector.MushroomFarming, ["ARB.01", "ARB.03", "AFH.01"],
            "Inspectie bij champignonkwekerij: plukkers werken 14 uur per dag, loon via uitzendbureau.", []);
        var p = w.Prov(iszw, first, day);
        var farm = w.Company(p, "Champignonkwekerij De Buurse Hoeve B.V.", Sector.MushroomFarming);
        var agency = w.Company(p, "Flexwerk Oost Uitzendbureau B.V.", Sector.EmploymentAgency, agency: true);
        var owner = w.Person(p, "NL", false, 1978);
        var foreman = w.Person(p, "PL", false, 1983);
        var house = w.Address(p, gm, LocationType.PrivateHouse, "Buurserstraat", 41);
        var landlord = w.Person(p, "NL", false, 1961);
        var wageAccount = w.Account(p, "BUNQ");
        var van = w.Vehicle(p, "Ford Transit");
        w.Relate(p, DirectorOf, owner, agency, new DateOnly(2019, 5, 1));
        w.Relate(p, EmployedBy, foreman, agency, new DateOnly(2021, 3, 1));
        w.Relate(p, OwnerOf, landlord, house);
        w.Relate(p, LetsTo, landlord, agency, new DateOnly(2023, 1, 1), detail: "Huur per bed via het uitzendbureau");
        w.Relate(p, UsesAccount, foreman, wageAccount);
        w.Relate(p, UsesVehicle, foreman, van);
        w.Relate(p, PaysTo, farm, agency, weight: 12);
        var workers = new List<Node>();
        for (var i = 0; i < 11; i++)
        {
            var worker = w.Person(p, i % 3 == 0 ? "RO" : "PL", i % 4 == 0, w.Rng.Next(1975, 2004));
            w.Relate(p, PlacedByAgency, worker, agency, new DateOnly(2023, 6, 1).AddDays(i * 9));
            w.Relate(p, WorksAt, worker, farm);
            w.Relate(p, StaysAt, worker, house, new DateOnly(2023, 6, 1).AddDays(i * 9));
            w.Relate(p, PaysTo, agency, wageAccount, detail: $"Loon van {worker.Caption}", weight: 1);
            w.Relate(p, Transported, foreman, worker);
            workers.Add(worker);
        }
        w.Relate(p, Controls, foreman, workers[0], detail: "Houdt paspoorten in bewaring");

        var gemeente = w.MunicipalityPartner(gm);
        var s2 = w.Signal(gemeente, day.AddDays(20), gm, ExploitationForm.Labour, Sector.Housing, ["BRP.01", "AFH.01"],
            "Elf inschrijvingen op één woonadres binnen een jaar.", M(house, landlord).Concat(workers.Take(4).Select(x => (x, (string?)"ingeschrevene"))));
        foreach (var worker in workers.Take(8)) w.Relate(w.Prov(gemeente, s2, day.AddDays(20)), RegisteredAt, worker, house);
        var bd = w.Partner("BD");
        var s3 = w.Signal(bd, day.AddDays(45), gm, ExploitationForm.Labour, Sector.EmploymentAgency, ["VRH.05"],
            "Loonbetalingen van elf werknemers komen binnen op één rekening.", M(wageAccount, agency, foreman));
        var police = w.Partner("POL-ON");
        var s4 = w.Signal(police, day.AddDays(60), gm, ExploitationForm.Labour, Sector.MushroomFarming, ["VRH.04", "VRH.02"],
            "Werknemer verklaart dat voorman paspoorten inneemt.", M(foreman, workers[0], van));

        var d = w.Dossier("Champignonkwekerij Buurse en uitzendbureau", gm, w.Partner("RIEC-ON"), ExploitationForm.Labour, day.AddDays(70), "Coördinator mensenhandel Haaksbergen");
        foreach (var s in new[] { first, s2, s3, s4 }) { d.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Uw melding is opgenomen in een dossier. Dank u wel."); }
        var pd = w.Prov(w.Partner("RIEC-ON"), null, day.AddDays(70));
        Member(w, d, owner, DossierRole.Perpetrator, pd, PerpetratorRole.Exploiter);
        Member(w, d, foreman, DossierRole.Perpetrator, pd, PerpetratorRole.Controller);
        foreach (var worker in workers) Member(w, d, worker, DossierRole.Victim, pd);
        Member(w, d, agency, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, house, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, landlord, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, wageAccount, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknown);
        Member(w, d, van, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, farm, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        // The case meeting shared the dossier with the partners that act in it (need to know).
        foreach (var code in new[] { "ISZW", "BD", "GEM-HAAKSBERGEN", "POL-ON", "ZORG-TW" })
            d.ShareWith(w.Partner(code).Id, "Casusoverleg mensenhandel Twente", DemoWorld.At(day.AddDays(100), 15));
        w.Advance(d, DossierStage.Execution, day.AddDays(70));
        Intervene(w, d, InterventionType.Administrative, "Controle huisvesting Buurserstraat (brandveiligheid, overbewoning)", "housing", "GEM-HAAKSBERGEN",
            new DateOnly(2024, 9, 1), InterventionStatus.Done, "Pand gesloten voor bewoning; elf bewoners elders ondergebracht.", house, landlord);
        Intervene(w, d, InterventionType.Criminal, "Strafrechtelijk onderzoek naar voorman en eigenaar uitzendbureau", "work", "POL-ON",
            new DateOnly(2025, 3, 1), InterventionStatus.InProgress, null, foreman, owner);
        Intervene(w, d, InterventionType.Fiscal, "Naheffing loonheffingen uitzendbureau", "finance", "BD",
            new DateOnly(2025, 1, 15), InterventionStatus.Accepted, null, agency, wageAccount);
        Intervene(w, d, InterventionType.Care, "Opvang en begeleiding plukkers via zorgcoördinator", "work", "ZORG-TW",
            new DateOnly(2024, 8, 1), InterventionStatus.Done, "Zeven slachtoffers begeleid, vier teruggekeerd naar land van herkomst.", workers.Take(7).ToArray());
        return agency;
    }

    /// <summary>Cannabis growing in a rented house in Enschede with three Vietnamese workers, one of them a minor.</summary>
    private static void Cannabis(DemoWorld w)
    {
        const string gm = "GM0153";
        var day = new DateOnly(2025, 6, 16);
        var police = w.Partner("POL-ON");
        var first = w.Signal(police, day, gm, ExploitationForm.Criminal, Sector.CannabisGrowing, ["AFH.06", "VRH.01", "AFH.05"],
            "Bij ontmanteling hennepkwekerij drie Vietnamese jongens aangetroffen die in de woning sliepen.", [], urgent: true);
        var p = w.Prov(police, first, day);
        var house = w.Address(p, gm, LocationType.PrivateHouse, "Lonnekerweg", 118);
        var landlord = w.Person(p, "NL", true, 1958);
        var boss = w.Person(p, "VN", false, 1985);
        var helper = w.Person(p, "NL", false, 1990);
        var shop = w.Company(p, "Growshop Het Groene Blad (fictief)", Sector.CannabisGrowing);
        var car = w.Vehicle(p, "Volkswagen Caddy");
        w.Relate(p, OwnerOf, landlord, house);
        w.Relate(p, LetsTo, landlord, helper, new DateOnly(2024, 11, 1));
        w.Relate(p, Associate, boss, helper);
        w.Relate(p, PaysTo, boss, shop, weight: 4);
        w.Relate(p, UsesVehicle, helper, car);
        var victims = new List<Node>();
        for (var i = 0; i < 3; i++)
        {
            var v = w.Person(p, "VN", false, i == 0 ? 2008 : w.Rng.Next(1998, 2004));
            w.Relate(p, StaysAt, v, house, new DateOnly(2025, 2, 1));
            w.Relate(p, Exploits, boss, v);
            w.Relate(p, Transported, helper, v);
            victims.Add(v);
        }
        var doc = w.Document(p, "Paspoort", "VN");
        w.Relate(p, HoldsOthersDocument, boss, doc, detail: "Paspoort van minderjarige");
        w.Relate(p, HoldsDocument, victims[0], doc);
        var care = w.Partner("ZORG-TW");
        var s2 = w.Signal(care, day.AddDays(3), gm, ExploitationForm.Criminal, Sector.CannabisGrowing, ["VRH.04", "AFH.02"],
            "Minderjarige in opvang vertelt over schuld voor de reis.", M(victims[0]));
        var d = w.Dossier("Hennepkwekerij Lonnekerweg met minderjarige", gm, w.Partner("POL-ON"), ExploitationForm.Criminal, day.AddDays(4), "Coördinator mensenhandel Enschede");
        foreach (var s in new[] { first, s2 }) { d.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier."); }
        var pd = w.Prov(police, null, day.AddDays(4));
        Member(w, d, boss, DossierRole.Perpetrator, pd, PerpetratorRole.Exploiter);
        Member(w, d, helper, DossierRole.Perpetrator, pd, PerpetratorRole.Transporter);
        foreach (var v in victims) Member(w, d, v, DossierRole.Victim, pd);
        Member(w, d, house, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, landlord, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, shop, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, car, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        w.Advance(d, DossierStage.WeighingAndQualification, day.AddDays(4), 20);
    }

    /// <summary>A slum landlord in Enschede with six houses let per room, tenants placed by an agency, rent into one account.</summary>
    private static void SlumLandlord(DemoWorld w)
    {
        const string gm = "GM0153";
        var day = new DateOnly(2024, 4, 9);
        var housing = w.Partner("WONEN-TW");
        var first = w.Signal(housing, day, gm, ExploitationForm.Labour, Sector.Housing, ["SEC.06", "BRP.01"],
            "Buren melden steeds wisselende bewoners in meerdere panden van dezelfde eigenaar.", []);
        var p = w.Prov(housing, first, day);
        var landlord = w.Person(p, "NL", false, 1966);
        var company = w.Company(p, "Vastgoed Oost Twente B.V.", Sector.Housing);
        var account = w.Account(p, "RABO");
        var agency = w.Company(p, "Euro Staffing Enschede (fictief)", Sector.EmploymentAgency, agency: true);
        w.Relate(p, DirectorOf, landlord, company);
        w.Relate(p, UsesAccount, company, account);
        var houses = Enumerable.Range(0, 6).Select(i => w.Address(p, gm, LocationType.PrivateHouse, addition: i % 2 == 0 ? "A" : null)).ToList();
        foreach (var h in houses) w.Relate(p, OwnerOf, company, h);
        var tenants = new List<Node>();
        for (var i = 0; i < 14; i++)
        {
            var t = w.Person(p, w.Pick(new[] { "PL", "RO", "BG", "HU" }), i % 3 == 0, w.Rng.Next(1970, 2003));
            w.Relate(p, StaysAt, t, houses[i % 6]);
            w.Relate(p, PaysTo, t, account, detail: "Huur per kamer (€ 450)");
            w.Relate(p, PlacedByAgency, t, agency);
            tenants.Add(t);
        }
        w.Relate(p, LetsTo, company, agency);
        var gemeente = w.MunicipalityPartner(gm);
        var s2 = w.Signal(gemeente, day.AddDays(30), gm, ExploitationForm.Labour, Sector.Housing, ["SEC.06", "AFH.01"],
            "Bouw- en woningtoezicht: kamers zonder vluchtweg, 4 tot 6 bedden per kamer.", M(houses[0], houses[1], company));
        var bd = w.Partner("BD");
        var s3 = w.Signal(bd, day.AddDays(50), gm, ExploitationForm.Labour, Sector.Housing, ["VRH.05"],
            "Veertien huurbetalingen per maand op één rekening, niet aangegeven.", M(account, landlord));
        var d = w.Dossier("Huisjesmelker Enschede-Oost", gm, gemeente, ExploitationForm.Labour, day.AddDays(60), "Coördinator mensenhandel Enschede");
        foreach (var s in new[] { first, s2, s3 }) { d.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier."); }
        var pd = w.Prov(gemeente, null, day.AddDays(60));
        Member(w, d, landlord, DossierRole.Perpetrator, pd, PerpetratorRole.Exploiter);
        foreach (var t in tenants.Take(9)) Member(w, d, t, DossierRole.Victim, pd);
        Member(w, d, company, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, account, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, agency, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknown);
        foreach (var h in houses) Member(w, d, h, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        w.Advance(d, DossierStage.Execution, day.AddDays(60));
        Intervene(w, d, InterventionType.Administrative, "Bibob-toets en last onder dwangsom overbewoning", "housing", "GEM-ENSCHEDE",
            new DateOnly(2024, 12, 1), InterventionStatus.Done, "Last onder dwangsom opgelegd; twee panden gesloten.", houses[0], houses[1], company);
        Intervene(w, d, InterventionType.Fiscal, "Boekenonderzoek huurinkomsten", "finance", "BD",
            new DateOnly(2025, 6, 1), InterventionStatus.InProgress, null, landlord, account);
    }
}
