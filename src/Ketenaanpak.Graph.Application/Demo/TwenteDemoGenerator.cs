using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Application.Demo;

/// <summary>What the generator produced, ready to be stored.</summary>
public sealed record DemoRegion(
    IReadOnlyList<Partner> Partners,
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<Relation> Relations,
    IReadOnlyList<Signal> Signals,
    IReadOnlyList<Domain.Dossiers.Dossier> Dossiers,
    IReadOnlyList<Domain.Interventions.Intervention> Interventions,
    IReadOnlyList<CaseMeeting> Meetings);

/// <summary>
/// Generates the fictional Twente region: the 14 municipalities and the chain partners, twelve dossiers that cover
/// the typical cases (mushroom farm with a rogue agency, holiday park and escort ads sharing one phone, cannabis,
/// a slum landlord, an address with 14 registrations and a companion, a victim who later recruits, …) and about
/// 300 signals over three years, most of which led nowhere, as in real life. Deterministic: a seed gives the same
/// region. All persons, companies, numbers and events are invented.
/// </summary>
public static class TwenteDemoGenerator
{
    /// <summary>The three years the demo covers. Fixed, so that the same seed yields the same region on any day.</summary>
    public static readonly DateOnly PeriodStart = new(2023, 11, 1);
    public static readonly DateOnly PeriodEnd = new(2026, 10, 31);

    public const int BackgroundSignalCount = 270;

    public static DemoRegion Generate(int seed)
    {
        var world = new DemoWorld(seed, PeriodStart, PeriodEnd);
        AddPartners(world);
        TwenteScenarios.AddAll(world);
        AddBackgroundSignals(world);
        AddCaseMeetings(world);
        TwenteScenarios.AddBarrierDetails(world);
        return new DemoRegion(world.Partners, world.Nodes, world.Relations, world.Signals, world.Dossiers, world.Interventions, world.Meetings);
    }

    private static void AddPartners(DemoWorld w)
    {
        void Add(string code, string name, PartnerKind kind, string? municipality = null, string? contact = null, string? point = null)
        {
            var partner = new Partner(new PartnerId(w.NewGuid()), code, name, kind, municipality);
            partner.SetContact(contact ?? $"{w.Pick(DemoNames.StaffFirst)} {w.Pick(DemoNames.StaffLast)}", point ?? $"Meldpunt mensenhandel {name}");
            w.Partners.Add(partner);
        }

        Add("RIEC-ON", "RIEC Oost-Nederland", PartnerKind.Riec);
        foreach (var m in Municipality.Twente)
            Add($"GEM-{m.Name.ToUpperInvariant().Replace(' ', '-')}", $"Gemeente {m.Name}", PartnerKind.Municipality, m.Code,
                point: $"Coördinator mensenhandel gemeente {m.Name}");
        Add("PROV-OV", "Provincie Overijssel", PartnerKind.Province);
        Add("POL-ON", "Politie Oost-Nederland, team mensenhandel", PartnerKind.Police);
        Add("OM-ON", "Openbaar Ministerie Oost-Nederland", PartnerKind.PublicProsecutor, point: "Officier van justitie mensenhandel");
        Add("BD", "Belastingdienst", PartnerKind.TaxAuthority);
        Add("FIOD", "FIOD", PartnerKind.Fiod);
        Add("ISZW", "Inspectie SZW (Nederlandse Arbeidsinspectie)", PartnerKind.LabourInspectorate);
        Add("KMAR", "Koninklijke Marechaussee", PartnerKind.RoyalMarechaussee);
        Add("DOUANE", "Douane", PartnerKind.Customs);
        Add("IND", "Immigratie- en Naturalisatiedienst", PartnerKind.Ind);
        Add("UWV", "UWV", PartnerKind.Uwv);
        Add("GGD-TW", "GGD Twente", PartnerKind.HealthService);
        Add("ZORG-TW", "Zorgcoördinatie mensenhandel Twente (fictief)", PartnerKind.CareOrganisation);
        Add("WONEN-TW", "Woningcorporatie Twentse Wonen (fictief)", PartnerKind.HousingCorporation);
        Add("KVK", "Kamer van Koophandel", PartnerKind.ChamberOfCommerce);
        Add("OPVANG-TW", "Opvang slachtoffers Twente (fictief)", PartnerKind.Shelter);
        Add("COMENSHA", "CoMensha", PartnerKind.CoMensha);
    }

