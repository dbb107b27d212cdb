using Ketenaanpak.Graph.Application.Security;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Security.Oidc;

/// <summary>
/// Section "Authentication:Oidc": sign-in through an organisation's own OpenID Connect identity provider
/// (docs/decisions/ADR-006-oidc-account-mapping.md). One provider speaks for one partner organisation.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";
    /// <summary>The authentication scheme name; also the login-provider name stored with a linked account.</summary>
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }
    /// <summary>The provider's issuer URL; its /.well-known/openid-configuration is read at the first sign-in.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Shown on the sign-in page: "Inloggen via &lt;DisplayName&gt;".</summary>
    public string? DisplayName { get; set; }
    /// <summary>Code of the partner organisation whose staff sign in through this provider.</summary>
    public string? PartnerCode { get; set; }
    /// <summary>Claim that identifies the person at the provider (stable, never reassigned).</summary>
    public string SubjectClaim { get; set; } = "sub";
    /// <summary>Claim with the e-mail address, used once to link a pre-provisioned account.</summary>
    public string EmailClaim { get; set; } = "email";
    /// <summary>Claim whose values are looked up in <see cref="RoleMapping"/> to provision an account; empty: no provisioning.</summary>
    public string? RoleClaim { get; set; }
    /// <summary>Provider role value → application role. Administrator can never be granted this way.</summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Scopes asked for besides "openid".</summary>
    public List<string> Scopes { get; set; } = ["profile", "email"];
    /// <summary>Only for a provider on a test machine: allow an http:// authority.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

/// <summary>Checks the section at start, so a wrong setting stops the app with a message instead of failing at a user's sign-in.</summary>
public sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        void Fail(string key, string dutch, string english) => errors.Add($"{OidcOptions.Section}:{key} {dutch} / {english}");

        if (string.IsNullOrWhiteSpace(o.Authority)) Fail("Authority", "ontbreekt: geef de URL van de identiteitsprovider.", "is missing: give the identity provider's URL.");
        else if (!Uri.TryCreate(o.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            Fail("Authority", "is geen geldige URL.", "is not a valid URL.");
        else if (authority.Scheme == "http" && o.RequireHttpsMetadata)
            Fail("Authority", "moet met https:// beginnen.", "must start with https://.");
        if (string.IsNullOrWhiteSpace(o.ClientId)) Fail("ClientId", "ontbreekt.", "is missing.");
        if (string.IsNullOrWhiteSpace(o.ClientSecret)) Fail("ClientSecret", "ontbreekt (zet het geheim in een omgevingsvariabele, niet in het bestand).", "is missing (set it in an environment variable, not in the file).");
        if (string.IsNullOrWhiteSpace(o.DisplayName)) Fail("DisplayName", "ontbreekt: de naam van de organisatie voor de knop 'Inloggen via …'.", "is missing: the organisation's name for the 'Inloggen via …' button.");
        if (string.IsNullOrWhiteSpace(o.PartnerCode)) Fail("PartnerCode", "ontbreekt: de code van de partnerorganisatie van deze identiteitsprovider.", "is missing: the code of this identity provider's partner organisation.");
        if (string.IsNullOrWhiteSpace(o.SubjectClaim)) Fail("SubjectClaim", "mag niet leeg zijn.", "must not be empty.");
        if (o.RoleMapping.Count > 0 && string.IsNullOrWhiteSpace(o.RoleClaim))
            Fail("RoleClaim", "ontbreekt terwijl RoleMapping is ingevuld.", "is missing while RoleMapping is set.");
        foreach (var (value, role) in o.RoleMapping)
        {
            if (!Roles.All.Contains(role))
                Fail($"RoleMapping:{value}", $"noemt de onbekende rol '{role}' (kies uit {string.Join(", ", Roles.All)}).", $"names the unknown role '{role}' (choose from {string.Join(", ", Roles.All)}).");
            else if (role == Roles.Administrator)
                Fail($"RoleMapping:{value}", "mag geen beheerder maken: beheerders worden in de applicatie aangewezen.", "must not grant Administrator: administrators are appointed in the application.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
