using Ketenaanpak.Graph.Application.Overview;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Home;

public sealed class HomeController(OverviewService overview, ICurrentActor current) : Controller
{
    [HttpGet("/")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "home";
        return View(await overview.GetAsync(current.Actor, cancellationToken));
    }

    // Any method: the status-code pages re-execute the original request, which may be a POST.
    [Route("/fout/{status:int?}")]
    [AllowAnonymous]
    [IgnoreAntiforgeryToken] // re-executed for failed POSTs too; it changes nothing
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? status)
    {
        Response.StatusCode = status ?? StatusCodes.Status500InternalServerError;
        return View("Error", Response.StatusCode);
    }
}