    /// <summary>Signals that were looked at and led nowhere (or not yet): a person, an address, sometimes a phone.</summary>
    private static void AddBackgroundSignals(DemoWorld w)
    {
        var reporters = w.Partners.Where(p => p.Kind is PartnerKind.Municipality or PartnerKind.Police or PartnerKind.LabourInspectorate
            or PartnerKind.HealthService or PartnerKind.HousingCorporation or PartnerKind.CareOrganisation or PartnerKind.TaxAuthority).ToList();
        var forms = new[] { ExploitationForm.Labour, ExploitationForm.Labour, ExploitationForm.Sexual, ExploitationForm.Criminal, ExploitationForm.Unknown };
        var nationalities = DemoNames.ByNationality.Keys.ToArray();
        var indicators = IndicatorCatalog.All.Select(i => i.Code).ToArray();
        for (var i = 0; i < BackgroundSignalCount; i++)
        {
            var partner = w.Pick(reporters);
            var municipality = partner.MunicipalityCode ?? w.Pick(Municipality.Twente).Code;
            var observed = w.DateBetween(w.Start, w.End);
            var form = w.Pick(forms);
            var sector = form switch
            {
                ExploitationForm.Sexual => w.Pick(new[] { Sector.SexIndustry, Sector.MassageAndNails, Sector.Unknown }),
                ExploitationForm.Labour => w.Pick(new[] { Sector.AgricultureHorticulture, Sector.Construction, Sector.Cleaning, Sector.Hospitality, Sector.Transport, Sector.EmploymentAgency }),
                ExploitationForm.Criminal => w.Pick(new[] { Sector.CannabisGrowing, Sector.Begging }),
                _ => Sector.Unknown,
            };
            var prov = w.Prov(partner, null, observed);
            var nationality = w.Pick(nationalities);
            var person = w.Person(prov, nationality, w.Rng.Next(2) == 0, w.Rng.Next(1965, 2006));
            var address = w.Address(prov, municipality, w.Pick(new[] { LocationType.PrivateHouse, LocationType.PrivateHouse, LocationType.Campsite, LocationType.HolidayPark, LocationType.Hotel, LocationType.Workplace }));
            w.Relate(prov, RelationType.StaysAt, person, address, observed.AddMonths(-w.Rng.Next(1, 12)));
            var mentions = new List<(Node, string?)> { (person, "betrokkene"), (address, "locatie") };
            if (w.Rng.Next(5) == 0)
            {
                var phone = w.Phone(prov);
                w.Relate(prov, RelationType.UsesPhone, person, phone);
                mentions.Add((phone, null));
            }
            var picked = Enumerable.Range(0, w.Rng.Next(1, 4)).Select(_ => w.Pick(indicators)).Distinct().ToArray();
            var signal = w.Signal(partner, observed, municipality, form, sector, picked, null, mentions);
            var ageDays = w.End.DayNumber - observed.DayNumber;
            if (ageDays > 90)
                signal.SetStatus(SignalStatus.NoFollowUp, "Beoordeeld door het RIEC: onvoldoende aanwijzingen voor mensenhandel. Dank voor uw melding.");
            else if (ageDays > 20)
                signal.SetStatus(SignalStatus.InReview, "In behandeling bij het RIEC.");
        }
    }

    private static void AddCaseMeetings(DemoWorld w)
    {
        var quarter = new DateOnly(2023, 12, 12);
        var n = 0;
        while (quarter <= w.End)
        {
            var meeting = new CaseMeeting(new CaseMeetingId(w.NewGuid()), CaseMeetingKind.Quarterly,
                $"Casusoverleg mensenhandel Twente {quarter.Year} K{(quarter.Month - 1) / 3 + 1}", DemoWorld.At(quarter, 13),
                "Burgemeester van Enschede (portefeuillehouder mensenhandel)");
            meeting.RecordMinutes($"Overleg {++n}: dossiers gewogen en interventies afgestemd. Fictief verslag voor de demoregio.");
            w.Meetings.Add(meeting);
            quarter = quarter.AddMonths(3);
        }
        w.Meetings.Add(new CaseMeeting(new CaseMeetingId(w.NewGuid()), CaseMeetingKind.Quarterly, "Casusoverleg mensenhandel Twente 2026 K4",
            DemoWorld.At(new DateOnly(2026, 12, 8), 13), "Burgemeester van Enschede (portefeuillehouder mensenhandel)"));
        var adHoc = new CaseMeeting(new CaseMeetingId(w.NewGuid()), CaseMeetingKind.AdHoc, "Ad-hoc casusoverleg: minderjarige in hennepkwekerij",
            DemoWorld.At(new DateOnly(2025, 6, 18), 16), "Burgemeester van Enschede (portefeuillehouder mensenhandel)");
        adHoc.RecordMinutes("Spoedoverleg na acute melding: opvang geregeld via zorgcoördinator, politie start onderzoek. Fictief verslag.");
        w.Meetings.Add(adHoc);
    }
}
