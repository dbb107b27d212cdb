using Ketenaanpak.Graph.Application.Resolution;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Resolution;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ketenaanpak.Graph.Web.Features.Resolution;

/// <summary>A judgement through the API: two entity ids and "same", "notSame" or "unsure".</summary>
public sealed record JudgementRequest(string? A, string? B, string? Verdict, string? Note);

/// <summary>
/// GET /api/resolution/candidates and POST /api/resolution/judgements: the queue and judgements for partner systems
/// and scripts. A pair the user may not see answers 404; a judgement that contradicts earlier ones answers 409 with the
/// Dutch explanation; wrong input 400 naming the field.
/// </summary>
[ApiController]
[Route("api/resolution")]
[Authorize(Policy = Policies.Resolution)]
[EnableRateLimiting(SignInSetup.ApiRateLimit)]
[Produces("application/json")]
public sealed class ResolutionApiController(ResolutionService resolution, ICurrentActor current) : ControllerBase
{
    [HttpGet("candidates")]
    public async Task<ActionResult<ResolutionQueueDto>> Candidates([FromQuery] int? take, [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (take is < 1 or > ResolutionService.MaxQueue) return FieldProblem("take", $"Vraag 1 tot en met {ResolutionService.MaxQueue} paren.");
        return await resolution.QueueAsync(current.Actor, take ?? 25, purpose ?? "koppelen (api)", ct);
    }

    [HttpPost("judgements")]
    public async Task<ActionResult<JudgementResultDto>> Judge([FromBody] JudgementRequest? request, [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (request is null) return FieldProblem("body", "Het verzoek heeft geen inhoud.");
        if (!Guid.TryParse(request.A, out var a)) return FieldProblem("a", "Dit is geen geldige id van een entiteit.");
        if (!Guid.TryParse(request.B, out var b)) return FieldProblem("b", "Dit is geen geldige id van een entiteit.");
        if (a == b) return FieldProblem("b", "Kies twee verschillende entiteiten.");
        if (ResolutionForms.Verdict(request.Verdict) is not { } verdict) return FieldProblem("verdict", "Kies als oordeel same, notSame of unsure.");
        if (request.Note is { Length: > ResolutionJudgement.MaxNoteLength })
            return FieldProblem("note", $"De toelichting is te lang (maximaal {ResolutionJudgement.MaxNoteLength} tekens).");
        var result = await resolution.JudgeAsync(current.Actor, new NodeId(a), new NodeId(b), verdict, request.Note, purpose ?? "koppelen (api)", ct);
        if (result is null)
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.", detail: "Deze personen bestaan niet, of u heeft er geen toegang toe.");
        if (!result.Saved) return Problem(statusCode: StatusCodes.Status409Conflict, title: "Oordeel geweigerd.", detail: result.Refusal);
        return result;
    }

    private ObjectResult FieldProblem(string field, string message) =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "De invoer is niet geldig.",
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
        }) as ObjectResult ?? throw new InvalidOperationException();
}
