using System.Net;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Security.Oidc;

/// <summary>
/// The app (server mode, no demo) on a real Kestrel port with OIDC sign-in pointed at <see cref="TestIdentityProvider"/>,
/// the organisation "Gemeente Teststad" (partner GEM-TEST), and role mapping "mensenhandel-analist" → RIEC analyst.
/// </summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public const string Organisation = "Gemeente Teststad";
    public const string PartnerCode = "GEM-TEST";
    public SqliteTestStore Store { get; } = new();
    public TestIdentityProvider Idp { get; } = new();
    public AppFactory App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Store.InitializeAsync();
        await Idp.StartAsync();
        // Tokens of the test identity provider carry the real time: the app must judge them by the same clock.
        App = new AppFactory(Store, demo: false) { Clock = TimeProvider.System };
        foreach (var (key, value) in Settings(Idp.Authority)) App.Settings[key] = value;
        App.Settings["Security:SignInAttemptsPerMinute"] = "1000"; // many sign-ins from one address in a few seconds
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await Idp.RegisterClientAsync(BaseUrl);
        await using var db = Store.NewContext();
        db.Partners.Add(new Partner(PartnerId.New(), PartnerCode, Organisation, PartnerKind.Municipality, "GM0153"));
        db.Partners.Add(new Partner(PartnerId.New(), "RIEC-ANDERS", "RIEC (ander)", PartnerKind.Riec));
        await db.SaveChangesAsync();
    }

    public static Dictionary<string, string?> Settings(string authority) => new()
    {
        ["Authentication:Oidc:Enabled"] = "true",
        ["Authentication:Oidc:Authority"] = authority,
        ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Authentication:Oidc:DisplayName"] = Organisation,
        ["Authentication:Oidc:PartnerCode"] = PartnerCode,
        ["Authentication:Oidc:RoleClaim"] = "role",
        ["Authentication:Oidc:RoleMapping:mensenhandel-analist"] = Roles.RiecAnalyst,
        ["Authentication:Oidc:Scopes:0"] = "profile",
        ["Authentication:Oidc:Scopes:1"] = "email",
        ["Authentication:Oidc:Scopes:2"] = "roles",
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A browser-like client: its own cookie jar, following redirects across the app and the provider.</summary>
    public HttpClient NewBrowser(bool followRedirects = true) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>An account as an administrator would have prepared it (no password: it signs in through the provider).</summary>
    public async Task ProvisionAsync(string userName, string email, string? role, string partnerCode = PartnerCode)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = Store.NewContext();
        var partner = db.Partners.Single(p => p.Code == partnerCode);
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, Email = email, PartnerId = partner.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        if (role is not null) await users.AddToRoleAsync(user, role);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Idp.DisposeAsync();
        await Store.DisposeAsync();
    }
}
