using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using Ketenaanpak.Graph.Infrastructure;
using Ketenaanpak.Graph.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Ketenaanpak.Graph.Web;

public static class DependencyInjection
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        builder.AddInfrastructure();
        var services = builder.Services;
        services.AddControllersWithViews();
        services.Configure<RazorViewEngineOptions>(o =>
        {
            // Features as folders: Features/<Feature>/Views/<View>.cshtml, shared layout in Features/Shared.
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });
        // The sign-in scheme and the current actor arrive with the security issue; until then pages with [Authorize]
        // (the audit log) are refused rather than open.
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return builder;
    }

    public static WebApplication UseWebApp(this WebApplication app)
    {
        var dutch = new CultureInfo("nl-NL");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(dutch),
            SupportedCultures = [dutch, new CultureInfo("en")],
            SupportedUICultures = [dutch, new CultureInfo("en")],
        });
        app.UseExceptionHandler("/fout");
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health", HealthResponse.Options);
        // Until sign-in exists (security issue) the job dashboard is reachable from this machine only.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DashboardTitle = "Ketenaanpak.Graph – achtergrondtaken",
        });
        app.MapControllers();
        return app;
    }
}
