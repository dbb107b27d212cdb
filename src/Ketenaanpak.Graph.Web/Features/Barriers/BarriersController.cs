using Ketenaanpak.Graph.Application.Barriers;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Features.Barriers;

/// <summary>The barrier page of a dossier, with what the reader may do on it.</summary>
public sealed record BarrierPageModel(BarrierPlanDto Plan, IReadOnlyList<BarrierPhase> Phases, bool MayRecordPhases, string? Notice, string? Error);

/// <summary>
/// The dossier's barrier page (issue 16): per phase which victims depend on which legal facilitators, the plan and who
/// raises each barrier, the direct ties for the criminal-law lane, what-if, and recording a facilitator's phase.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class BarriersController(DossierBarrierPlans plans, BarrierPlanAdoption adoption, ICurrentActor current, IOptions<BarrierModelOptions> options) : Controller
{
    private const string PageView = "~/Features/Barriers/Views/Barriers.cshtml";

    [HttpGet("/verkenner/dossier/{number}/barrieres")]
    public async Task<IActionResult> Show(string number, [FromQuery] string? budget, [FromQuery(Name = "gedaan")] string? done, CancellationToken ct)
    {
        if (!BarrierPlanApiController.ValidNumber(number)) return NotFound();
        string? error = null;
        if (BarrierPlanApiController.ParseBudget(budget, plans.DefaultBudget) is not { } k)
        {
            error = $"Het aantal barrières is een heel getal van 1 tot en met {BarrierModelOptions.MaxBudget}; het plan hieronder gebruikt {plans.DefaultBudget}.";
            k = plans.DefaultBudget;
        }
        return await PageAsync(number, k, done == "fase" ? "De fase is vastgelegd." : null, error, ct);
    }

    [HttpPost("/verkenner/dossier/{number}/barrieres/fase")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RecordPhase(string number, [FromForm(Name = "entiteit")] string? entity, [FromForm(Name = "fase")] string? phase,
        [FromForm] string? budget, CancellationToken ct)
    {
        if (!BarrierPlanApiController.ValidNumber(number)) return NotFound();
        int k = BarrierPlanApiController.ParseBudget(budget, plans.DefaultBudget) ?? plans.DefaultBudget;
        if (!Guid.TryParse(entity, out var id))
            return await PageAsync(number, k, null, "Kies een faciliteerder uit de tabel.", ct, StatusCodes.Status400BadRequest);
        var refusal = await plans.RecordPhaseAsync(current.Actor, number, new NodeId(id), phase, ct);
        if (refusal is { NotFound: true }) return NotFound();
        if (refusal is not null) return await PageAsync(number, k, null, refusal.Message, ct, StatusCodes.Status400BadRequest);
        return Redirect($"/verkenner/dossier/{Uri.EscapeDataString(number)}/barrieres?budget={k}&gedaan=fase");
    }

    /// <summary>The case meeting adopts the plan: each barrier becomes an intervention proposal to its owner (issue 16 §4).
    /// Answers the page itself (not a redirect) so that what was skipped, and why, is shown; adopting twice proposes nothing twice.</summary>
    [HttpPost("/verkenner/dossier/{number}/barrieres/vaststellen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Adopt(string number, [FromForm] string? budget, CancellationToken ct)
    {
        if (!BarrierPlanApiController.ValidNumber(number)) return NotFound();
        int k = BarrierPlanApiController.ParseBudget(budget, plans.DefaultBudget) ?? plans.DefaultBudget;
        var result = await adoption.AdoptAsync(current.Actor, number, k, ct);
        if (result.NotFound) return NotFound();
        if (result.Refusal is not null) return await PageAsync(number, k, null, result.Refusal, ct, StatusCodes.Status400BadRequest);
        var notice = $"Het plan is vastgesteld: {result.Proposed} interventie(s) voorgesteld aan de eigenaren; zij accepteren of wijzen af op het ketenproces."
            + (result.RecordedIn is { } meeting ? $" Het besluit staat in het verslag van '{meeting}'." : " Er is geen open casusoverleg met dit dossier op de agenda; het besluit staat in het auditlog.")
            + (result.Skipped.Count > 0 ? " Overgeslagen: " + string.Join(" ", result.Skipped) : "");
        return await PageAsync(number, k, notice, null, ct);
    }

    private async Task<IActionResult> PageAsync(string number, int budget, string? notice, string? error, CancellationToken ct, int status = 200)
    {
        var plan = await plans.PlanAsync(current.Actor, number, budget, "barrièrepagina", ct);
        if (plan is null) return NotFound();
        ViewData["Nav"] = "verkenner";
        Response.StatusCode = status;
        bool mayRecord = current.Actor.Role is Roles.RiecAnalyst or Roles.MunicipalCoordinator or Roles.CaseMeetingMember;
        return View(PageView, new BarrierPageModel(plan, options.Value.EffectivePhases(), mayRecord, notice, error));
    }
}
