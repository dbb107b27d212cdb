using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Signals;
using static Ketenaanpak.Graph.Domain.Graph.RelationType;

namespace Ketenaanpak.Graph.Application.Demo;

internal static partial class TwenteScenarios
{
    /// <summary>
    /// Sexual exploitation in two chalets of a holiday park near Hellendoorn; the women are offered in three escort ads
    /// that all list the same phone number, which the pimp uses. A taxi driver brings clients.
    /// </summary>
    private static void HolidayParkAndEscort(DemoWorld w)
    {
        const string gm = "GM0163";
        var day = new DateOnly(2024, 8, 22);
        var police = w.Partner("POL-ON");
        var first = w.Signal(police, day, gm, ExploitationForm.Sexual, Sector.SexIndustry, ["SEX.03", "LOC.06", "LOC.02"],
            "Drie escortadvertenties met hetzelfde telefoonnummer, locatie vakantiepark.", [], urgent: false);
        var p = w.Prov(police, first, day);
        var pimp = w.Person(p, "BG", false, 1987);
        var controller = w.Person(p, "BG", true, 1990);
        var phone = w.Phone(p);
        var park = w.Company(p, "Vakantiepark De Sallandse Heuvelrug (fictief)", Sector.Hospitality);
        var chalets = new[] { w.Address(p, gm, LocationType.HolidayPark, "Parkweg", 12, "C14"), w.Address(p, gm, LocationType.HolidayPark, "Parkweg", 12, "C22") };
        var account = w.Account(p, "ABNA");
        var taxi = w.Company(p, "Taxi Nijverdal (fictief)", Sector.Transport);
        var driver = w.Person(p, "NL", false, 1972);
        w.Relate(p, UsesPhone, pimp, phone);
        w.Relate(p, Associate, pimp, controller);
        w.Relate(p, UsesAccount, pimp, account);
        foreach (var c in chalets) w.Relate(p, LetsTo, park, pimp, new DateOnly(2024, 5, 1), detail: $"Chalet {c.Caption}");
        w.Relate(p, EmployedBy, driver, taxi);
        var victims = new List<Node>();
        var ads = new List<Node>();
        for (var i = 0; i < 4; i++)
        {
            var v = w.Person(p, i < 2 ? "BG" : "HU", true, w.Rng.Next(1996, 2005));
            w.Relate(p, StaysAt, v, chalets[i % 2], new DateOnly(2024, 5, 1));
            w.Relate(p, Exploits, pimp, v);
            w.Relate(p, Controls, controller, v, detail: "Neemt verdiensten in, bewaakt het chalet");
            victims.Add(v);
            if (i < 3)
            {
                var ad = w.Ad(p, "Kinky Oost (fictief)", $"Nieuw in Twente! 24/7 – {w.Pick(new[] { "Mia", "Nina", "Sara" })}");
                w.Relate(p, AdvertisesVia, v, ad);
                w.Relate(p, AdvertisesVia, ad, phone, detail: "Telefoonnummer in advertentie");
                ads.Add(ad);
            }
        }
        w.Relate(p, Transported, driver, victims[0], detail: "Brengt klanten naar het park");
        var gemeente = w.MunicipalityPartner(gm);
        var s2 = w.Signal(gemeente, day.AddDays(12), gm, ExploitationForm.Sexual, Sector.SexIndustry, ["LOC.02", "SEX.02"],
            "Handhaving vakantiepark: permanente bewoning chalets, veel bezoek 's nachts.", M(chalets).Concat(M(park)));
        var s3 = w.Signal(w.Partner("GGD-TW"), day.AddDays(40), gm, ExploitationForm.Sexual, Sector.SexIndustry, ["SEX.01", "VRH.03"],
            "Vrouw op spreekuur met blauwe plekken, begeleid door een andere vrouw die het woord voert.", M(victims[1], controller));
        var s4 = w.Signal(police, day.AddDays(55), gm, ExploitationForm.Sexual, Sector.SexIndustry, ["SEX.03"],
            "Vierde advertentie gevonden met hetzelfde nummer.", M(phone, ads[2]));
        var d = w.Dossier("Vakantiepark Hellendoorn en escortadvertenties", gm, police, ExploitationForm.Sexual, day.AddDays(60), "Coördinator mensenhandel Hellendoorn");
        foreach (var s in new[] { first, s2, s3, s4 }) { d.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier."); }
        var pd = w.Prov(w.Partner("RIEC-ON"), null, day.AddDays(60));
        Member(w, d, pimp, DossierRole.Perpetrator, pd, PerpetratorRole.PimpOrLoverBoy);
        Member(w, d, controller, DossierRole.Perpetrator, pd, PerpetratorRole.Controller);
        foreach (var v in victims) Member(w, d, v, DossierRole.Victim, pd);
        Member(w, d, park, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        foreach (var c in chalets) Member(w, d, c, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, phone, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        foreach (var ad in ads) Member(w, d, ad, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, taxi, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, driver, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknown);
        Member(w, d, account, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        d.ShareWith(w.MunicipalityPartner(gm).Id, "Casusoverleg mensenhandel Twente", DemoWorld.At(day.AddDays(75), 15));
        d.ShareWith(w.Partner("OM-ON").Id, "Casusoverleg mensenhandel Twente", DemoWorld.At(day.AddDays(75), 15));
        w.Advance(d, DossierStage.Assignment, day.AddDays(60));
        Intervene(w, d, InterventionType.Administrative, "Handhaving permanente bewoning en afspraken met parkbeheer", "housing", "GEM-HELLENDOORN",
            new DateOnly(2025, 2, 1), InterventionStatus.Accepted, null, park, chalets[0], chalets[1]);
        Intervene(w, d, InterventionType.Criminal, "Verzoek verwijdering advertenties en onderzoek telefoonnummer", "recruitment", "POL-ON",
            new DateOnly(2025, 1, 15), InterventionStatus.Declined, "Geen capaciteit in het eerste kwartaal; voorstel: KMar.", phone);
    }

    /// <summary>
    /// One address in Almelo with fourteen population-register registrations in a year; one companion brings the
    /// different people to the desk and keeps their passports.
    /// </summary>
    private static void FourteenRegistrations(DemoWorld w)
    {
        const string gm = "GM0141";
        var day = new DateOnly(2025, 1, 20);
        var gemeente = w.MunicipalityPartner(gm);
        var first = w.Signal(gemeente, day, gm, ExploitationForm.Unknown, Sector.Unknown, ["BRP.01", "BRP.05", "BRP.06", "BRP.02"],
            "Baliemedewerker: dezelfde begeleider komt steeds met andere personen inschrijven op hetzelfde adres; hij neemt de paspoorten weer mee.", []);
        var p = w.Prov(gemeente, first, day);
        var address = w.Address(p, gm, LocationType.PrivateHouse, "Wierdensestraat", 87);
        var companion = w.Person(p, "RO", false, 1981);
        var phone = w.Phone(p);
        w.Relate(p, UsesPhone, companion, phone);
        var registered = new List<Node>();
        for (var i = 0; i < 14; i++)
        {
            var at = day.AddDays(-330 + i * 24);
            var pr = w.Prov(gemeente, first, at < day ? at : day);
            var person = w.Person(pr, w.Pick(new[] { "RO", "BG", "PL" }), i % 3 == 1, w.Rng.Next(1980, 2005));
            w.Relate(pr, RegisteredAt, person, address, at);
            w.Relate(pr, Accompanies, companion, person, at, at, detail: "Begeleiding bij inschrijving BRP");
            if (i % 2 == 0)
            {
                var doc = w.Document(pr, "Paspoort", w.Pick(new[] { "RO", "BG" }));
                w.Relate(pr, HoldsDocument, person, doc);
                w.Relate(pr, HoldsOthersDocument, companion, doc, detail: "Begeleider hield paspoort vast");
            }
            registered.Add(person);
        }
        var s2 = w.Signal(gemeente, day.AddDays(14), gm, ExploitationForm.Unknown, Sector.Unknown, ["BRP.03", "BRP.04"],
            "Adresonderzoek: niemand van de ingeschrevenen woont op het adres.", M(address));
        var s3 = w.Signal(w.Partner("KMAR"), day.AddDays(35), gm, ExploitationForm.Labour, Sector.EmploymentAgency, ["AFH.04"],
            "Begeleider eerder gezien bij grenscontrole met busje vol werknemers.", M(companion));
        var d = w.Dossier("Adres Wierdensestraat: veertien inschrijvingen", gm, gemeente, ExploitationForm.Labour, day.AddDays(40), "Coördinator mensenhandel Almelo");
        foreach (var s in new[] { first, s2, s3 }) { d.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier."); }
        var pd = w.Prov(gemeente, null, day.AddDays(40));
        Member(w, d, companion, DossierRole.Perpetrator, pd, PerpetratorRole.Controller);
        foreach (var r in registered) Member(w, d, r, DossierRole.Victim, pd);
        Member(w, d, address, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d, phone, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        w.Advance(d, DossierStage.DossierFormation, day.AddDays(40));
    }

    /// <summary>
    /// A lover boy in Hengelo exploits a 17-year-old girl (2024); two years later she recruits two new girls for the
    /// same network. Roles are per dossier: victim in the first, recruiter in the second.
    /// </summary>
    private static void VictimWhoRecruits(DemoWorld w)
    {
        const string gm = "GM0164";
        var day = new DateOnly(2024, 3, 5);
        var school = w.Partner("GGD-TW");
        var first = w.Signal(school, day, gm, ExploitationForm.Sexual, Sector.SexIndustry, ["SEX.02", "VRH.01"],
            "Jeugdarts: meisje (17) met dure telefoon, nieuwe oudere vriend, verzuimt school.", []);
        var p = w.Prov(school, first, day);
        var girl = w.Person(p, "NL", true, 2007, "Sanne", "Brinkhuis");
        var loverboy = w.Person(p, "NL", false, 1999);
        var hotel = w.Address(p, gm, LocationType.Hotel, "Twentepoort", 3);
        var ad = w.Ad(p, "Escort Oost (fictief)", "Jong en nieuw in Hengelo");
        var phone = w.Phone(p);
        w.Relate(p, Recruited, loverboy, girl, new DateOnly(2023, 12, 1), detail: "Loverboymethode");
        w.Relate(p, Exploits, loverboy, girl);
        w.Relate(p, UsesPhone, loverboy, phone);
        w.Relate(p, AdvertisesVia, girl, ad);
        w.Relate(p, AdvertisesVia, ad, phone);
        w.Relate(p, StaysAt, girl, hotel, detail: "Kamer op naam van de loverboy");
        var police = w.Partner("POL-ON");
        var s2 = w.Signal(police, day.AddDays(21), gm, ExploitationForm.Sexual, Sector.SexIndustry, ["SEX.03", "LOC.03"],
            "Advertentie met minderjarig ogend meisje, hotelkamer Hengelo.", M(ad, hotel, phone));
        var d1 = w.Dossier("Loverboy Hengelo", gm, police, ExploitationForm.Sexual, day.AddDays(25), "Coördinator mensenhandel Hengelo");
        foreach (var s in new[] { first, s2 }) { d1.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier."); }
        var pd = w.Prov(police, null, day.AddDays(25));
        Member(w, d1, loverboy, DossierRole.Perpetrator, pd, PerpetratorRole.PimpOrLoverBoy);
        Member(w, d1, girl, DossierRole.Victim, pd);
        Member(w, d1, hotel, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d1, ad, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknowing);
        Member(w, d1, phone, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        w.Advance(d1, DossierStage.Closed, day.AddDays(25), 60);
        Intervene(w, d1, InterventionType.Criminal, "Aanhouding en vervolging loverboy", "recruitment", "OM-ON",
            new DateOnly(2024, 9, 1), InterventionStatus.Done, "Veroordeeld tot 30 maanden gevangenisstraf.", loverboy);
        Intervene(w, d1, InterventionType.Care, "Jeugdhulp en opvang voor het slachtoffer", "recruitment", "ZORG-TW",
            new DateOnly(2024, 6, 1), InterventionStatus.Done, "Geplaatst in beschermde opvang.", girl);

        var later = new DateOnly(2026, 4, 14);
        var s3 = w.Signal(w.MunicipalityPartner("GM0147"), later, "GM0147", ExploitationForm.Sexual, Sector.SexIndustry, ["SEX.02"],
            "Jongerenwerk Borne: jonge vrouw benadert meisjes met aanbod 'makkelijk geld'.", M(girl));
        var p2 = w.Prov(police, s3, later);
        var newVictims = new[] { w.Person(p2, "NL", true, 2009), w.Person(p2, "NL", true, 2008) };
        var contact = w.Person(p2, "NL", false, 1996);
        foreach (var v in newVictims) w.Relate(p2, Recruited, girl, v, later.AddDays(-30));
        w.Relate(p2, Associate, girl, contact);
        w.Relate(p2, Associate, contact, loverboy, detail: "Zelfde netwerk");
        var d2 = w.Dossier("Ronselen van meisjes in Borne en Hengelo", "GM0147", police, ExploitationForm.Sexual, later.AddDays(10), "Coördinator mensenhandel Borne");
        d2.AddSignal(s3.Id);
        s3.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier.");
        var pd2 = w.Prov(police, null, later.AddDays(10));
        Member(w, d2, girl, DossierRole.Perpetrator, pd2, PerpetratorRole.Recruiter);
        Member(w, d2, contact, DossierRole.Perpetrator, pd2, PerpetratorRole.PimpOrLoverBoy);
        foreach (var v in newVictims) Member(w, d2, v, DossierRole.Victim, pd2);
        Member(w, d2, phone, DossierRole.Facilitator, pd2, awareness: FacilitatorAwareness.Knowing);
        w.Advance(d2, DossierStage.DossierFormation, later.AddDays(10));
    }

    /// <summary>A massage parlour in Almelo offering its three Thai women through ads with one phone.</summary>
    private static void MassageParlour(DemoWorld w)
    {
        const string gm = "GM0141";
        var day = new DateOnly(2025, 9, 2);
        var gemeente = w.MunicipalityPartner(gm);
        var first = w.Signal(gemeente, day, gm, ExploitationForm.Sexual, Sector.MassageAndNails, ["LOC.04", "AFH.06"],
            "Controle massagesalon: bedden in de achterkamer, vrouwen spreken geen Nederlands of Engels.", []);
        var p = w.Prov(gemeente, first, day);
        var salon = w.Company(p, "Thai Massage Almelo (fictief)", Sector.MassageAndNails);
        var premises = w.Address(p, gm, LocationType.MassageParlour, "Marktstraat", 9);
        var owner = w.Person(p, "NL", false, 1970);
        var manager = w.Person(p, "TH", true, 1979);
        var phone = w.Phone(p);
        w.Relate(p, OwnerOf, owner, salon);
        w.Relate(p, WorksAt, manager, premises);
        w.Relate(p, UsesPhone, manager, phone);
        var victims = Enumerable.Range(0, 3).Select(_ => w.Person(p, "TH", true, w.Rng.Next(1990, 2002))).ToList();
        foreach (var v in victims)
        {
            w.Relate(p, WorksAt, v, premises);
            w.Relate(p, StaysAt, v, premises, detail: "Slaapt op de werkplek");
            w.Relate(p, Controls, manager, v, detail: "Schuld voor de reis");
            var ad = w.Ad(p, "Massage Oost (fictief)", "Ontspannende massage, ook 's avonds");
            w.Relate(p, AdvertisesVia, salon, ad);
            w.Relate(p, AdvertisesVia, ad, phone);
        }
        var s2 = w.Signal(w.Partner("POL-ON"), day.AddDays(16), gm, ExploitationForm.Sexual, Sector.MassageAndNails, ["SEX.03"],
            "Drie advertenties van de salon met hetzelfde nummer bieden 'extra service'.", M(phone, salon));
        var d = w.Dossier("Massagesalon Marktstraat Almelo", gm, gemeente, ExploitationForm.Sexual, day.AddDays(20), "Coördinator mensenhandel Almelo");
        foreach (var s in new[] { first, s2 }) { d.AddSignal(s.Id); s.SetStatus(SignalStatus.AddedToDossier, "Opgenomen in een dossier."); }
        var pd = w.Prov(gemeente, null, day.AddDays(20));
        Member(w, d, manager, DossierRole.Perpetrator, pd, PerpetratorRole.Exploiter);
        Member(w, d, owner, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Unknown);
        foreach (var v in victims) Member(w, d, v, DossierRole.Victim, pd);
        Member(w, d, salon, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, premises, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        Member(w, d, phone, DossierRole.Facilitator, pd, awareness: FacilitatorAwareness.Knowing);
        w.Advance(d, DossierStage.WeighingAndQualification, day.AddDays(20), 25);
    }
}
