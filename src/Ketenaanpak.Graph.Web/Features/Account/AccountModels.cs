using System.ComponentModel.DataAnnotations;

namespace Ketenaanpak.Graph.Web.Features.Account;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Vul uw gebruikersnaam in.")]
    [StringLength(100, ErrorMessage = "Een gebruikersnaam heeft hoogstens 100 tekens.")]
    [Display(Name = "Gebruikersnaam")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Vul uw wachtwoord in.")]
    [StringLength(200, ErrorMessage = "Een wachtwoord heeft hoogstens 200 tekens.")]
    [DataType(DataType.Password)]
    [Display(Name = "Wachtwoord")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorCodeInput
{
    [Required(ErrorMessage = "Vul de zescijferige code uit uw authenticator-app in.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "De code bestaat uit zes cijfers.")]
    [Display(Name = "Verificatiecode")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <param name="ExternalProvider">The organisation whose identity provider may be used ("Inloggen via …"); null when OIDC is off.</param>
public sealed record LoginPage(LoginInput Input, IReadOnlyList<string> DemoAccounts, string? Message, string? ExternalProvider = null);

public sealed record TwoFactorPage(bool Enabled, string? SharedKey, string? QrSvg, TwoFactorCodeInput Input, string? Message);
