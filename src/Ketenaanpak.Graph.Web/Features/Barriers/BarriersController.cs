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
public sealed class BarriersController(DossierBarrierPlans plans, ICurrentActor current, IOptions<BarrierModelOptions> options) : Controller
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
