using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Knowledge;

/// <summary>
/// The knowledge page (issue 6.6): the signal card with an explanation and an example per indicator, the locations and
/// sectors to watch, and how to report. For every signed-in user; it holds no personal data, so nothing is audited.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class KnowledgeController : Controller
{
    [HttpGet("/kennis")]
    public IActionResult Index()
    {
        ViewData["Nav"] = "kennis";
        return View();
    }
}
