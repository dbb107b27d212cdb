using System.Text.Json;
using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ketenaanpak.Graph.Web.Features.Signals;

/// <summary>
/// The intake API for partner systems (issue 6.1). <c>POST /api/signals</c> saves a draft (or, with
/// <c>?indienen=true</c>, submits at once); <c>PUT /api/signals/{id}</c> replaces a draft; <c>POST
/// /api/signals/{id}/indienen</c> submits it; <c>GET /api/signals/{id}</c> answers status and feedback. Refusals are
/// ProblemDetails with <c>errors</c> per field (camelCase paths such as <c>place.postcode</c> or
/// <c>mentions[2].values[iban]</c>); a submitted signal answers 409 to every change; what the caller may not see, 404.
/// </summary>
[ApiController]
[Route("api/signals")]
[Authorize(Policy = Policies.ReportSignals)]
[EnableRateLimiting(SignInSetup.ApiRateLimit)]
public sealed class SignalsApiController(SignalIntake intake, SignalQueries queries, ICurrentActor current) : ControllerBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A new draft; with <c>indienen=true</c> a submitted signal.</summary>
    [HttpPost("")]
    public async Task<ActionResult<SignalStatusDto>> Create([FromQuery(Name = "indienen")] bool? submit, CancellationToken ct)
    {
        var (input, problem) = await ReadAsync(ct);
        if (problem is not null) return problem;
        var outcome = submit == true ? await intake.SubmitNewAsync(current.Actor, input!, ct) : await intake.CreateDraftAsync(current.Actor, input!, ct);
        return await AnswerAsync(outcome, created: true, ct);
    }

    [HttpPut("{id}")]
    public async Task<ActionResult<SignalStatusDto>> Update(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return Problem404();
        var (input, problem) = await ReadAsync(ct);
        if (problem is not null) return problem;
        return await AnswerAsync(await intake.UpdateDraftAsync(current.Actor, new SignalId(guid), input!, ct), created: false, ct);
    }

    /// <summary>Submits the draft as last saved, or with the body as its final content when one is sent.</summary>
    [HttpPost("{id}/indienen")]
    public async Task<ActionResult<SignalStatusDto>> Submit(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return Problem404();
        SignalIntakeInput? input = null;
        if (Request.ContentLength is > 0 || Request.Headers.TransferEncoding.Count > 0)
        {
            var read = await ReadAsync(ct);
            if (read.Problem is not null) return read.Problem;
            input = read.Input;
        }
        return await AnswerAsync(await intake.SubmitDraftAsync(current.Actor, new SignalId(guid), input, ct), created: false, ct);
    }

    [HttpGet("{id}")]
    public async Task<ActionResult<SignalStatusDto>> Status(string id, [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return Problem404();
        if (purpose is { Length: > 200 }) return FieldProblem("doel", "Het doel heeft hoogstens 200 tekens.");
        var status = await queries.StatusAsync(current.Actor, new SignalId(guid), ct, purpose);
        return status is null ? Problem404() : status;
    }

    private async Task<(SignalIntakeInput? Input, ObjectResult? Problem)> ReadAsync(CancellationToken ct)
    {
        // Checked here rather than with [Consumes], so that a caller without the right role hears 403 first.
        if (!Request.HasJsonContentType())
            return (null, Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Verkeerd formaat.",
                detail: "Stuur het signaal als JSON, met Content-Type: application/json."));
        try
        {
            var input = await JsonSerializer.DeserializeAsync<SignalIntakeInput>(Request.Body, Json, ct);
            if (input is null) return (null, FieldProblem("body", "Het verzoek heeft geen inhoud; stuur het signaal als JSON-object."));
            input.Place ??= new PlaceInput();
            input.Indicators ??= [];
            input.Mentions = (input.Mentions ?? []).Where(m => m is not null).ToList();
            foreach (var m in input.Mentions) m.Values ??= [];
            input.Relations = (input.Relations ?? []).Where(r => r is not null).ToList();
            return (input, null);
        }
        catch (JsonException e)
        {
            // The parser's position and path say where, without echoing the input back.
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, FieldProblem(where, $"Het verzoek is geen geldige JSON voor een signaal (regel {e.LineNumber + 1}, positie {e.BytePositionInLine + 1}); "
                + "controleer de haakjes, komma's en of elk veld het juiste type heeft (tekst tussen aanhalingstekens, urgent als true of false)."));
        }
    }

    private async Task<ActionResult<SignalStatusDto>> AnswerAsync(IntakeOutcome outcome, bool created, CancellationToken ct)
    {
        switch (outcome.Status)
        {
            case IntakeStatus.NotFound: return Problem404();
            case IntakeStatus.Forbidden: return Forbid();
            case IntakeStatus.AlreadySubmitted:
                return Problem(statusCode: StatusCodes.Status409Conflict, title: "Al ingediend.",
                    detail: "Dit signaal is al ingediend en kan niet meer worden gewijzigd. Een correctie of aanvulling meldt u als nieuw signaal.");
            case IntakeStatus.Invalid:
                var errors = outcome.Errors.GroupBy(e => ApiField(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
                return ValidationProblem(new ValidationProblemDetails(errors)
                {
                    Title = "De invoer is niet geldig.",
                    Detail = outcome.Errors.Count == 1 ? outcome.Errors[0].Message : $"{outcome.Errors.Count} velden zijn niet goed ingevuld; zie errors.",
                    Status = StatusCodes.Status400BadRequest,
                });
        }
        var status = await queries.StatusAsync(current.Actor, outcome.Id!.Value, ct);
        return created ? Created($"/api/signals/{outcome.Id}", status) : Ok(status);
    }

    /// <summary>Place.Postcode → place.postcode, Mentions[2].Values[iban] → mentions[2].values[iban].</summary>
    public static string ApiField(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private ObjectResult Problem404() =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.", detail: "Dit signaal bestaat niet of u hebt er geen toegang toe.");

    private ObjectResult FieldProblem(string field, string message) =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "De invoer is niet geldig.",
            Detail = message,
            Status = StatusCodes.Status400BadRequest,
        }) as ObjectResult ?? throw new InvalidOperationException();
}
