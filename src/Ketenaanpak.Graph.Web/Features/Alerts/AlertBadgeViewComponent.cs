using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Security;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Alerts;

/// <summary>
/// The menu item "Signaleringen (n)": n is the number of new alerts this user may see — the same access cut as the
/// list, so the count never reveals an alert about entities the user may not see.
/// </summary>
public sealed class AlertBadgeViewComponent(AlertQueries queries, ICurrentActor current) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool active)
    {
        var actor = current.Actor;
        var count = AlertAccess.MayUseAlerts(actor) ? await queries.CountNewAsync(actor, HttpContext.RequestAborted) : 0;
        return View((Count: count, Active: active));
    }
}
