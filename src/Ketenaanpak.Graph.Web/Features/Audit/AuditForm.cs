using System.Globalization;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ketenaanpak.Graph.Web.Features.Audit;

/// <summary>
/// The search form as typed (query string of /audit, or the export form's fields). Kept as text, so that a wrong date
/// comes back with a Dutch message instead of the model binder's English one.
/// </summary>
public sealed class AuditForm
{
    private const int MaxTextLength = 200;

    public string? Gebruiker { get; set; }

    public string? Actie { get; set; }

    public string? Onderwerp { get; set; }

    public string? OnderwerpId { get; set; }

    public string? Van { get; set; }

    public string? Tot { get; set; }

    public int Pagina { get; set; } = 1;

    /// <summary>Walk the chain for the verification panel (on request: it reads the whole log).</summary>
    public bool Controle { get; set; }

    /// <summary>A head kept outside the system ("volgnummer:hash"), to verify against instead of the witnessed one.</summary>
    public string? Kop { get; set; }

    /// <summary>The head typed in <see cref="Kop"/>; null when empty, or with an error on the field when malformed.</summary>
    public AuditHead? ExpectedHead(ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(Kop)) return null;
        if (AuditHead.TryParse(Kop, out var head)) return head;
        errors.AddModelError(nameof(Kop), "De kop is het volgnummer, een dubbele punt en de hash van 64 tekens, zoals de controle hem toont (bijvoorbeeld 1200:3fa9…).");
        return null;
    }

    /// <summary>Why the export is made; recorded with it.</summary>
    public string? Doel { get; set; }

    /// <summary>The filter, or null with the problems added to <paramref name="errors"/> under the field they concern.</summary>
    public AuditFilter? ToFilter(ModelStateDictionary errors)
    {
        AuditAction? action = null;
        if (!string.IsNullOrWhiteSpace(Actie))
        {
            if (TypedInput.TryName<AuditAction>(Actie, out var parsed))
                action = parsed;
            else
                errors.AddModelError(nameof(Actie), "Kies een actie uit de lijst.");
        }
        foreach (var (field, label, value) in new[] { (nameof(Gebruiker), "Gebruiker", Gebruiker), (nameof(Onderwerp), "Soort onderwerp", Onderwerp), (nameof(OnderwerpId), "Kenmerk", OnderwerpId) })
            if (value?.Length > MaxTextLength)
                errors.AddModelError(field, $"De zoektekst bij ‘{label}’ is te lang (hoogstens {MaxTextLength} tekens).");
        var from = Date(errors, nameof(Van), "Van", Van);
        var to = Date(errors, nameof(Tot), "Tot en met", Tot);
        if (from > to)
            errors.AddModelError(nameof(Tot), $"De periode klopt niet: ‘Tot en met’ ({Dutch(to!.Value)}) ligt vóór ‘Van’ ({Dutch(from!.Value)}). Pas een van beide datums aan.");
        return errors.IsValid ? new AuditFilter(Gebruiker, action, Onderwerp, OnderwerpId, from, to) : null;
    }

    /// <summary>The filter fields as query values, for the pager, the panel and the export form.</summary>
    public IEnumerable<KeyValuePair<string, string>> FilterValues()
    {
        var values = new (string Key, string? Value)[]
        {
            ("gebruiker", Gebruiker), ("actie", Actie), ("onderwerp", Onderwerp), ("onderwerpid", OnderwerpId), ("van", Van), ("tot", Tot), ("kop", Kop),
        };
        return values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value!));
    }

    private static DateOnly? Date(ModelStateDictionary errors, string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TypedInput.TryDate(text, out var date)) return date;
        errors.AddModelError(field, $"‘{label}’ is geen geldige datum. Gebruik de datumkiezer of typ de datum als dd-mm-jjjj, bijvoorbeeld 30-11-2026.");
        return null;
    }

    private static string Dutch(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
}
