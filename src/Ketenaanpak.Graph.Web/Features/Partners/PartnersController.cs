using Ketenaanpak.Graph.Application.Partners;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Partners;

/// <summary>
/// The partner directory (/partners): who takes part, under the covenant or not, and where the chain reaches them.
/// Everyone signed in reads it; administrators add partners (/partners/nieuw) and keep contacts current
/// (/partners/{code}/bewerken).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PartnersController(PartnerDirectory directory, ICurrentActor current) : Controller
{
    [HttpGet("/partners")]
    public async Task<IActionResult> Index(string? melding, CancellationToken ct)
    {
        ViewData["Nav"] = "partners";
        ViewData["Confirmation"] = melding switch
        {
            "aangemaakt" => "De partner is toegevoegd.",
            "gewijzigd" => "Contactpersoon en meldpunt zijn bijgewerkt.",
            _ => null,
        };
        return View(new PartnersPage(await directory.ListAsync(ct), current.Actor.Role == Roles.Administrator));
    }
}

/// <summary>Adding partners and keeping their contacts current: administrators only.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class PartnerAdministrationController(PartnerDirectory directory, ICurrentActor current) : Controller
{
    private const string EditView = "~/Features/Partners/Views/Edit.cshtml";

    [HttpGet("/partners/nieuw")]
    public IActionResult New() => View(EditView, new PartnerForm(null, new PartnerInput(null, null, null, null, null, null), new Dictionary<string, string>()));

    [HttpPost("/partners/nieuw")]
    public async Task<IActionResult> Create([FromForm] PartnerInput input, CancellationToken ct)
    {
        var result = await directory.CreateAsync(current.Actor, input, ct);
        if (result.Ok) return Redirect("/partners?melding=aangemaakt");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(EditView, new PartnerForm(null, input, result.Errors));
    }

    [HttpGet("/partners/{code}/bewerken")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        if (await directory.FindAsync(code, ct) is not { } partner) return NotFound();
        return View(EditView, new PartnerForm(partner, new PartnerInput(partner.Code, partner.Name, partner.Kind.ToString(), partner.MunicipalityCode,
            partner.ContactPerson, partner.ReportingPoint, partner.InterventionCapacityPerQuarter?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Dictionary<string, string>()));
    }

    [HttpPost("/partners/{code}/bewerken")]
    public async Task<IActionResult> Update(string code, [FromForm] PartnerInput input, CancellationToken ct)
    {
        if (await directory.FindAsync(code, ct) is not { } partner) return NotFound();
        var result = await directory.UpdateContactAsync(current.Actor, code, input, ct);
        if (result.Ok) return Redirect("/partners?melding=gewijzigd");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(EditView, new PartnerForm(partner, input with { Code = partner.Code, Name = partner.Name, Kind = partner.Kind.ToString() }, result.Errors));
    }
}

public sealed record PartnersPage(IReadOnlyList<PartnerEntry> Partners, bool MayEdit);

/// <summary>The form to add a partner (Existing null) or to change an existing one's contact and reporting point.</summary>
public sealed record PartnerForm(Partner? Existing, PartnerInput Input, IReadOnlyDictionary<string, string> Errors)
{
    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var e) ? e : null;
}
