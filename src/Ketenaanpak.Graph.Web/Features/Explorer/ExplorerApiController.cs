using Ketenaanpak.Graph.Application.Explorer;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ketenaanpak.Graph.Web.Features.Explorer;

/// <summary>
/// The explorer's JSON API: expand, reopen, paths, why-central, dossier barrier graph, what-if, saved views and
/// exports. Like the network API, what the user may not see answers 404 as if it did not exist; wrong input answers
/// 400 ProblemDetails naming the field in Dutch. POSTs carry the antiforgery header the page sends.
/// </summary>
[ApiController]
[Route("api")]
[Authorize(Policy = Policies.Network)]
[EnableRateLimiting(SignInSetup.ApiRateLimit)]
[Produces("application/json")]
public sealed class ExplorerApiController(ExplorerQueries queries, ExplorerPaths paths, SavedViews views, ExplorerExports exports,
    ICurrentActor current) : ControllerBase
{
    [HttpPost("explorer/expand")]
    public async Task<ActionResult<ExplorerGraphDto>> Expand([FromBody] ExpandRequest? request, CancellationToken ct)
    {
        if (request is null) return FieldProblem("body", "Het verzoek heeft geen inhoud.");
        if (!Guid.TryParse(request.Node, out var id)) return FieldProblem("node", "Dit is geen geldige id van een entiteit.");
        if (request.Skip < 0) return FieldProblem("skip", "Het aantal over te slaan buren kan niet negatief zijn.");
        if (request.Take is < 1 or > ExplorerQueries.MaxPage) return FieldProblem("take", $"Toon 1 tot en met {ExplorerQueries.MaxPage} buren tegelijk.");
        if (Ids(request.InView, "inView") is { } bad) return bad;
        var graph = await queries.ExpandAsync(current.Actor, new NodeId(id), request.Skip, request.Take, request.InView ?? [], ct);
        return graph is null ? NotFoundProblem() : graph;
    }

    [HttpPost("explorer/elements")]
    public async Task<ActionResult<ExplorerGraphDto>> Elements([FromBody] ElementsRequest? request, CancellationToken ct)
    {
        if (request?.Ids is not { Count: > 0 } ids) return FieldProblem("ids", "Noem minstens één entiteit.");
        if (Ids(ids, "ids") is { } bad) return bad;
        return await queries.ElementsAsync(current.Actor, ids, "verkenner", ct);
    }

    [HttpGet("explorer/dossiers/{number}/graph")]
    public async Task<ActionResult<DossierGraphDto>> DossierGraph(string number, CancellationToken ct)
    {
        if (DossierNumber(number) is { } bad) return bad;
        var graph = await queries.DossierGraphAsync(current.Actor, number, ct);
        return graph is null ? NotFoundProblem() : graph;
    }

    /// <summary>An imported dataset as one view: all its nodes the user may see and the edges among them.</summary>
    [HttpGet("explorer/datasets/{name}/graph")]
    public async Task<ActionResult<ExplorerGraphDto>> DatasetGraph(string name, CancellationToken ct)
    {
        if (!Application.Bulk.ImportKeys.IsValidDataset(name, out var error)) return FieldProblem("name", error);
        var (graph, tooBig) = await queries.DatasetGraphAsync(current.Actor, name, ct);
        if (tooBig) return FieldProblem("name", $"Deze dataset heeft meer dan {ExplorerQueries.MaxViewNodes} entiteiten; begin bij een entiteit en breid uit.");
        return graph is null ? NotFoundProblem() : graph;
    }

    /// <summary>What-if: <paramref name="without"/> is a comma-separated list of facilitator ids to bar.</summary>
    [HttpGet("explorer/dossiers/{number}/what-if")]
    public async Task<ActionResult<WhatIfDto>> WhatIf(string number, [FromQuery(Name = "zonder")] string? without, CancellationToken ct)
    {
        if (DossierNumber(number) is { } bad) return bad;
        var ids = (without ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 100) return FieldProblem("zonder", "Kies hoogstens 100 faciliteerders tegelijk.");
        if (ids.Any(i => !Guid.TryParse(i, out _))) return FieldProblem("zonder", "Dit is geen geldige lijst van ids van entiteiten.");
        var result = await queries.WhatIfAsync(current.Actor, number, ids, ct);
        return result is null ? NotFoundProblem() : result;
    }

    /// <summary>The shortest path and up to <paramref name="k"/> shortest loopless paths (Yen) between two entities.</summary>
    [HttpGet("paths")]
    public async Task<ActionResult<PathsDto>> Paths([FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? k, CancellationToken ct)
    {
        if (!Guid.TryParse(from, out var source)) return FieldProblem("from", "Kies een geldige entiteit om vanaf te zoeken.");
        if (!Guid.TryParse(to, out var target)) return FieldProblem("to", "Kies een geldige entiteit om naartoe te zoeken.");
        var count = 1;
        if (k is not null && (!int.TryParse(k, out count) || count is < 1 or > ExplorerPaths.MaxK))
            return FieldProblem("k", $"Vraag 1 tot en met {ExplorerPaths.MaxK} paden.");
        if (source == target) return FieldProblem("to", "Kies twee verschillende entiteiten.");
        var result = await paths.BetweenAsync(current.Actor, new NodeId(source), new NodeId(target), count, ct);
        return result is null ? NotFoundProblem() : result;
    }

    /// <summary>Why is this node central: the pairs within a few steps whose shortest paths run through it.</summary>
    [HttpGet("nodes/{id}/central-paths")]
    public async Task<ActionResult<CentralPathsDto>> CentralPaths(string id, [FromQuery] string? top, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var node)) return FieldProblem("id", "Dit is geen geldige id van een entiteit.");
        var count = 10;
        if (top is not null && (!int.TryParse(top, out count) || count is < 1 or > ExplorerPaths.MaxTop))
            return FieldProblem("top", $"Vraag 1 tot en met {ExplorerPaths.MaxTop} paden.");
        var result = await paths.ThroughAsync(current.Actor, new NodeId(node), count, ct);
        return result is null ? NotFoundProblem() : result;
    }

    [HttpGet("views")]
    public async Task<ActionResult<IReadOnlyList<SavedViewSummaryDto>>> Views(CancellationToken ct) =>
        Ok(await views.ListAsync(current.Actor, ct));

    [HttpGet("views/{id}")]
    public async Task<ActionResult<SavedViewDto>> View(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var viewId)) return FieldProblem("id", "Dit is geen geldige id van een weergave.");
        var view = await views.OpenAsync(current.Actor, viewId, ct);
        return view is null ? NotFoundProblem() : view;
    }

    [HttpPost("views")]
    public async Task<ActionResult> SaveView([FromBody] SaveViewRequest? request, CancellationToken ct)
    {
        if (request is null) return FieldProblem("body", "Het verzoek heeft geen inhoud.");
        if (request.Dossier is { } d && DossierNumber(d) is { } bad) return bad;
        var result = await views.SaveAsync(current.Actor, request.Name, request.Dossier, request.State, ct);
        if (result.Id is null) return FieldProblem(result.Field!, result.Error!);
        return Created($"/api/views/{result.Id}", new { id = result.Id });
    }

    /// <summary>Deletes a saved view; only the user who saved it may (403 for others who can read it, 404 for the rest).</summary>
    [HttpDelete("views/{id}")]
    public async Task<ActionResult> DeleteView(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var viewId)) return FieldProblem("id", "Dit is geen geldige id van een weergave.");
        return await views.DeleteAsync(current.Actor, viewId, ct) switch
        {
            DeleteViewResult.Deleted => NoContent(),
            DeleteViewResult.NotOwner => Problem(statusCode: StatusCodes.Status403Forbidden, title: "Niet toegestaan.",
                detail: "Alleen wie deze weergave heeft bewaard, kan haar verwijderen."),
            _ => NotFoundProblem(),
        };
    }

    /// <summary>GraphML or CSV of the view's elements; the server decides again what the user may export.</summary>
    [HttpPost("explorer/export")]
    public async Task<ActionResult> Export([FromQuery] string? format, [FromQuery(Name = "doel")] string? purpose, [FromBody] ElementsRequest? request,
        CancellationToken ct)
    {
        ExportFormat? kind = format?.ToLowerInvariant() switch { "graphml" => ExportFormat.GraphMl, "csv" => ExportFormat.Csv, _ => null };
        if (kind is null) return FieldProblem("format", "Kies het formaat graphml of csv.");
        if (purpose is { Length: > 200 }) return FieldProblem("doel", "Het doel heeft hoogstens 200 tekens.");
        if (request?.Ids is not { Count: > 0 } ids) return FieldProblem("ids", "Er staat niets in beeld om te exporteren.");
        if (Ids(ids, "ids") is { } bad) return bad;
        var file = await exports.ExportAsync(current.Actor, ids, kind.Value, purpose, ct);
        return File(file.Content, file.MediaType, file.FileName);
    }

    private ObjectResult? Ids(IReadOnlyList<string>? ids, string field)
    {
        if (ids is null) return null;
        if (ids.Count > ExplorerQueries.MaxViewNodes) return FieldProblem(field, $"Hoogstens {ExplorerQueries.MaxViewNodes} entiteiten tegelijk.");
        return ids.All(i => Guid.TryParse(i, out _)) ? null : FieldProblem(field, "De lijst bevat een ongeldige id van een entiteit.");
    }

    private ObjectResult? DossierNumber(string number) =>
        number.Length > 30 || number.Length == 0 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? FieldProblem("number", "Een dossiernummer ziet eruit als DOS-2025-001.") : null;

    private ObjectResult FieldProblem(string field, string message) =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "De invoer is niet geldig.",
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
        }) as ObjectResult ?? throw new InvalidOperationException();

    private ObjectResult NotFoundProblem() => Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.",
        detail: "Deze entiteit, dit dossier of deze weergave bestaat niet, of u heeft er geen toegang toe.");
}
