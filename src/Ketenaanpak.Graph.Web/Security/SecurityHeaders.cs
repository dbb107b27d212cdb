namespace Ketenaanpak.Graph.Web.Security;

/// <summary>
/// Security headers on every response. The Content-Security-Policy allows scripts and styles from this origin only:
/// no inline script, so a name like &lt;script&gt; that slipped through encoding still could not run. The Hangfire
/// dashboard (administrators only) ships inline script and style, so it gets a looser policy on its own path.
/// </summary>
public static class SecurityHeaders
{
    private const string Strict = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
                                  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    private const string Dashboard = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                                     "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // "Inloggen via …" posts a form whose answer redirects to the organisation's identity provider; form-action also
        // governs that redirect, so the provider's origin is allowed there (and only there).
        var oidc = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Oidc.OidcOptions>>().Value;
        var strict = oidc.Enabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? Strict.Replace("form-action 'self'", $"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}")
            : Strict;
        return app.Use(async (context, next) => await AddAsync(context, next, strict));
    }

    private static async Task AddAsync(HttpContext context, Func<Task> next, string strict)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? Dashboard : strict;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js") || context.Request.Path.StartsWithSegments("/lib")
            ? headers.CacheControl : "no-store"; // pages hold personal data: never in a shared or browser cache
        await next();
    }
}
