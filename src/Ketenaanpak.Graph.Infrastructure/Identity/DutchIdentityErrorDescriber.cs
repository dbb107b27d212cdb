using Microsoft.AspNetCore.Identity;

namespace Ketenaanpak.Graph.Infrastructure.Identity;

/// <summary>Identity's account and password messages in Dutch: administrators read them on the user-management page.</summary>
public sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Het wachtwoord moet minstens {length} tekens hebben.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Het wachtwoord moet minstens één cijfer (0-9) bevatten.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Het wachtwoord moet minstens één kleine letter (a-z) bevatten.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Het wachtwoord moet minstens één hoofdletter (A-Z) bevatten.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet minstens één leesteken of symbool bevatten, zoals ! of -.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "Er bestaat al een account met deze gebruikersnaam.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "Een gebruikersnaam bestaat alleen uit letters, cijfers en . _ - @ +.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "Er bestaat al een account met dit e-mailadres.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "Dit is geen geldig e-mailadres.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), "Dit account heeft deze rol al.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), "Dit account heeft deze rol niet.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Deze externe identiteit is al aan een ander account gekoppeld.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Het account is intussen door iemand anders gewijzigd. Laad de pagina opnieuw.");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Er ging iets mis met het account.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Onjuist wachtwoord.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Blokkeren is voor dit account niet ingeschakeld.");
}
