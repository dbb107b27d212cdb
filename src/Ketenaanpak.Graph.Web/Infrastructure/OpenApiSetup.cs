using Ketenaanpak.Graph.Web.Security;

namespace Ketenaanpak.Graph.Web.Infrastructure;

/// <summary>
/// The OpenAPI document of the JSON API at <c>/openapi/v1.json</c>. It holds no personal data, but it maps the attack
/// surface of a system that processes police and justice data, so it is served to signed-in users only (any role:
/// partner developers integrating a client sign in too) and never to anonymous visitors.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            // Only the JSON API: the Razor pages' actions are not part of the contract.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Ketenaanpak.Graph API";
                document.Info.Description = "Netwerk, zoeken en analyses voor de ketenaanpak mensenhandel. Elke aanroep mag doel=… meegeven; "
                    + "dat komt in het auditlog. Fouten zijn ProblemDetails met een Nederlandse toelichting.";
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
