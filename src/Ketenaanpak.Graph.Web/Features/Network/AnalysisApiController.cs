using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Ketenaanpak.Graph.Web.Features.Network;

/// <summary>
/// <c>GET /api/analysis/{algorithm}?dossier=&amp;kind=&amp;top=</c>: the top nodes by one algorithm (degree, betweenness,
/// closeness, eigenvector, pagerank, kcore, louvain) on the user's visible network, as a ranked list. Unknown
/// algorithms and bad parameters answer 400 ProblemDetails in Dutch; an unreadable dossier 404 like a missing one.
/// </summary>
[ApiController]
[Route("api/analysis")]
[Authorize(Policy = Policies.Network)]
[EnableRateLimiting(SignInSetup.ApiRateLimit)]
[Produces("application/json")]
public sealed class AnalysisApiController(AnalysisQueries analyses, ICurrentActor current) : ControllerBase
{
    private const int MaxPurposeLength = 200;

    [HttpGet("{algorithm}")]
    [ProducesResponseType<AnalysisDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<AnalysisDto>> Run(string algorithm, [FromQuery] string? dossier, [FromQuery(Name = "kind")] string[]? kinds,
        [FromQuery] int top = 50, [FromQuery(Name = "doel")] string? purpose = null, CancellationToken ct = default)
    {
        var name = algorithm.ToLowerInvariant();
        if (!AnalysisQueries.Algorithms.Contains(name))
            return FieldProblem("algorithm", $"Onbekende analyse. Kies uit: {string.Join(", ", AnalysisQueries.Algorithms)}.");
        if (top is < 1 or > AnalysisQueries.MaxTop)
            return FieldProblem("top", $"Toon 1 tot en met {AnalysisQueries.MaxTop} entiteiten.");
        if (dossier is not null && (dossier.Length is 0 or > 30 || !dossier.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            return FieldProblem("dossier", "Een dossiernummer ziet eruit als DOS-2025-001.");
        if (purpose is { Length: > MaxPurposeLength }) return FieldProblem("doel", $"Het doel heeft hoogstens {MaxPurposeLength} tekens.");
        HashSet<NodeKind>? kindSet = null;
        if (kinds is { Length: > 0 })
        {
            kindSet = [];
            foreach (var k in kinds)
            {
                if (!TypedInput.TryName<NodeKind>(k, out var kind))
                    return FieldProblem("kind", $"Onbekende soort entiteit. Kies uit: {string.Join(", ", Enum.GetNames<NodeKind>())}.");
                kindSet.Add(kind);
            }
        }
        try
        {
            var result = await analyses.RunAsync(current.Actor, name, dossier, kindSet, top, purpose, ct);
            return result is null
                ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.", detail: "Dit dossier bestaat niet, of u heeft er geen toegang toe.")
                : result;
        }
        catch (AnalysisRefusedException e)
        {
            return FieldProblem(e.Field, e.Message);
        }
    }

    private ObjectResult FieldProblem(string field, string message) =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "De invoer is niet geldig.",
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
        }) as ObjectResult ?? throw new InvalidOperationException();
}
