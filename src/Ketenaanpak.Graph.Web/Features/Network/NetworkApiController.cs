using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Search;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ketenaanpak.Graph.Web.Features.Network;

/// <summary>
/// The network JSON API used by the pages' scripts and by other clients. A node or dossier the user may not see answers
/// 404, exactly like one that does not exist; wrong input answers 400 ProblemDetails that name the field in Dutch.
/// </summary>
[ApiController]
[Route("api")]
[Authorize(Policy = Policies.Network)]
[EnableRateLimiting(SignInSetup.ApiRateLimit)]
[Produces("application/json")]
public sealed class NetworkApiController(NetworkQueries queries, SearchService search, ICurrentActor current) : ControllerBase
{
    private const int MaxPurposeLength = 200;

    /// <summary>Everything the user may read about one entity, with "ask the partner" for what they may not.</summary>
    [HttpGet("nodes/{id}")]
    public async Task<ActionResult<NodeDetailsDto>> Node(string id, [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (Invalid(id, purpose) is { } problem) return problem;
        var details = await queries.NodeAsync(current.Actor, new NodeId(Guid.Parse(id)), purpose, ct);
        return details is null ? NotFoundProblem() : details;
    }

    /// <summary>
    /// The entity and its neighbours up to <paramref name="hops"/> steps, as Cytoscape elements, <paramref name="cap"/>
    /// (or <paramref name="max"/>, its older name) neighbours at a time from <paramref name="offset"/>: <c>truncated</c>
    /// and <c>remaining</c> say whether and how many more there are ("toon meer" asks again with offset + cap).
    /// </summary>
    [HttpGet("nodes/{id}/neighbourhood")]
    public async Task<ActionResult<GraphDto>> Neighbourhood(string id, [FromQuery] int hops = 1, [FromQuery] int max = 200,
        [FromQuery] int? cap = null, [FromQuery] int offset = 0,
        [FromQuery(Name = "doel")] string? purpose = null, CancellationToken ct = default)
    {
        if (Invalid(id, purpose) is { } problem) return problem;
        if (hops is < 1 or > NetworkQueries.MaxHops)
            return FieldProblem("hops", $"Kies 1 tot en met {NetworkQueries.MaxHops} stappen.");
        if (max is < 1 or > NetworkQueries.MaxNeighbourhood)
            return FieldProblem("max", $"Toon 1 tot en met {NetworkQueries.MaxNeighbourhood} entiteiten tegelijk.");
        if (cap is < 1 or > NetworkQueries.MaxNeighbourhood)
            return FieldProblem("cap", $"Toon 1 tot en met {NetworkQueries.MaxNeighbourhood} entiteiten tegelijk.");
        if (offset is < 0 or > NeighbourhoodExpander.MaxCandidates)
            return FieldProblem("offset", $"Begin bij 0 tot en met {NeighbourhoodExpander.MaxCandidates} (het aantal al getoonde buren).");
        var graph = await queries.NeighbourhoodAsync(current.Actor, new NodeId(Guid.Parse(id)), hops, cap ?? max, purpose, ct, offset);
        return graph is null ? NotFoundProblem() : graph;
    }

    /// <summary>Entities matching <paramref name="q"/>: identifiers exactly (IBAN, KvK, phone, postcode + number, plate, document), names typo-tolerant (see SearchService).</summary>
    [HttpGet("search")]
    public async Task<ActionResult<IReadOnlyList<SearchHitDto>>> Search([FromQuery] string? q, [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (SearchInput.Problem(text) is { } message) return FieldProblem("q", message);
        if (purpose is { Length: > MaxPurposeLength }) return FieldProblem("doel", $"Het doel heeft hoogstens {MaxPurposeLength} tekens.");
        return Ok(await search.SearchAsync(current.Actor, text, purpose, ct));
    }

    /// <summary>The dossier's barrier view: facilitators ranked by perpetrator-to-victim traffic, and the minimum cut.</summary>
    [HttpGet("dossiers/{number}/barriers")]
    public async Task<ActionResult<BarrierDto>> Barriers(string number, [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (number.Length > 30 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return FieldProblem("number", "Een dossiernummer ziet eruit als DOS-2025-001.");
        if (purpose is { Length: > MaxPurposeLength }) return FieldProblem("doel", $"Het doel heeft hoogstens {MaxPurposeLength} tekens.");
        var barriers = await queries.BarriersAsync(current.Actor, number, purpose, ct);
        return barriers is null ? NotFoundProblem() : barriers;
    }

    private ActionResult? Invalid(string id, string? purpose)
    {
        if (!Guid.TryParse(id, out _)) return FieldProblem("id", "Dit is geen geldige id van een entiteit.");
        if (purpose is { Length: > MaxPurposeLength }) return FieldProblem("doel", $"Het doel heeft hoogstens {MaxPurposeLength} tekens.");
        return null;
    }

    private ObjectResult FieldProblem(string field, string message) =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "De invoer is niet geldig.",
            Status = StatusCodes.Status400BadRequest,
        }) as ObjectResult ?? throw new InvalidOperationException();

    private ObjectResult NotFoundProblem() => Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.",
        detail: "Deze entiteit of dit dossier bestaat niet, of u heeft er geen toegang toe.");
}
