using System.Security.Claims;
using Ketenaanpak.Graph.Application.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Ketenaanpak.Graph.Web.Security.Oidc;

/// <summary>
/// Registers OpenID Connect sign-in when Authentication:Oidc:Enabled is true: authorization code flow with PKCE, the
/// provider's identity signed into Identity's external cookie, then mapped to a local account by
/// <see cref="OidcAccountMapper"/> (the callback in Features/Account/ExternalSignInController).
/// </summary>
public static class OidcSetup
{
    /// <summary>Where a failed or refused external sign-in lands (the sign-in page shows a Dutch explanation).</summary>
    public const string FailurePath = "/account/inloggen?fout=extern";

    public static void AddOidcSignIn(this WebApplicationBuilder builder, SecurityOptions security)
    {
        var services = builder.Services;
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddScoped<OidcAccountMapper>();

        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled) return;

        services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The answer comes back as a top-level GET, so the correlation and nonce cookies can be SameSite=Lax and
            // still arrive; form_post would need SameSite=None, which browsers accept only over HTTPS.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CallbackPath = "/signin-oidc";
            o.SaveTokens = false; // the app never calls the provider's APIs; tokens would only be a liability in a cookie
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = oidc.RoleClaim ?? "role";
            var secure = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = secure;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = secure;
            o.Events.OnTokenValidated = ctx =>
            {
                // Identity's external-login handling reads the provider key from NameIdentifier.
                var identity = (ClaimsIdentity)ctx.Principal!.Identity!;
                if (identity.FindFirst(oidc.SubjectClaim)?.Value is { Length: > 0 } subject && identity.FindFirst(ClaimTypes.NameIdentifier) is null)
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject));
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = async ctx =>
            {
                await AuditFailureAsync(ctx.HttpContext, oidc, Describe(ctx.Failure));
                ctx.Response.Redirect(FailurePath);
                ctx.HandleResponse();
            };
            o.Events.OnAccessDenied = async ctx =>
            {
                await AuditFailureAsync(ctx.HttpContext, oidc, "geweigerd door de identiteitsprovider");
                ctx.Response.Redirect(FailurePath);
                ctx.HandleResponse();
            };
        });
    }

    /// <summary>A short Dutch category for the audit log; the provider's raw error text stays in the application log.</summary>
    private static string Describe(Exception? failure) => failure?.Message switch
    {
        null => "onbekende fout",
        var m when m.Contains("state", StringComparison.OrdinalIgnoreCase) => "ongeldige of gewijzigde state",
        var m when m.Contains("Correlation", StringComparison.OrdinalIgnoreCase) => "correlatiecookie ontbreekt of klopt niet",
        var m when m.Contains("nonce", StringComparison.OrdinalIgnoreCase) => "nonce klopt niet",
        var m when m.Contains("access_denied", StringComparison.OrdinalIgnoreCase) => "geweigerd door de identiteitsprovider",
        _ => "protocolfout: " + failure.GetType().Name,
    };

    public static Task AuditFailureAsync(HttpContext http, OidcOptions oidc, string reason, string? subjectId = null)
    {
        var audit = http.RequestServices.GetRequiredService<IAuditLog>();
        var actor = new Application.Security.Actor("anoniem", "extern:" + (oidc.DisplayName ?? OidcOptions.Scheme), "Anoniem", default,
            Domain.Partners.PartnerKind.Riec, false, null);
        return audit.AppendAsync(new AuditRecord(actor, AuditAction.SignInFailed, "Account", subjectId, $"inloggen via {oidc.DisplayName}: {reason}", null));
    }
}
