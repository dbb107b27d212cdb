using Ketenaanpak.Graph.Application.Barriers;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ketenaanpak.Graph.Web.Features.Barriers;

/// <summary>
/// The barrier model of a dossier as JSON (issue 16): the plan within a budget and the owners' capacity, and what-if.
/// Computed only over what the reader may see; a dossier the reader may not read answers 404 like an unknown one.
/// </summary>
[ApiController]
[Route("api/dossiers/{number}/barrier-plan")]
[Authorize(Policy = Policies.Network)]
[EnableRateLimiting(SignInSetup.ApiRateLimit)]
[Produces("application/json")]
public sealed class BarrierPlanApiController(DossierBarrierPlans plans, ICurrentActor current) : ControllerBase
{
    private const int MaxPurposeLength = 200, MaxWhatIf = 60;

    /// <summary>
    /// The barrier plan: per phase the victims that depend on it, every facilitator's share with its explanation, at most
    /// <paramref name="budget"/> barriers (default 3, at most 60) that break the most dependencies within the owners'
    /// capacity, their owners, the direct ties for the criminal-law lane, and whether the plan is optimal.
    /// </summary>
    [HttpGet]
    [ProducesResponseType<BarrierPlanDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<BarrierPlanDto>> Plan(string number, [FromQuery] string? budget,
        [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (!ValidNumber(number)) return FieldProblem("number", "Een dossiernummer ziet eruit als DOS-2025-001.");
        if (ParseBudget(budget, plans.DefaultBudget) is not { } k)
            return FieldProblem("budget", $"Het budget is een heel aantal barrières van 1 tot en met {BarrierModelOptions.MaxBudget}.");
        if (purpose is { Length: > MaxPurposeLength }) return FieldProblem("doel", $"Het doel heeft hoogstens {MaxPurposeLength} tekens.");
        var plan = await plans.PlanAsync(current.Actor, number, k, purpose, ct);
        return plan is null ? NotFoundProblem() : plan;
    }

    /// <summary>What barring the facilitators in <paramref name="without"/> (comma-separated entity ids) would break, per phase.</summary>
    [HttpGet("what-if")]
    [ProducesResponseType<BarrierWhatIfDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<BarrierWhatIfDto>> WhatIf(string number, [FromQuery(Name = "zonder")] string? without, CancellationToken ct)
    {
        if (!ValidNumber(number)) return FieldProblem("number", "Een dossiernummer ziet eruit als DOS-2025-001.");
        var ids = (without ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > MaxWhatIf) return FieldProblem("zonder", $"Kies hoogstens {MaxWhatIf} faciliteerders tegelijk.");
        if (ids.Any(id => !Guid.TryParse(id, out _))) return FieldProblem("zonder", "Dit is geen lijst van ids van entiteiten.");
        var result = await plans.WhatIfAsync(current.Actor, number, [.. ids.Select(id => Guid.Parse(id).ToString())], ct);
        return result is null ? NotFoundProblem() : result;
    }

    internal static int? ParseBudget(string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
               && k is >= 1 and <= BarrierModelOptions.MaxBudget ? k : null;
    }

    internal static bool ValidNumber(string? number) =>
        number is { Length: > 0 and <= 30 } && number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private ObjectResult FieldProblem(string field, string message) =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "De invoer is niet geldig.",
            Status = StatusCodes.Status400BadRequest,
        }) as ObjectResult ?? throw new InvalidOperationException();

    private ObjectResult NotFoundProblem() => Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.",
        detail: "Dit dossier of deze faciliteerder bestaat niet, of u heeft er geen toegang toe.");
}
