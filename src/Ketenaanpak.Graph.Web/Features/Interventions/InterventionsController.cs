using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Interventions;

/// <summary>
/// What needs the chain's attention (issue 7 §4): overdue interventions and declined ones waiting for another
/// partner, over the dossiers the user may read.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class InterventionsController(DossierInterventions interventions, ICurrentActor current) : Controller
{
    [HttpGet("/interventies")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Nav"] = "interventies";
        return View(await interventions.AttentionAsync(current.Actor, ct));
    }
}
