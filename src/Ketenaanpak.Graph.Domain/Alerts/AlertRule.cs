using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Alerts;

/// <summary>The pattern detectors of the signal card (domain.md §4) that turn the graph into alerts (signaleringen).</summary>
public enum AlertRuleKind
{
    /// <summary>An address with ≥ N different persons registered (RegisteredAt) within a window of days.</summary>
    AddressRegistrations = 1,
    /// <summary>One companion (Accompanies) at ≥ N registrations of different persons within a window of days.</summary>
    CompanionRegistrations = 2,
    /// <summary>One phone number in ≥ N online ads.</summary>
    PhoneInAds = 3,
    /// <summary>One bank account receiving from or paying ≥ N persons.</summary>
    AccountPersons = 4,
    /// <summary>One company in ≥ N dossiers.</summary>
    CompanyInDossiers = 5,
    /// <summary>A new signal mentions an entity of a dossier that is not closed.</summary>
    SignalTouchesOpenDossier = 6,
    /// <summary>A reporter marked acute danger to a victim: crisis intervention, not a configurable rule.</summary>
    UrgentSignal = 7,
}

public static class AlertRuleKinds
{
    /// <summary>The rules an administrator or analyst configures (the urgent alert always fires).</summary>
    public static IReadOnlyList<AlertRuleKind> Configurable { get; } =
    [
        AlertRuleKind.AddressRegistrations, AlertRuleKind.CompanionRegistrations, AlertRuleKind.PhoneInAds,
        AlertRuleKind.AccountPersons, AlertRuleKind.CompanyInDossiers, AlertRuleKind.SignalTouchesOpenDossier,
    ];

    public static string Dutch(this AlertRuleKind kind) => kind switch
    {
        AlertRuleKind.AddressRegistrations => "Veel inschrijvingen op één adres",
        AlertRuleKind.CompanionRegistrations => "Eén begeleider bij inschrijvingen van verschillende personen",
        AlertRuleKind.PhoneInAds => "Eén telefoonnummer in meerdere advertenties",
        AlertRuleKind.AccountPersons => "Eén rekening met betalingen van of aan veel personen",
        AlertRuleKind.CompanyInDossiers => "Eén bedrijf in meerdere dossiers",
        AlertRuleKind.SignalTouchesOpenDossier => "Nieuw signaal raakt een open dossier",
        AlertRuleKind.UrgentSignal => "Acuut gevaar — crisisinterventie",
        _ => kind.ToString(),
    };

    /// <summary>Whether a time window means something for this rule (the others ignore it).</summary>
    public static bool HasWindow(this AlertRuleKind kind) =>
        kind is AlertRuleKind.AddressRegistrations or AlertRuleKind.CompanionRegistrations or AlertRuleKind.SignalTouchesOpenDossier;

    /// <summary>The seeded defaults: thresholds from the signal card's examples (domain.md §4, the seed's desk examples).</summary>
    public static (int Threshold, int? WindowDays) Default(this AlertRuleKind kind) => kind switch
    {
        AlertRuleKind.AddressRegistrations => (6, 365),
        AlertRuleKind.CompanionRegistrations => (3, 365),
        AlertRuleKind.PhoneInAds => (3, null),
        AlertRuleKind.AccountPersons => (5, null),
        AlertRuleKind.CompanyInDossiers => (2, null),
        AlertRuleKind.SignalTouchesOpenDossier => (1, 30),
        _ => (1, null),
    };
}

/// <summary>
/// The configuration of one alert rule: its threshold N, its time window in days (for rules that count within a
/// period) and whether it runs. One row per <see cref="AlertRuleKind"/>; changes record who and when.
/// </summary>
public sealed class AlertRule
{
    public const int MaxThreshold = 10_000;
    public const int MaxWindowDays = 3_650;

    private AlertRule() { UpdatedBy = ""; }

    public AlertRule(AlertRuleKind kind, int threshold, int? windowDays, bool enabled, string updatedBy, DateTimeOffset at)
    {
        if (!AlertRuleKinds.Configurable.Contains(kind))
            throw new DomainException("Deze regel is niet instelbaar.", nameof(Kind));
        Kind = kind;
        UpdatedBy = "";
        Apply(threshold, windowDays, enabled, updatedBy, at);
        Version = 0;
    }

    public AlertRuleKind Kind { get; private set; }
    public int Threshold { get; private set; }
    public int? WindowDays { get; private set; }
    public bool Enabled { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static AlertRule Seeded(AlertRuleKind kind, DateTimeOffset at)
    {
        var (threshold, window) = kind.Default();
        return new AlertRule(kind, threshold, window, true, "systeem (standaardwaarden)", at);
    }

    /// <summary>Changes the settings; throws with a Dutch message per field when a value is out of range.</summary>
    public void Configure(int threshold, int? windowDays, bool enabled, string by, DateTimeOffset at) =>
        Apply(threshold, windowDays, enabled, by, at);

    private void Apply(int threshold, int? windowDays, bool enabled, string by, DateTimeOffset at)
    {
        var minimum = Kind switch
        {
            AlertRuleKind.CompanyInDossiers => 2,
            AlertRuleKind.SignalTouchesOpenDossier => 1,
            _ => 2,
        };
        if (threshold < minimum || threshold > MaxThreshold)
            throw new DomainException($"De drempel moet tussen {minimum} en {MaxThreshold} liggen.", nameof(Threshold));
        if (Kind.HasWindow())
        {
            if (windowDays is null)
                throw new DomainException("Vul een periode in dagen in.", nameof(WindowDays));
            if (windowDays < 1 || windowDays > MaxWindowDays)
                throw new DomainException($"De periode moet tussen 1 en {MaxWindowDays} dagen liggen.", nameof(WindowDays));
        }
        else if (windowDays is not null)
            throw new DomainException("Deze regel telt zonder periode; laat de periode leeg.", nameof(WindowDays));
        if (string.IsNullOrWhiteSpace(by))
            throw new DomainException("Vermeld wie de regel wijzigt.", nameof(UpdatedBy));
        Threshold = threshold;
        WindowDays = windowDays;
        Enabled = enabled;
        UpdatedBy = by.Trim();
        UpdatedAt = at;
        Version++;
    }
}
