using System.Security.Claims;
using System.Text.Encodings.Web;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Integration.Tests.Web;

/// <summary>
/// A stand-in for sign-in until the security issue's real one lands: a request carrying <see cref="RoleHeader"/> is
/// signed in with that role, one without it is anonymous; the current actor is read from the claims. The lead replaces
/// this with the real sign-in when merging.
/// </summary>
internal static class TestSignIn
{
    public const string RoleHeader = "X-Test-Rol";
    public const string Scheme = "Test";
    public const string UserId = "u-fg-1";
    public const string UserName = "Ingrid Voskuil";

    public static WebApplicationFactory<Program> WithTestSignIn(this WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null);
            services.AddHttpContextAccessor();
            services.AddScoped<ICurrentActor, ClaimsActor>();
        }));

    public static HttpClient CreateClientAs(this WebApplicationFactory<Program> app, string? role)
    {
        var client = app.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Add(RoleHeader, role);
        return client;
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RoleHeader, out var role)) return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, UserId), new Claim(ClaimTypes.Name, UserName), new Claim(ClaimTypes.Role, role.ToString())], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }

    private sealed class ClaimsActor(IHttpContextAccessor http) : ICurrentActor
    {
        public Actor Actor
        {
            get
            {
                var user = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
                return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!,
                    new PartnerId(Guid.Parse("0190f1c2-0000-7000-8000-00000000f001")), PartnerKind.Riec, true, null);
            }
        }
    }
}
