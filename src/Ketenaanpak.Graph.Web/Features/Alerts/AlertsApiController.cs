using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ketenaanpak.Graph.Web.Features.Alerts;

public sealed record AlertDto(Guid Id, string Rule, string RuleLabel, string Summary, bool Urgent, string Status, string StatusLabel,
    string? Assignee, DateTimeOffset FirstFiredAt, DateTimeOffset LastFiredAt);

public sealed record AlertNodeDto(string Id, string Kind, string Caption, bool Trigger);

public sealed record AlertRelationDto(string Id, string Type, string Source, string Target, DateOnly? ValidFrom);

public sealed record AlertHistoryDto(DateTimeOffset At, string By, string? From, string To, string? Note);

public sealed record AlertDetailDto(AlertDto Alert, string? DismissReason, string? Dossier, string? Signal, DateTimeOffset? CaseMeetingRequestedAt,
    IReadOnlyList<AlertNodeDto> Nodes, IReadOnlyList<AlertRelationDto> Relations, IReadOnlyList<AlertHistoryDto> History, string ExplorerUrl);

/// <param name="Status">nieuw, in-behandeling or afgewezen.</param>
/// <param name="Reason">Required when dismissing.</param>
public sealed record AlertStatusRequest(string? Status, string? Reason);

/// <param name="UserId">The account to assign; empty withdraws the assignment.</param>
public sealed record AlertAssignRequest(string? UserId);

/// <summary>
/// The alerts as JSON, with the same access cut as the pages: an alert the user may not see answers 404 as if it did not
/// exist; wrong input answers 400 ProblemDetails with a Dutch message. POSTs carry the antiforgery header.
/// </summary>
[ApiController]
[Route("api/alerts")]
[Authorize(Policy = Policies.Network)]
[EnableRateLimiting(SignInSetup.ApiRateLimit)]
[Produces("application/json")]
public sealed class AlertsApiController(AlertQueries queries, AlertActions actions, ICurrentActor current) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<AlertDto>>> List([FromQuery] string? status, [FromQuery] string? rule,
        [FromQuery] string? assignee, CancellationToken ct)
    {
        AlertStatus? s = null;
        if (!string.IsNullOrEmpty(status) && status != "alle")
        {
            if (!AlertWords.Statuses.TryGetValue(status, out var parsed)) return FieldProblem("status", "Onbekende status: gebruik nieuw, in-behandeling, toegevoegd-aan-dossier, afgewezen of alle.");
            s = parsed;
        }
        AlertRuleKind? r = null;
        if (!string.IsNullOrEmpty(rule))
        {
            if (!AlertWords.Rules.TryGetValue(rule, out var parsed)) return FieldProblem("rule", "Onbekende regel.");
            r = parsed;
        }
        var items = await queries.ListAsync(current.Actor, new AlertFilter(s, r, assignee == "mij" ? current.Actor.UserId : assignee, status == "alle"), ct);
        return items.Select(Dto).ToList();
    }

    [HttpGet("{id}")]
    public async Task<ActionResult<AlertDetailDto>> Get(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return FieldProblem("id", "Dit is geen geldige id van een signalering.");
        if (await queries.DetailAsync(current.Actor, guid, ct) is not { } a) return NotFoundProblem();
        var start = a.Nodes.FirstOrDefault(n => n.IsTrigger)?.Id ?? a.Nodes.FirstOrDefault()?.Id;
        return new AlertDetailDto(
            new AlertDto(a.Id, AlertWords.Word(a.Rule), a.Rule.Dutch(), a.Summary, a.Urgent, AlertWords.Word(a.Status), a.Status.Dutch(), a.AssigneeName, a.FirstFiredAt, a.LastFiredAt),
            a.DismissReason, a.AddedToDossierNumber, a.SignalNumber, a.CaseMeetingRequestedAt,
            a.Nodes.Select(n => new AlertNodeDto(n.Id.ToString(), n.Kind, n.Caption, n.IsTrigger)).ToList(),
            a.Relations.Select(r => new AlertRelationDto(r.Id.ToString(), r.Type, r.Source, r.Target, r.ValidFrom)).ToList(),
            a.History.Select(h => new AlertHistoryDto(h.At, h.By, h.From?.Dutch(), h.To.Dutch(), h.Note)).ToList(),
            start is null ? "/verkenner" : $"/verkenner?start={start}");
    }

    [HttpPost("{id}/status")]
    public async Task<IActionResult> Status(string id, [FromBody] AlertStatusRequest? request, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return FieldProblem("id", "Dit is geen geldige id van een signalering.");
        if (request?.Status is null || !AlertWords.Statuses.TryGetValue(request.Status, out var to))
            return FieldProblem("status", "Kies een status: nieuw, in-behandeling of afgewezen.");
        return Answer(await actions.ChangeStatusAsync(current.Actor, guid, to, request.Reason, ct));
    }

    [HttpPost("{id}/assign")]
    public async Task<IActionResult> Assign(string id, [FromBody] AlertAssignRequest? request, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return FieldProblem("id", "Dit is geen geldige id van een signalering.");
        if (request is null) return FieldProblem("body", "Het verzoek heeft geen inhoud.");
        return Answer(await actions.AssignAsync(current.Actor, guid, request.UserId, ct));
    }

    private static AlertDto Dto(AlertListItem a) =>
        new(a.Id, AlertWords.Word(a.Rule), a.Rule.Dutch(), a.Summary, a.Urgent, AlertWords.Word(a.Status), a.Status.Dutch(), a.AssigneeName, a.FirstFiredAt, a.LastFiredAt);

    private IActionResult Answer(ProcessResult result)
    {
        if (!result.Found) return NotFoundProblem();
        if (!result.Allowed) return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Niet toegestaan.",
            detail: "U mag deze signalering niet behandelen.");
        if (result.Succeeded) return NoContent();
        var (field, message) = result.Errors.First();
        if (field.Length == 0) return Problem(statusCode: StatusCodes.Status409Conflict, title: "Gelijktijdige wijziging.", detail: message);
        return FieldProblem(field.ToLowerInvariant(), message);
    }

    private ObjectResult FieldProblem(string field, string message) =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "De invoer is niet geldig.",
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
        }) as ObjectResult ?? throw new InvalidOperationException();

    private ObjectResult NotFoundProblem() => Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.",
        detail: "Deze signalering bestaat niet, of u heeft er geen toegang toe.");
}
