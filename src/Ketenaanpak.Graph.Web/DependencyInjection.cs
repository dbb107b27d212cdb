using System.Globalization;
using Hangfire;
using Ketenaanpak.Graph.Infrastructure;
using Ketenaanpak.Graph.Web.Infrastructure;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Ketenaanpak.Graph.Web;

public static class DependencyInjection
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        builder.AddInfrastructure();
        builder.AddSignIn();
        var services = builder.Services;
        services.AddControllersWithViews(o =>
        {
            // Dutch binding messages that never echo the input back.
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, field) => $"De waarde is niet geldig voor {field}.");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "De waarde is niet geldig.");
            m.SetValueIsInvalidAccessor(_ => "De waarde is niet geldig.");
            m.SetValueMustBeANumberAccessor(field => $"{field} moet een getal zijn.");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "Dit moet een getal zijn.");
            m.SetMissingBindRequiredValueAccessor(field => $"{field} ontbreekt.");
            m.SetMissingKeyOrValueAccessor(() => "Een waarde ontbreekt.");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "Het verzoek heeft geen inhoud.");
            m.SetValueMustNotBeNullAccessor(field => $"{field} mag niet leeg zijn.");
            m.SetUnknownValueIsInvalidAccessor(field => $"De waarde is niet geldig voor {field}.");
        }).ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = context =>
            new Microsoft.AspNetCore.Mvc.BadRequestObjectResult(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(context.ModelState)
            {
                Title = "De invoer is niet geldig.",
                Status = StatusCodes.Status400BadRequest,
            }));
        services.Configure<RazorViewEngineOptions>(o =>
        {
            // Features as folders: Features/<Feature>/Views/<View>.cshtml, shared layout in Features/Shared.
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PdfPrinter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddApiDocument();
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
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/fout");
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthChecks("/health", HealthResponse.Options).AllowAnonymous();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            DashboardTitle = "Ketenaanpak.Graph – achtergrondtaken",
        }).RequireAuthorization(Policies.Administration);
        app.MapControllers();
        app.MapApiDocument();
        return app;
    }
}
