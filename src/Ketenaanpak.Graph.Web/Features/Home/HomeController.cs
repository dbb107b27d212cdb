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
    public IActionResult Error([FromRoute] int? status)
    {
        // Only from the route, and only an error status: a posted form field named "status" (a refused CSRF post is
        // re-executed here with its form) must not choose the answer's status line.
        var failure = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        Response.StatusCode = status is >= 400 and <= 599 ? status.Value
            : status is not null ? StatusCodes.Status404NotFound // /fout/200 typed by hand: no such error page
            : failure is BadHttpRequestException bad ? bad.StatusCode // a body too large or cut off is the client's, not a 500
            : StatusCodes.Status500InternalServerError;
        return View("Error", Response.StatusCode);
    }
}
