using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Dossiers;

/// <summary>The add-to-dossier form as posted; field names are the Dutch labels' keys.</summary>
public sealed class MemberForm
{
    public string? Dossier { get; set; }
    public string? Entiteit { get; set; }
    public string? Rol { get; set; }
    public string? Daderrol { get; set; }
    public string? Bewustzijn { get; set; }
    public string? Signaal { get; set; }
    public string? Bron { get; set; }

    public MemberInput ToInput() => new(Dossier, Entiteit, Rol, Daderrol, Bewustzijn, Signaal, Bron);
}

public sealed record MemberPageModel(string? EntityId, string? EntityCaption, IReadOnlyList<WorkableDossier> Dossiers, MemberForm Form);

/// <summary>
/// Dossier formation by hand (issue 7.1): from an entity's page, add the entity to a dossier the user works on, in its
/// role, with its source. The rights are <see cref="DossierProcess.MayAct"/>'s, checked in <see cref="DossierMembership"/>.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class DossierMembersController(DossierMembership membership, ICurrentActor current) : Controller
{
    [HttpGet("/dossiers/leden/nieuw")]
    public async Task<IActionResult> New([FromQuery(Name = "entiteit")] string? entity, [FromQuery(Name = "dossier")] string? dossier,
        [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        string? caption = null;
        if (!string.IsNullOrEmpty(entity))
        {
            if (!Guid.TryParse(entity, out var id) || await membership.ShowAsync(current.Actor, new NodeId(id), purpose, ct) is not { } c) return NotFound();
            caption = c;
        }
        return await PageAsync(new MemberForm { Entiteit = entity, Dossier = dossier }, caption, ct);
    }

    [HttpPost("/dossiers/leden")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Add([FromForm] MemberForm form, CancellationToken ct)
    {
        ModelState.Clear();
        var (result, number) = await membership.AddMemberAsync(current.Actor, form.ToInput(), ct);
        if (result.Succeeded) return Redirect($"/dossiers/{Uri.EscapeDataString(number!)}/proces?gedaan=lid");
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        Response.StatusCode = result.Errors.ContainsKey("") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var caption = Guid.TryParse(form.Entiteit, out var id) ? await membership.CaptionAsync(current.Actor, new NodeId(id), ct) : null;
        return await PageAsync(form, caption, ct);
    }

    private async Task<ViewResult> PageAsync(MemberForm form, string? caption, CancellationToken ct)
    {
        ViewData["Nav"] = "dossiers";
        var dossiers = await membership.WorkableAsync(current.Actor, ct);
        return View("~/Features/Dossiers/Views/AddMember.cshtml", new MemberPageModel(caption is null ? null : form.Entiteit, caption, dossiers, form));
    }
}
