using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Search;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Search;

/// <param name="Query">What the user typed ("" before the first search).</param>
/// <param name="Problem">Why the query cannot be searched, in Dutch; null when it was searched or nothing was typed.</param>
public sealed record SearchPageModel(string Query, string? Problem, IReadOnlyList<SearchGroup> Groups, int Count);

public sealed record SearchGroup(string Kind, string KindLabel, IReadOnlyList<SearchHitDto> Hits);

/// <summary>
/// The search page (/zoeken): one box for names, addresses, companies, documents, accounts, phones, vehicles and
/// ads; results grouped by kind, each with the readable dossiers it appears in. Same rules and audit as /api/search.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class SearchController(SearchService search, ICurrentActor current) : Controller
{
    [HttpGet("/zoeken")]
    public async Task<IActionResult> Index([FromQuery] string? q, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (text.Length == 0) return View(new SearchPageModel("", null, [], 0));
        if (SearchInput.Problem(text) is { } problem)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new SearchPageModel(text.Length > SearchInput.MaxLength ? text[..SearchInput.MaxLength] : text, problem, [], 0));
        }
        var hits = await search.SearchAsync(current.Actor, text, "zoeken", ct);
        var groups = hits.GroupBy(h => (h.Kind, h.KindLabel)).Select(g => new SearchGroup(g.Key.Kind, g.Key.KindLabel, g.ToList())).ToList();
        return View(new SearchPageModel(text, null, groups, hits.Count));
    }
}
