using System.ComponentModel.DataAnnotations;

namespace Ketenaanpak.Graph.Web.Features.Users;

/// <summary>A new account as the administrator fills it in. Messages name the field and say what to do, in Dutch.</summary>
public sealed class NewUserInput
{
    [Required(ErrorMessage = "Vul een gebruikersnaam in.")]
    [StringLength(100, ErrorMessage = "Een gebruikersnaam heeft hoogstens 100 tekens.")]
    [RegularExpression(@"^[a-zA-Z0-9._@+-]+$", ErrorMessage = "Een gebruikersnaam bestaat alleen uit letters, cijfers en . _ - @ + (geen spaties).")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Vul de naam van de gebruiker in.")]
    [StringLength(100, ErrorMessage = "Een naam heeft hoogstens 100 tekens.")]
    public string? DisplayName { get; set; }

    [StringLength(200, ErrorMessage = "Een e-mailadres heeft hoogstens 200 tekens.")]
    [EmailAddress(ErrorMessage = "Dit is geen geldig e-mailadres.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Kies een rol.")]
    [StringLength(40, ErrorMessage = "Kies een van de rollen uit de lijst.")]
    public string? Role { get; set; }

    [Required(ErrorMessage = "Kies de organisatie van de gebruiker.")]
    [StringLength(40, ErrorMessage = "Kies een van de organisaties uit de lijst.")]
    public string? PartnerId { get; set; }

    [Required(ErrorMessage = "Vul een wachtwoord in.")]
    [StringLength(200, ErrorMessage = "Een wachtwoord heeft hoogstens 200 tekens.")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Herhaal het wachtwoord.")]
    [Compare(nameof(Password), ErrorMessage = "De twee wachtwoorden zijn niet gelijk.")]
    public string? PasswordRepeat { get; set; }
}

/// <summary>A change of role and organisation for an existing account.</summary>
public sealed class RoleInput
{
    [Required(ErrorMessage = "Kies een rol.")]
    [StringLength(40, ErrorMessage = "Kies een van de rollen uit de lijst.")]
    public string? Role { get; set; }

    [Required(ErrorMessage = "Kies de organisatie van de gebruiker.")]
    [StringLength(40, ErrorMessage = "Kies een van de organisaties uit de lijst.")]
    public string? PartnerId { get; set; }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Email, string? Role, string PartnerId, string PartnerName,
    bool TwoFactor, bool Locked, bool External);

public sealed record PartnerChoice(string Id, string Name);

public sealed record UsersPage(IReadOnlyList<UserRow> Users, string CurrentUserId);

public sealed record NewUserPage(NewUserInput Input, IReadOnlyList<PartnerChoice> Partners);

public sealed record EditUserPage(UserRow User, RoleInput Input, IReadOnlyList<PartnerChoice> Partners, bool IsSelf, string? Message);
