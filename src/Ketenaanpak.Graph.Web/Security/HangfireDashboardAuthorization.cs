using Hangfire.Dashboard;
using Ketenaanpak.Graph.Application.Security;

namespace Ketenaanpak.Graph.Web.Security;

/// <summary>The job dashboard shows job arguments and errors: administrators only.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrator);
    }
}
