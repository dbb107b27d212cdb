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

    [HttpGet("/fout/{status:int?}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int? status)
    {
        Response.StatusCode = status ?? StatusCodes.Status500InternalServerError;
        return View("Error", Response.StatusCode);
    }
}
