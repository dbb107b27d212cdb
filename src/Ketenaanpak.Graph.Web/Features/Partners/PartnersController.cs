using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Web.Features.Partners;

/// <summary>The partner directory: who takes part, under the covenant or not, and where to reach them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PartnersController(IGraphDbContext db) : Controller
{
    [HttpGet("/partners")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "partners";
        var partners = await db.Partners.AsNoTracking().OrderByDescending(p => p.IsCovenant).ThenBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return View(partners);
    }
}
