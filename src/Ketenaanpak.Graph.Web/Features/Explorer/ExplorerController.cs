using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Explorer;

/// <summary>Where the explorer starts: a node, a dossier, a saved view, an imported dataset, or nothing (a search box).</summary>
public sealed record ExplorerPageModel(string? Start, string? Dossier, string? View, string? Dataset = null);

/// <summary>
/// The network explorer (the dossier barrier page is Features/Barriers). The page is a shell: everything they show comes from the JSON
/// API through the access policy, so a page never holds data the API would refuse.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class ExplorerController : Controller
{
    [HttpGet("/verkenner")]
    public IActionResult Index([FromQuery] string? start, [FromQuery] string? dossier, [FromQuery(Name = "weergave")] string? view,
        [FromQuery] string? dataset)
    {
        ViewData["Nav"] = "verkenner";
        // Only well-formed values reach the page's data attributes; anything else starts empty.
        return View(new ExplorerPageModel(Guid.TryParse(start, out var s) ? s.ToString() : null, ValidNumber(dossier) ? dossier : null,
            Guid.TryParse(view, out var v) ? v.ToString() : null, Application.Bulk.ImportKeys.IsValidDataset(dataset, out _) ? dataset : null));
    }

    private static bool ValidNumber(string? number) =>
        number is { Length: > 0 and <= 30 } && number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
