using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Alerts;

/// <summary>
/// The alert pages (signaleringen, issue 6 §4–5): the list with filters, an alert's subgraph with status, assignment,
/// "toevoegen aan dossier" and the ad-hoc case-meeting request, and the rules page. What the user may not see answers
/// 404 as if it did not exist.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class AlertsController(AlertQueries queries, AlertActions actions, AlertRulesAdmin rules, IAlertUserDirectory users,
    ICurrentActor current) : Controller
{
    [HttpGet("/signaleringen")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery(Name = "regel")] string? rule,
        [FromQuery(Name = "toegewezen")] string? assignee, CancellationToken ct)
    {
        ViewData["Nav"] = "signaleringen";
        var filter = new AlertFilter(
            status is not null && AlertWords.Statuses.TryGetValue(status, out var s) ? s : null,
            rule is not null && AlertWords.Rules.TryGetValue(rule, out var r) ? r : null,
            assignee == "mij" ? current.Actor.UserId : string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(),
            AllStatuses: status == "alle");
        var items = await queries.ListAsync(current.Actor, filter, ct);
        var workers = (await users.CaseWorkersAsync(ct)).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => (u.UserId, u.DisplayName)).ToList();
        return View(new AlertListPage(items, status, rule, assignee, workers, items.Count >= AlertQueries.MaxListed));
    }

    [HttpGet("/signaleringen/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromQuery] string? gedaan, CancellationToken ct)
    {
        if (await queries.DetailAsync(current.Actor, id, ct) is not { } alert) return NotFound();
        ViewData["Nav"] = "signaleringen";
        return View("Show", new AlertDetailPage(alert, gedaan is "status" or "toewijzing" or "dossier" or "casusoverleg" ? gedaan : null, null, null, null, null));
    }

    [HttpPost("/signaleringen/{id:guid}/status")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Status(Guid id, [FromForm] string? status, [FromForm(Name = "reden")] string? reason, CancellationToken ct)
    {
        ModelState.Clear();
        var result = status is not null && AlertWords.Statuses.TryGetValue(status, out var to)
            ? await actions.ChangeStatusAsync(current.Actor, id, to, reason, ct)
            : ProcessResult.Refused("Status", "Kies een status: nieuw, in behandeling of afgewezen.");
        return await AnswerAsync(id, result, "status", reason: reason, ct: ct);
    }

    [HttpPost("/signaleringen/{id:guid}/toewijzen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Assign(Guid id, [FromForm(Name = "gebruiker")] string? user, CancellationToken ct)
    {
        ModelState.Clear();
        return await AnswerAsync(id, await actions.AssignAsync(current.Actor, id, user, ct), "toewijzing", ct: ct);
    }

    [HttpPost("/signaleringen/{id:guid}/dossier")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> AddToDossier(Guid id, [FromForm] string? dossier, [FromForm(Name = "rol")] string? role, CancellationToken ct)
    {
        ModelState.Clear();
        var chosen = role is not null && AlertWords.Roles.TryGetValue(role, out var r) ? r : (Domain.Dossiers.DossierRole?)null;
        return await AnswerAsync(id, await actions.AddToDossierAsync(current.Actor, id, dossier, chosen, ct), "dossier",
            dossier: dossier, role: role, ct: ct);
    }

    [HttpPost("/signaleringen/{id:guid}/casusoverleg")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RequestCaseMeeting(Guid id, [FromForm(Name = "toelichting")] string? note, CancellationToken ct)
    {
        ModelState.Clear();
        return await AnswerAsync(id, await actions.RequestCaseMeetingAsync(current.Actor, id, note, ct), "casusoverleg", ct: ct);
    }

    [HttpGet("/signaleringen/regels")]
    public async Task<IActionResult> Rules([FromQuery] string? gedaan, CancellationToken ct)
    {
        ViewData["Nav"] = "signaleringen";
        return View(new RulesPage(await rules.ListAsync(ct), AlertAccess.MayConfigureRules(current.Actor), null, null, gedaan == "regel" ? gedaan : null));
    }

    [HttpPost("/signaleringen/regels/{rule}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> UpdateRule(string rule, [FromForm] RuleForm form, CancellationToken ct)
    {
        ModelState.Clear();
        if (!AlertWords.Rules.TryGetValue(rule, out var kind) || !AlertRuleKinds.Configurable.Contains(kind)) return NotFound();
        if (!AlertAccess.MayConfigureRules(current.Actor)) return Forbid();
        var threshold = AlertWords.Number(form.Drempel);
        int? window = string.IsNullOrWhiteSpace(form.Periode) ? null : AlertWords.Number(form.Periode) ?? -1;
        var result = await rules.UpdateAsync(current.Actor, kind, threshold, window, form.Actief, ct);
        if (result.Succeeded) return Redirect("/signaleringen/regels?gedaan=regel");
        if (!result.Found) return NotFound();
        if (!result.Allowed) return Forbid();
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        Response.StatusCode = result.Errors.ContainsKey("") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        ViewData["Nav"] = "signaleringen";
        return View("Rules", new RulesPage(await rules.ListAsync(ct), true, kind, form, null));
    }

    private async Task<IActionResult> AnswerAsync(Guid id, ProcessResult result, string done, string? reason = null, string? dossier = null,
        string? role = null, CancellationToken ct = default)
    {
        if (!result.Found) return NotFound();
        if (!result.Allowed) return Forbid();
        if (result.Succeeded) return Redirect($"/signaleringen/{id}?gedaan={done}");
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        if (await queries.DetailAsync(current.Actor, id, ct) is not { } alert) return NotFound();
        Response.StatusCode = result.Errors.ContainsKey("") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        ViewData["Nav"] = "signaleringen";
        return View("Show", new AlertDetailPage(alert, null, done, reason, dossier, role));
    }
}
