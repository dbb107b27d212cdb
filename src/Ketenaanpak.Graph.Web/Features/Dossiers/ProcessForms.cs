using System.Globalization;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ketenaanpak.Graph.Web.Features.Dossiers;

/// <summary>A step forward or back, as posted. Text fields, so that every problem gets a Dutch message.</summary>
public sealed class StepForm
{
    public string? Naar { get; set; }
    public string? Reden { get; set; }

    public DossierStage? Stage(ModelStateDictionary errors)
    {
        if (int.TryParse(Naar, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((DossierStage)n))
            return (DossierStage)n;
        errors.AddModelError("Stap", "Kies een stap uit het ketenproces.");
        return null;
    }
}

/// <summary>The weighing form: scores as text (1–5), the plan, and one approach per member ("aanpak_{node}_{rol}").</summary>
public sealed class WeighingForm
{
    public string? Ernst { get; set; }
    public string? Urgentie { get; set; }
    public string? Omvang { get; set; }
    public string? Bewijs { get; set; }
    public string? Slachtoffers { get; set; }
    public bool Minderjarigen { get; set; }
    public string? Plan { get; set; }
    public string? Resultaat { get; set; }
    public Dictionary<string, string?> Aanpak { get; set; } = [];

    public static string Key(NodeId node, DossierRole role) => $"{node}_{(int)role}";

    public WeighingScores? Scores(ModelStateDictionary errors)
    {
        int Score(string? text, string field, string label)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 5) return v;
            errors.AddModelError(field, $"Geef {label} een score van 1 tot en met 5.");
            return 0;
        }
        int severity = Score(Ernst, nameof(Ernst), "de ernst");
        int urgency = Score(Urgentie, nameof(Urgentie), "de urgentie");
        int scale = Score(Omvang, nameof(Omvang), "de omvang");
        int evidence = Score(Bewijs, nameof(Bewijs), "de bewijskracht");
        int victims = 0;
        if (!int.TryParse(Slachtoffers, NumberStyles.None, CultureInfo.InvariantCulture, out victims) || victims > 10_000)
            errors.AddModelError(nameof(Slachtoffers), "Vul het aantal (mogelijke) slachtoffers in als een heel getal van 0 tot 10.000.");
        return errors.IsValid ? new WeighingScores(severity, urgency, scale, Minderjarigen, victims, evidence) : null;
    }

    /// <summary>The approaches typed, for members listed in <paramref name="members"/> only (others are ignored).</summary>
    public List<MemberApproach> Approaches(IEnumerable<(NodeId Node, DossierRole Role)> members) =>
        members.Select(m => (m, Text: Aanpak.GetValueOrDefault(Key(m.Node, m.Role))))
            .Where(x => !string.IsNullOrWhiteSpace(x.Text))
            .Select(x => new MemberApproach(x.m.Node, x.m.Role, x.Text!))
            .ToList();
}

/// <summary>The prosecutor's decision on one signal.</summary>
public sealed class ConsentForm
{
    public string? Signaal { get; set; }
    public string? Besluit { get; set; }
    public string? Toelichting { get; set; }

    public bool? Granted(ModelStateDictionary errors)
    {
        switch (Besluit)
        {
            case "toestemming": return true;
            case "geweigerd": return false;
            default:
                errors.AddModelError(nameof(Besluit), "Kies toestemming of weigering.");
                return null;
        }
    }
}

/// <summary>The closing evaluation.</summary>
public sealed class EvaluationForm
{
    public string? Uitkomst { get; set; }
    public string? Lessen { get; set; }
}

/// <summary>A new intervention: kind, description, barrier phase, partner, due date and the members it targets.</summary>
public sealed class InterventionForm
{
    public string? Soort { get; set; }
    public string? Titel { get; set; }
    public string? Fase { get; set; }
    public string? Partner { get; set; }
    public string? Termijn { get; set; }
    public List<string> Doelen { get; set; } = [];

    public Application.Chain.InterventionInput ToInput() => new(Soort, Titel, Fase, Partner, Termijn, Doelen);
}
