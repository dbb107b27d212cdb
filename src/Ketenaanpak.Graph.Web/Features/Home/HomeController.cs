using Ketenaanpak.Graph.Application.Overview;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Home;

public sealed class HomeController(OverviewService overview) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "home";
        return View(await overview.GetAsync(cancellationToken));
    }

    // Any method: the exception handler and the status-code pages re-execute the failed request's own method here, so
    // a refused or failed POST would otherwise end in a 405 instead of its Dutch error page.
    [Route("/fout/{status:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? status)
    {
        Response.StatusCode = status ?? StatusCodes.Status500InternalServerError;
        return View("Error", Response.StatusCode);
    }
}
