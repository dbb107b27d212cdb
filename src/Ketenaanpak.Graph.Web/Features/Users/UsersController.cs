using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Users;

/// <summary>
/// User management for administrators (/beheer/gebruikers): list, create, change role and organisation, lock and
/// unlock, reset the second factor. The rules and the audit are in <see cref="UserAdministration"/>.
/// </summary>
[Route("beheer/gebruikers")]
[Authorize(Policy = Policies.Administration)]
public sealed class UsersController(UserAdministration admin, ICurrentActor current) : Controller
{
    /// <summary>Fixed confirmations after a change (the page is reached by redirect, so no user text is echoed).</summary>
    private static readonly Dictionary<string, string> Confirmations = new()
    {
        ["aangemaakt"] = "Het account is aangemaakt.",
        ["rol"] = "Rol en organisatie zijn gewijzigd.",
        ["geblokkeerd"] = "Het account is geblokkeerd: de gebruiker kan niet meer inloggen.",
        ["gedeblokkeerd"] = "Het account is gedeblokkeerd.",
        ["tweede-factor"] = "De tweede factor is hersteld: de gebruiker logt in met alleen het wachtwoord en kan daarna een nieuwe app koppelen.",
    };

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Nav"] = "gebruikers";
        return View(new UsersPage(await admin.ListAsync(ct), current.Actor.UserId));
    }

    [HttpGet("nieuw")]
    public async Task<IActionResult> New(CancellationToken ct) => View(new NewUserPage(new NewUserInput(), await admin.PartnersAsync(ct)));

    [HttpPost("nieuw")]
    public async Task<IActionResult> Create([FromForm] NewUserInput input, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (errors, id) = await admin.CreateAsync(current.Actor, input, ct);
            if (id is not null) return RedirectToAction(nameof(Edit), new { id, melding = "aangemaakt" });
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        }
        input.Password = input.PasswordRepeat = null; // never echo a password into the page
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(New), new NewUserPage(input, await admin.PartnersAsync(ct)));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, string? melding, CancellationToken ct)
    {
        if (await admin.FindAsync(id, ct) is not { } user) return NotFound();
        return View(await EditPageAsync(user, null, melding is not null ? Confirmations.GetValueOrDefault(melding) : null, ct));
    }

    [HttpPost("{id}/rol")]
    public async Task<IActionResult> ChangeRole(string id, [FromForm] RoleInput input, CancellationToken ct)
    {
        if (await admin.FindAsync(id, ct) is not { } user) return NotFound();
        if (ModelState.IsValid)
        {
            var errors = await admin.ChangeRoleAsync(current.Actor, id, input, ct);
            if (errors.Ok) return RedirectToAction(nameof(Edit), new { id, melding = "rol" });
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Edit), await EditPageAsync(user, input, null, ct));
    }

    [HttpPost("{id}/blokkeren")]
    public Task<IActionResult> Lock(string id, CancellationToken ct) => LockAsync(id, true, ct);

    [HttpPost("{id}/deblokkeren")]
    public Task<IActionResult> Unlock(string id, CancellationToken ct) => LockAsync(id, false, ct);

    [HttpPost("{id}/tweede-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken ct)
    {
        if (await admin.FindAsync(id, ct) is not { } user) return NotFound();
        var refusal = await admin.ResetTwoFactorAsync(current.Actor, id, ct);
        return refusal is null ? RedirectToAction(nameof(Edit), new { id, melding = "tweede-factor" }) : Refused(await EditPageAsync(user, null, refusal, ct));
    }

    private async Task<IActionResult> LockAsync(string id, bool locked, CancellationToken ct)
    {
        if (await admin.FindAsync(id, ct) is not { } user) return NotFound();
        var refusal = await admin.SetLockedAsync(current.Actor, id, locked, ct);
        return refusal is null ? RedirectToAction(nameof(Edit), new { id, melding = locked ? "geblokkeerd" : "gedeblokkeerd" }) : Refused(await EditPageAsync(user, null, refusal, ct));
    }

    private IActionResult Refused(EditUserPage page)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Edit), page);
    }

    private async Task<EditUserPage> EditPageAsync(UserRow user, RoleInput? input, string? message, CancellationToken ct)
    {
        ViewData["Nav"] = "gebruikers";
        var partners = await admin.PartnersAsync(ct);
        input ??= new RoleInput { Role = user.Role, PartnerId = user.PartnerId };
        return new EditUserPage(user, input, partners, user.Id == current.Actor.UserId, message);
    }
}
