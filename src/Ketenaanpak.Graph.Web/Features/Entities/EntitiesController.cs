using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Entities;

/// <summary>
/// The entity page (/entiteiten/{id}): all statements side by side with source, dates, grading and legal basis
/// ("vraag na bij partner" where the user may not read them), roles per dossier, the signals that mention the entity
/// and its direct relations. A node the user may not see answers 404 exactly like one that does not exist (and a
/// malformed id too). The read is audited with its purpose (<c>?doel=</c>).
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class EntitiesController(EntityPageQueries queries, ICurrentActor current) : Controller
{
    private const int MaxPurposeLength = 200;

    [HttpGet("/entiteiten/{id}")]
    public async Task<IActionResult> Show(string id, [FromQuery(Name = "doel")] string? purpose, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return NotFound();
        if (purpose is { Length: > MaxPurposeLength })
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "De invoer is niet geldig.",
                detail: $"Het doel heeft hoogstens {MaxPurposeLength} tekens.");
        }
        var page = await queries.GetAsync(current.Actor, new NodeId(guid), string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim(), ct);
        return page is null ? NotFound() : View(page);
    }
}
