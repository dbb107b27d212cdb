using System.Numerics;
using Ketenaanpak.Graph.Domain.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Application.Demo;

/// <summary>
/// The fictional region under construction, with the small vocabulary the scenarios are written in. Everything is
/// drawn from one seeded <see cref="Random"/> (ids too), so a seed always yields the same region.
/// </summary>
internal sealed class DemoWorld(int seed, DateOnly start, DateOnly end)
{
    public const string Reference = DemoRegionLoader.SourceReference;
    private static readonly TimeSpan RecordingDelay = TimeSpan.FromDays(1);
    private readonly Dictionary<int, int> _signalSequence = [];
    private readonly Dictionary<int, int> _dossierSequence = [];

    public Random Rng { get; } = new(seed);
    public DateOnly Start { get; } = start;
    public DateOnly End { get; } = end;
    public List<Partner> Partners { get; } = [];
    public List<Node> Nodes { get; } = [];
    public List<Relation> Relations { get; } = [];
    public List<Signal> Signals { get; } = [];
    public List<Dossier> Dossiers { get; } = [];
    public List<Intervention> Interventions { get; } = [];
    public List<CaseMeeting> Meetings { get; } = [];

    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // RFC 4122 version 4 layout, drawn from the seeded generator
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];

    public DateOnly DateBetween(DateOnly from, DateOnly to) => from.AddDays(Rng.Next(Math.Max(1, to.DayNumber - from.DayNumber + 1)));

    public static DateTimeOffset At(DateOnly day, int hour = 10) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public Partner Partner(string code) => Partners.First(p => p.Code == code);

    public Partner MunicipalityPartner(string municipalityCode) =>
        Partners.First(p => p.Kind == PartnerKind.Municipality && p.MunicipalityCode == municipalityCode);

    // ---- provenance ------------------------------------------------------------------------------------------------

    public Provenance Prov(Partner partner, Signal? signal, DateOnly observed, HandlingCode? handling = null)
    {
        var basis = partner.Kind switch
        {
            PartnerKind.Police or PartnerKind.RoyalMarechaussee => LegalBasis.PoliceDataAct,
            PartnerKind.PublicProsecutor => LegalBasis.JusticeDataAct,
            PartnerKind.TaxAuthority or PartnerKind.Fiod => LegalBasis.GdprLegalObligation,
            PartnerKind.Municipality => LegalBasis.GdprPublicTask,
            _ when !partner.IsCovenant => LegalBasis.Consent,
            _ => LegalBasis.Covenant,
        };
        // Police facts go to the RIEC under the covenant (Wpg art. 20); the prosecutor's stay with police and OM (H4).
        var code = handling ?? (basis == LegalBasis.JusticeDataAct ? HandlingCode.PoliceAndJustice : HandlingCode.Chain);
        var grading = Pick(new[] { Grading.Default, new Grading(SourceReliability.A, InformationValidity.KnownTrue),
            new Grading(SourceReliability.C, InformationValidity.Corroborated), new Grading(SourceReliability.B, InformationValidity.Corroborated) });
        var recorded = At(observed) + RecordingDelay;
        return new Provenance(partner.Id, signal?.Id, Reference, At(observed), recorded, grading, basis, code, observed.AddYears(5));
    }

    // ---- nodes -----------------------------------------------------------------------------------------------------

    private Node Add(NodeKind kind, string caption, Provenance prov, params (string Property, string? Value)[] values)
    {
        var canonical = new Dictionary<string, string>();
        foreach (var (property, value) in values)
            if (value is not null)
                canonical[property] = NodeSchema.Normalise(NodeSchema.Property(kind, property)!, value);
        var node = new Node(new NodeId(NewGuid()), kind, caption, ExactKeys.For(kind, canonical), prov);
        foreach (var (property, value) in canonical) node.State(property, value, prov);
        Nodes.Add(node);
        return node;
    }

    public Node Person(Provenance prov, string nationality, bool female, int bornYear, string? first = null, string? last = null)
    {
        var names = DemoNames.ByNationality[nationality];
        first ??= Pick(female ? names.Female : names.Male);
        last ??= Pick(names.Last);
        var birth = Rng.Next(4) == 0 ? $"{bornYear}" : $"{bornYear}-{Rng.Next(1, 13):00}-{Rng.Next(1, 29):00}";
        return Add(NodeKind.Person, $"{first} {last}", prov, ("firstName", first), ("lastName", last), ("birthDate", birth),
            ("nationality", nationality), ("sex", female ? "vrouw" : "man"));
    }

    public Node Address(Provenance prov, string municipalityCode, LocationType type, string? street = null, int? number = null, string? addition = null)
    {
        var (town, from, to) = Pick(DemoNames.Towns[municipalityCode]);
        street ??= Pick(DemoNames.Streets);
        number ??= Rng.Next(1, 240);
        var houseNumber = addition is null ? $"{number}" : $"{number} {addition}";
        var postcode = $"{Rng.Next(from, to + 1)} {PostcodeLetters()}";
        return Add(NodeKind.Address, $"{street} {houseNumber}, {postcode} {town}", prov, ("street", street), ("houseNumber", houseNumber),
            ("postcode", postcode), ("town", town), ("municipality", Municipality.NameOf(municipalityCode)), ("country", "NL"),
            ("locationType", type.ToString()));
    }

    private string PostcodeLetters()
    {
        while (true)
        {
            var letters = $"{(char)('A' + Rng.Next(26))}{(char)('A' + Rng.Next(26))}";
            if (letters is not ("SA" or "SD" or "SS")) return letters;
        }
    }

    public Node Company(Provenance prov, string name, Sector sector, bool agency = false) =>
        Add(NodeKind.Company, name, prov, ("name", name), ("kvkNumber", $"{Rng.Next(10_000_000, 99_999_999)}"),
            ("sector", sector.ToString()), ("isEmploymentAgency", agency ? "ja" : "nee"), ("country", "NL"));

    public Node Document(Provenance prov, string type, string country, bool suspectedFalse = false)
    {
        var number = $"{(char)('A' + Rng.Next(26))}{(char)('A' + Rng.Next(26))}{Rng.Next(1_000_000, 9_999_999)}";
        return Add(NodeKind.Document, $"{type} {country} {number}", prov, ("documentType", type), ("number", number),
            ("issuingCountry", country), ("suspectedFalse", suspectedFalse ? "ja" : "nee"));
    }

    public Node Account(Provenance prov, string bank = "INGB")
    {
        var account = $"{Rng.Next(100_000, 999_999)}{Rng.Next(1000, 9999)}";
        var iban = DutchIban(bank, account);
        return Add(NodeKind.BankAccount, $"{iban[..4]} {iban[4..8]} {iban[8..12]} {iban[12..16]} {iban[16..]}", prov,
            ("iban", iban), ("bankName", bank switch { "INGB" => "ING", "RABO" => "Rabobank", "ABNA" => "ABN AMRO", "BUNQ" => "bunq", _ => bank }));
    }

    /// <summary>A Dutch IBAN with correct ISO 13616 check digits for the given bank code and 10-digit account.</summary>
    public static string DutchIban(string bank, string account)
    {
        var digits = string.Concat((bank + account + "NL00").Select(c => char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString() : c.ToString()));
        var check = 98 - (int)(BigInteger.Parse(digits) % 97);
        return $"NL{check:00}{bank}{account}";
    }

    public Node Phone(Provenance prov)
    {
        var number = $"+316{Rng.Next(10_000_000, 99_999_999)}";
        return Add(NodeKind.Phone, $"06-{number[4..]}", prov, ("number", number));
    }

    public Node Vehicle(Provenance prov, string make)
    {
        const string letters = "BDFGHJKLNPRSTVXZ";
        var plate = $"{letters[Rng.Next(16)]}{letters[Rng.Next(16)]}-{Rng.Next(100, 999)}-{letters[Rng.Next(16)]}";
        return Add(NodeKind.Vehicle, $"{plate} ({make})", prov, ("licencePlate", plate), ("make", make));
    }

    public Node Ad(Provenance prov, string platform, string title)
    {
        var host = new string(platform.ToLowerInvariant().TakeWhile(c => c != '(').Where(char.IsAsciiLetterOrDigit).ToArray());
        var url = $"https://{host}.example/advertentie/{Rng.Next(100_000, 999_999)}";
        return Add(NodeKind.OnlineAd, $"{title} ({platform})", prov, ("platform", platform), ("url", url), ("title", title));
    }

    public Relation Relate(Provenance prov, RelationType type, Node source, Node target, DateOnly? from = null, DateOnly? to = null,
        string? detail = null, double weight = 1)
    {
        var relation = new Relation(new RelationId(NewGuid()), type, source.Id, target.Id, from, to, weight, detail, prov);
        Relations.Add(relation);
        return relation;
    }

    // ---- signals, dossiers -----------------------------------------------------------------------------------------

    public Signal Signal(Partner partner, DateOnly observed, string municipalityCode, ExploitationForm form, Sector sector,
        string[] indicators, string? note, IEnumerable<(Node Node, string? Role)> mentions, bool urgent = false)
    {
        var year = observed.Year;
        var sequence = _signalSequence[year] = _signalSequence.GetValueOrDefault(year) + 1;
        var reporter = $"{Pick(DemoNames.StaffFirst)} {Pick(DemoNames.StaffLast)}";
        var signal = new Signal(new SignalId(NewGuid()), $"SIG-{year}-{sequence:0000}", reporter, observed, municipalityCode,
            form, sector, note, urgent, Prov(partner, null, observed));
        foreach (var code in indicators) signal.AddIndicator(code);
        foreach (var (node, role) in mentions) signal.Mention(node.Id, role);
        signal.Submit(At(observed) + RecordingDelay);
        Signals.Add(signal);
        return signal;
    }

    public Dossier Dossier(string title, string municipalityCode, Partner owner, ExploitationForm form, DateOnly opened, string coordinator)
    {
        var sequence = _dossierSequence[opened.Year] = _dossierSequence.GetValueOrDefault(opened.Year) + 1;
        var dossier = new Dossier(new DossierId(NewGuid()), $"DOS-{opened.Year}-{sequence:000}", title, municipalityCode, owner.Id, form,
            At(opened, 9), opened.AddYears(5));
        dossier.SetCoordinator(coordinator);
        Dossiers.Add(dossier);
        return dossier;
    }

    /// <summary>
    /// Walks the dossier through the chain steps up to <paramref name="stage"/>, one recorded decision per step, with
    /// the weighing before assignment and the closing evaluation before closing, as the case meeting would.
    /// </summary>
    public void Advance(Dossier dossier, DossierStage stage, DateOnly from, int daysPerStep = 35)
    {
        var day = from;
        for (var next = dossier.Stage + 1; next <= stage; next++)
        {
            day = day.AddDays(daysPerStep + Rng.Next(14));
            if (day > End) day = End;
            if (next == DossierStage.WeighingAndQualification) ConsentToCriminalSignals(dossier, At(day, 11));
            if (next == DossierStage.Assignment) Weigh(dossier, At(day, 13));
            if (next == DossierStage.Closed)
                dossier.RecordEvaluation("De afgesproken interventies zijn uitgevoerd; de uitbuitingssituatie is beëindigd.",
                    "Eerder signaleren aan de balie en bij de woningcontrole had de uitbuiting korter gemaakt.",
                    "RIEC Oost-Nederland (analist)", At(day, 13));
            dossier.RecordHistoricStep(next, "RIEC Oost-Nederland (analist)", $"Besloten in het casusoverleg: door naar {next.Dutch().ToLowerInvariant()}.", At(day, 14));
        }
    }

    /// <summary>The prosecutor's consent for the police and inspectorate signals, before they enter the case meeting.</summary>
    private void ConsentToCriminalSignals(Dossier dossier, DateTimeOffset at)
    {
        foreach (var link in dossier.Signals)
        {
            var signal = Signals.First(s => s.Id == link.SignalId);
            var source = Partners.First(p => p.Id == signal.Provenance.SourcePartner);
            if (source.Kind.IsInvestigating() && signal.Provenance.LegalBasis is LegalBasis.PoliceDataAct or LegalBasis.JusticeDataAct)
                dossier.RecordConsent(signal.Id, true, "Officier van justitie mensenhandel (OM Oost-Nederland)",
                    "Mag in het casusoverleg worden besproken.", at);
        }
    }

    /// <summary>A weighing derived from the dossier itself (no random draws, so the rest of the region stays the same).</summary>
    private static void Weigh(Dossier dossier, DateTimeOffset at)
    {
        int victims = dossier.Members.Count(m => m.Role == DossierRole.Victim);
        int perpetrators = dossier.Members.Count(m => m.Role == DossierRole.Perpetrator);
        var scores = new WeighingScores(Severity: Math.Min(5, 2 + victims / 3), Urgency: victims > 5 ? 4 : 3,
            Scale: Math.Min(5, 1 + (victims + perpetrators) / 3), MinorsInvolved: false, Victims: victims, Evidence: 3);
        var approaches = dossier.Members.Select(m => new MemberApproach(m.NodeId, m.Role, m.Role switch
        {
            DossierRole.Perpetrator => "Strafrechtelijk onderzoek door politie en OM; fiscale toets door de Belastingdienst.",
            DossierRole.Victim => "Hulpverlening via de zorgcoördinator mensenhandel; aanmelding bij CoMensha.",
            DossierRole.Facilitator when m.Awareness == FacilitatorAwareness.Knowing => "Bestuurlijke aanpak: Bibob-toets en handhaving.",
            DossierRole.Facilitator => "Bewustwordingsgesprek en een barrière in de eigen bedrijfsvoering.",
            _ => "Geen eigen aanpak; volgen.",
        })).ToList();
        dossier.RecordWeighing(scores, new WeighingCriteria(),
            "Bestuurlijke, fiscale en strafrechtelijke interventies tegelijk inzetten; slachtoffers eerst in veiligheid.",
            "De uitbuiting stopt, de slachtoffers krijgen hulp en de faciliteerders werpen een barrière op.",
            approaches, "Casusoverleg Twente", at);
    }
}
