using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Ketenaanpak.Graph.Web.Security.Oidc;

namespace Ketenaanpak.Graph.Web.Security;

/// <summary>Section "Security": transport settings an operator chooses (README: HTTPS).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Behind HTTPS (directly or through a TLS proxy): cookies only over HTTPS, HSTS, redirect http → https.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Sign-in attempts per client address per minute before 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>API requests per user per minute before 429.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// How often a signed-in session is checked against its account, in seconds: a lock, a role change or a reset
    /// second factor by an administrator ends open sessions of that user within this time.
    /// </summary>
    public int SessionRevalidationSeconds { get; set; } = 60;

    /// <summary>Largest request body accepted, in bytes (imports use their own, larger limit).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_000_000;
}

public static class SignInSetup
{
    public const string SignInRateLimit = "sign-in";
    public const string ApiRateLimit = "api";

    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);

        services.AddIdentity<ApplicationUser, IdentityRole>(IdentityPolicy.Configure)
            .AddEntityFrameworkStores<GraphDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<ActorClaimsFactory>();
        services.AddScoped<IStoreSeeder, DemoUserSeeder>();
        builder.AddOidcSignIn(security); // optional: an organisation's own identity provider (ADR-006)
        services.AddScoped<Features.Users.UserAdministration>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, security.SessionRevalidationSeconds)));

        services.AddSingleton<SessionTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore>((o, store) => o.SessionStore = store);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/inloggen";
            o.LogoutPath = "/account/uitloggen";
            o.AccessDeniedPath = "/account/geen-toegang";
            o.Cookie.Name = "ketenaanpak.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403 as ProblemDetails instead of redirecting a script to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.Request, () => ctx.Response.Redirect(ctx.RedirectUri), ctx.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.Request, () => ctx.Response.Redirect(ctx.RedirectUri), ctx.Response, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ketenaanpak.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "RequestVerificationToken";
        });
        services.AddAuthorization(Policies.Configure);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, token) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Te veel verzoeken in korte tijd. Wacht een minuut en probeer het opnieuw.", token);
            };
            o.AddPolicy(SignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ApiRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.Identity?.Name ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.ApiRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = security.MaxRequestBodyBytes;
            o.ValueLengthLimit = 64 * 1024;
            o.ValueCountLimit = 500;
        });
        services.Configure<MvcOptions>(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        if (security.RequireHttps) services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    private static Task ApiOr(HttpRequest request, Action redirect, HttpResponse response, int status)
    {
        if (request.Path.StartsWithSegments("/api"))
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        }
        redirect();
        return Task.CompletedTask;
    }
}
