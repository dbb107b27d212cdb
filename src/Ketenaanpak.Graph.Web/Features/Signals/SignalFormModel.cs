using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Web.Features.Signals;

/// <summary>The intake form: the input as typed, the draft it belongs to, and the choices the reporter's organisation has.</summary>
public sealed class SignalFormModel
{
    public required SignalIntakeInput Input { get; init; }
    public Guid? DraftId { get; init; }
    public required string PartnerName { get; init; }
    public required PartnerKind PartnerKind { get; init; }
    public string? Saved { get; init; }

    public IEnumerable<LegalBasis> LegalBases => Enum.GetValues<LegalBasis>().Where(b => PartnerKind.MayClaim(b));

    public string Action => DraftId is { } id ? $"/signalen/concept/{id}" : "/signalen/nieuw";

    /// <summary>The form's sections of mentioned entities, in this order (the rows are numbered in it too).</summary>
    public static readonly (NodeKind Kind, string Title, string Singular, string[] Fields)[] Sections =
    [
        (NodeKind.Person, "Personen", "Persoon", ["firstName", "lastName", "alias", "birthDate", "nationality", "sex"]),
        (NodeKind.Address, "Adressen", "Adres", ["street", "houseNumber", "postcode", "town", "locationType"]),
        (NodeKind.Company, "Bedrijven", "Bedrijf", ["name", "kvkNumber", "sector", "isEmploymentAgency"]),
        (NodeKind.Document, "Documenten", "Document", ["documentType", "number", "issuingCountry", "suspectedFalse"]),
        (NodeKind.BankAccount, "Bankrekeningen", "Rekening", ["iban", "bankName"]),
        (NodeKind.Phone, "Telefoonnummers", "Telefoon", ["number"]),
        (NodeKind.Vehicle, "Voertuigen", "Voertuig", ["licencePlate", "make"]),
        (NodeKind.OnlineAd, "Online advertenties", "Advertentie", ["platform", "url", "title"]),
    ];

    public static int SectionOrder(string? kind) =>
        Array.FindIndex(Sections, s => string.Equals(s.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : Sections.Length;

    /// <summary>Hints under the fields whose format matters most.</summary>
    public static string? Placeholder(string field) => field switch
    {
        "postcode" => "7511 AB",
        "houseNumber" => "12 A",
        "birthDate" => "1990-05-17 of 1990",
        "nationality" or "issuingCountry" => "RO",
        "iban" => "NL91 ABNA 0417 1643 00",
        "number" => null,
        "kvkNumber" => "12345678",
        "licencePlate" => "AB-123-C",
        "url" => "https://…",
        _ => null,
    };

    /// <summary>Dutch labels for the options of an enumeration property.</summary>
    public static string OptionLabel(string field, string value) => field switch
    {
        "locationType" when SignalIntakeValidator.TryName<LocationType>(value, out var t) => t.Dutch(),
        "sector" when SignalIntakeValidator.TryName<Sector>(value, out var s) => s.Dutch(),
        "documentType" => value switch { "IdentiteitsKaart" => "Identiteitskaart", _ => value },
        _ => value,
    };

    /// <summary>The label of a mention in the relation lists: "Persoon 2: Ana Popescu".</summary>
    public static string MentionLabel(MentionInput m, IReadOnlyList<MentionInput> all)
    {
        var section = Sections.FirstOrDefault(s => string.Equals(s.Kind.ToString(), m.Kind, StringComparison.OrdinalIgnoreCase));
        var number = all.Where(x => string.Equals(x.Kind, m.Kind, StringComparison.OrdinalIgnoreCase)).ToList().IndexOf(m) + 1;
        var text = section.Fields?.Select(f => m.Values.GetValueOrDefault(f)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return $"{section.Singular ?? "Entiteit"} {number}" + (text is null ? "" : ": " + text);
    }
}
