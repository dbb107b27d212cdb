using System.Globalization;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ketenaanpak.Graph.Web.Features.Dossiers;

/// <summary>
/// The extension form as typed. The date stays text, so that a wrong date gets a Dutch message instead of the model
/// binder's English one.
/// </summary>
public sealed class RetentionForm
{
    public const int MaxReasonLength = 500;
    public const int MaxYearsAhead = 5;
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public string? Tot { get; set; }

    public string? Reden { get; set; }

    /// <summary>The new date, or null with the problems added to <paramref name="errors"/> under the field they concern.</summary>
    public DateOnly? Validate(DateOnly current, DateOnly today, ModelStateDictionary errors)
    {
        DateOnly? until = null;
        if (string.IsNullOrWhiteSpace(Tot))
            errors.AddModelError(nameof(Tot), "Vul de nieuwe bewaartermijn in.");
        else if (!TypedInput.TryDate(Tot, out var parsed))
            errors.AddModelError(nameof(Tot), "De nieuwe bewaartermijn is geen geldige datum. Typ de datum als dd-mm-jjjj, bijvoorbeeld 31-12-2028.");
        else if (parsed <= current)
            errors.AddModelError(nameof(Tot), $"De nieuwe bewaartermijn moet na de huidige bewaartermijn ({Text(current)}) liggen.");
        else if (parsed > today.AddYears(MaxYearsAhead))
            errors.AddModelError(nameof(Tot), $"Een verlenging reikt hoogstens {MaxYearsAhead} jaar vooruit, tot en met {Text(today.AddYears(MaxYearsAhead))}.");
        else
            until = parsed;

        if (string.IsNullOrWhiteSpace(Reden))
            errors.AddModelError(nameof(Reden), "Geef een reden voor de verlenging van de bewaartermijn.");
        else if (Reden.Trim().Length > MaxReasonLength)
            errors.AddModelError(nameof(Reden), $"De reden is te lang: hoogstens {MaxReasonLength} tekens.");

        return errors.IsValid ? until : null;
    }

    public static string Text(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);
}
