using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ketenaanpak.Graph.Integration.Tests.Security.Oidc;

/// <summary>A person as the organisation's identity provider knows them.</summary>
public sealed record IdpUser(string Subject, string Email, string Name, params string[] Roles);

/// <summary>
/// A real OpenID Connect provider (OpenIddict server) on its own Kestrel port, for the sign-in tests: authorization code
/// flow with PKCE, signed id_tokens, discovery and JWKS. It has no login form: the authorization endpoint signs in
/// whoever the test put in <see cref="NextUser"/>, as if that person had just authenticated there.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "ketenaanpak-test";
    public const string ClientSecret = "test-geheim-9f3b2c7a";
    private readonly string _database = Path.Combine(Path.GetTempPath(), "ketenaanpak-idp", Guid.NewGuid().ToString("N") + ".db");
    private WebApplication? _app;

    public string Authority { get; private set; } = "";
    public IdpUser? NextUser { get; set; }

    private sealed class IdpDbContext(DbContextOptions<IdpDbContext> options) : DbContext(options);

    /// <param name="hostName">The name the provider is reached by; a browser test passes one that differs from the app's, so the
    /// round trip is cross-site as it is in production.</param>
    public async Task StartAsync(string hostName = "127.0.0.1")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<IdpDbContext>(o => o.UseSqlite($"Data Source={_database}").UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.Roles);
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        _app = builder.Build();
        _app.UseAuthentication();
        _app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync);
        await _app.StartAsync();
        var port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        Authority = $"http://{hostName}:{port}/";
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Database.EnsureCreatedAsync();
    }

    /// <summary>Registers the app as a confidential client with its exact callback address (known once the app has a port).</summary>
    public async Task RegisterClientAsync(string appBaseUrl)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(appBaseUrl.TrimEnd('/') + "/signin-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private async Task AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var user = NextUser ?? throw new InvalidOperationException("The test did not say who signs in at the provider.");
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Email, user.Email).SetClaim(Claims.EmailVerified, true)
            .SetClaim(Claims.Name, user.Name);
        identity.SetClaims(Claims.Role, [.. user.Roles]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        await context.SignInAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { File.Delete(_database); } catch (IOException) { }
    }
}
