using System.Globalization;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Web.Features.Dossiers;

public sealed record DossierPageModel(Dossier Dossier, string? OwnerName, bool MayExtend, RetentionForm Form, bool Extended);

/// <summary>
/// A dossier, read-only for now: its title, stage, lead municipality, retention date and decision history, and the
/// extension of its retention as a recorded decision (domain.md §7). A dossier the user may not read answers 404, so
/// that its existence is not revealed.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class DossiersController(IGraphDbContext db, IAuditLog log, ICurrentActor current, TimeProvider clock) : Controller
{
    [HttpGet("/dossiers/{number}")]
    public async Task<IActionResult> Show(string number, [FromQuery] bool verlengd, CancellationToken cancellationToken)
    {
        if (await FindReadableAsync(number, cancellationToken) is not { } dossier) return NotFound();
        await log.AppendAsync(new AuditRecord(current.Actor, AuditAction.Read, "Dossier", dossier.Number, "dossier geopend", null), cancellationToken);
        return await PageAsync(dossier, new RetentionForm(), verlengd, cancellationToken);
    }

    [HttpPost("/dossiers/{number}/bewaartermijn")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ExtendRetention(string number, [FromForm] RetentionForm form, CancellationToken cancellationToken)
    {
        if (await FindReadableAsync(number, cancellationToken) is not { } dossier) return NotFound();
        if (!AccessPolicy.MayExtendRetention(current.Actor, DossierAccessInfo.Of(dossier))) return Forbid();

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(DutchCalendar.ToLocal(now));
        var previous = dossier.RetainUntil;
        if (form.Validate(previous, today, ModelState) is not { } until)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PageAsync(dossier, form, false, cancellationToken);
        }
        var reason = form.Reden!.Trim();
        dossier.ExtendRetention(until, current.Actor.UserName, reason, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await PageAsync(dossier, form, false, cancellationToken);
        }
        await log.AppendAsync(new AuditRecord(current.Actor, AuditAction.RetentionExtended, "Dossier", dossier.Number,
            $"bewaartermijn verlengd van {Iso(previous)} tot {Iso(until)}", reason), cancellationToken);
        // Post/redirect/get: a reload does not extend twice.
        return Redirect($"/dossiers/{Uri.EscapeDataString(dossier.Number)}?verlengd=true");
    }

    private async Task<Dossier?> FindReadableAsync(string number, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.Include(d => d.Shares).Include(d => d.StageChanges)
            .SingleOrDefaultAsync(d => d.Number == number, cancellationToken);
        return dossier is not null && AccessPolicy.MayReadDossier(current.Actor, DossierAccessInfo.Of(dossier)) ? dossier : null;
    }

    private async Task<IActionResult> PageAsync(Dossier dossier, RetentionForm form, bool extended, CancellationToken cancellationToken)
    {
        ViewData["Nav"] = "dossiers";
        var owner = await db.Partners.AsNoTracking().Where(p => p.Id == dossier.OwnerPartnerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        return View("Show", new DossierPageModel(dossier, owner, AccessPolicy.MayExtendRetention(current.Actor, DossierAccessInfo.Of(dossier)), form, extended));
    }


    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
