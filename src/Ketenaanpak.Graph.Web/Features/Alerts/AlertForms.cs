using System.Globalization;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Dossiers;

namespace Ketenaanpak.Graph.Web.Features.Alerts;

/// <summary>The words the pages and the API use for statuses, rules and roles (URL- and form-friendly, Dutch).</summary>
public static class AlertWords
{
    public static readonly IReadOnlyDictionary<string, AlertStatus> Statuses = new Dictionary<string, AlertStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["nieuw"] = AlertStatus.New,
        ["in-behandeling"] = AlertStatus.InReview,
        ["toegevoegd-aan-dossier"] = AlertStatus.AddedToDossier,
        ["afgewezen"] = AlertStatus.Dismissed,
    };

    public static readonly IReadOnlyDictionary<string, AlertRuleKind> Rules = new Dictionary<string, AlertRuleKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["adres-inschrijvingen"] = AlertRuleKind.AddressRegistrations,
        ["begeleider-inschrijvingen"] = AlertRuleKind.CompanionRegistrations,
        ["telefoon-advertenties"] = AlertRuleKind.PhoneInAds,
        ["rekening-personen"] = AlertRuleKind.AccountPersons,
        ["bedrijf-dossiers"] = AlertRuleKind.CompanyInDossiers,
        ["signaal-open-dossier"] = AlertRuleKind.SignalTouchesOpenDossier,
        ["acuut-gevaar"] = AlertRuleKind.UrgentSignal,
    };

    public static readonly IReadOnlyDictionary<string, DossierRole> Roles = new Dictionary<string, DossierRole>(StringComparer.OrdinalIgnoreCase)
    {
        ["dader"] = DossierRole.Perpetrator,
        ["slachtoffer"] = DossierRole.Victim,
        ["faciliteerder"] = DossierRole.Facilitator,
        ["overig"] = DossierRole.Other,
    };

    public static string Word(AlertStatus status) => Statuses.First(s => s.Value == status).Key;
    public static string Word(AlertRuleKind rule) => Rules.First(s => s.Value == rule).Key;
    public static string Word(DossierRole role) => Roles.First(s => s.Value == role).Key;

    public static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>The rules page's form for one rule; text fields so that every problem gets a Dutch message.</summary>
public sealed class RuleForm
{
    public string? Drempel { get; set; }
    public string? Periode { get; set; }
    public bool Actief { get; set; }
}

public sealed record AlertListPage(IReadOnlyList<Ketenaanpak.Graph.Application.Alerts.AlertListItem> Items, string? Status, string? Rule,
    string? Assignee, IReadOnlyList<(string Id, string Name)> Assignees, bool Truncated);

public sealed record AlertDetailPage(Ketenaanpak.Graph.Application.Alerts.AlertDetail Alert, string? Done, string? FailedForm,
    string? Reason, string? Dossier, string? Role);

public sealed record RulesPage(IReadOnlyList<AlertRule> Rules, bool MayConfigure, AlertRuleKind? Failed, RuleForm? Form, string? Done);
