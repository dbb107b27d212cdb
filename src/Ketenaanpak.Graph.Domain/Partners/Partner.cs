using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Partners;

/// <summary>
/// A partner organisation of the chain. Covenant partners share and read dossiers under the RIEC covenant;
/// non-covenant partners submit signals and receive feedback only (domain.md §1, §7).
/// </summary>
public sealed class Partner
{
    private Partner() { Code = Name = ""; }

    public Partner(PartnerId id, string code, string name, PartnerKind kind, string? municipalityCode = null)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40)
            throw new DomainException("Een partnercode is verplicht en heeft maximaal 40 tekens.", nameof(Code));
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
            throw new DomainException("Een partnernaam is verplicht en heeft maximaal 200 tekens.", nameof(Name));
        if (kind == PartnerKind.Municipality && Municipality.Find(municipalityCode) is null)
            throw new DomainException("Kies de gemeente van deze gemeentelijke partner.", nameof(MunicipalityCode));
        Id = id;
        Code = code.Trim();
        Name = name.Trim();
        Kind = kind;
        IsCovenant = kind.IsCovenantKind();
        MunicipalityCode = municipalityCode;
    }

    public PartnerId Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public PartnerKind Kind { get; private set; }
    public bool IsCovenant { get; private set; }
    public string? MunicipalityCode { get; private set; }
    /// <summary>Contact person for the chain approach (ketenaanpak).</summary>
    public string? ContactPerson { get; private set; }
    /// <summary>The partner's internal reporting point where feedback and requests are routed.</summary>
    public string? ReportingPoint { get; private set; }
    /// <summary>How many interventions (barriers) this partner can take on per quarter; null when not set (then the
    /// barrier plan does not limit it). What is already assigned in the quarter counts against it.</summary>
    public int? InterventionCapacityPerQuarter { get; private set; }
    public int Version { get; private set; }

    public const int MaxContactLength = 200, MaxReportingPointLength = 300, MaxCapacityPerQuarter = 1000;

    public void SetCapacity(int? perQuarter)
    {
        if (perQuarter is < 0 or > MaxCapacityPerQuarter)
            throw new DomainException($"De capaciteit is een aantal interventies per kwartaal van 0 tot {MaxCapacityPerQuarter}.", nameof(InterventionCapacityPerQuarter));
        InterventionCapacityPerQuarter = perQuarter;
        Version++;
    }

    /// <summary>Where the chain reaches this partner: feedback on signals, alerts and intervention requests go there.</summary>
    /// <summary>How a request is routed to this partner, in words for the page; null when the directory has no way yet.</summary>
    public string? RoutingDescription => (ContactPerson, ReportingPoint) switch
    {
        (null, null) => null,
        (null, { } point) => point,
        ({ } person, null) => person,
        ({ } person, { } point) => $"{point} (contactpersoon {person})",
    };

    public void SetContact(string? contactPerson, string? reportingPoint)
    {
        if (contactPerson?.Trim().Length > MaxContactLength)
            throw new DomainException($"De naam van de contactpersoon is te lang (maximaal {MaxContactLength} tekens).", nameof(ContactPerson));
        if (reportingPoint?.Trim().Length > MaxReportingPointLength)
            throw new DomainException($"Het meldpunt is te lang (maximaal {MaxReportingPointLength} tekens).", nameof(ReportingPoint));
        ContactPerson = string.IsNullOrWhiteSpace(contactPerson) ? null : contactPerson.Trim();
        ReportingPoint = string.IsNullOrWhiteSpace(reportingPoint) ? null : reportingPoint.Trim();
        Version++;
    }
}
