using System.Text.Encodings.Web;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Web.Security;
using Ketenaanpak.Graph.Web.Security.Oidc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Ketenaanpak.Graph.Web.Features.Account;

/// <summary>Sign-in with password and optional authenticator code (TOTP), sign-out, and setting up the second factor.</summary>
[Route("account")]
public sealed class AccountController(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users,
    IOptions<StorageOptions> storage, IOptions<DemoOptions> demo, IOptions<OidcOptions> oidc, IAuditLog audit) : Controller
{
    private const string Issuer = "Ketenaanpak.Graph";

    [HttpGet("inloggen")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl, string? fout) => View(Page(new LoginInput { ReturnUrl = returnUrl },
        fout == "extern" && oidc.Value.Enabled ? $"Inloggen via {oidc.Value.DisplayName} is mislukt of afgebroken. Probeer het opnieuw; lukt het niet, neem dan contact op met de beheerder." : null));

    [HttpPost("inloggen")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSetup.SignInRateLimit)]
    public async Task<IActionResult> Login([FromForm] LoginInput input)
    {
        if (!ModelState.IsValid) return View(Page(input, null));
        var result = await signIn.PasswordSignInAsync(input.UserName!.Trim(), input.Password!, isPersistent: false, lockoutOnFailure: true);
        await AuditSignInAsync(input.UserName.Trim(), result);
        if (result.Succeeded) return LocalRedirect(SafeReturn(input.ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToAction(nameof(LoginWithCode), new { returnUrl = SafeReturn(input.ReturnUrl) });
        // One message for an unknown name, a wrong password and a blocked account tried with a wrong password: the page
        // must not reveal which accounts exist. Only who knows the password learns that the account is blocked.
        if (result.IsLockedOut && await users.FindByNameAsync(input.UserName.Trim()) is { } locked && await users.CheckPasswordAsync(locked, input.Password!))
            // The administrator's lock runs to the end of time (UserAdministration; stored to the millisecond, so the year
            // is compared), a lockout after failed attempts for minutes. Told apart without a clock: Identity dates
            // lockouts by the system clock, not by TimeProvider.
            return View(Page(input, locked.LockoutEnd?.Year >= 9999
                ? "Dit account is geblokkeerd door de beheerder. Neem contact op met de beheerder van uw organisatie."
                : "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw of neem contact op met de beheerder."));
        return View(Page(input, "Onbekende gebruikersnaam of onjuist wachtwoord."));
    }

    [HttpGet("code")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(Login));
        return View(new TwoFactorCodeInput { ReturnUrl = returnUrl });
    }

    [HttpPost("code")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSetup.SignInRateLimit)]
    public async Task<IActionResult> LoginWithCode([FromForm] TwoFactorCodeInput input)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(Login));
        if (!ModelState.IsValid) return View(input);
        var code = input.Code!.Replace(" ", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(SafeReturn(input.ReturnUrl));
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(input.Code), "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen.");
            return View(input);
        }
        ModelState.AddModelError(nameof(input.Code), "Deze code klopt niet of is verlopen. Vul de code in die de app nu toont.");
        return View(input);
    }

    [HttpPost("uitloggen")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Logout()
    {
        if (HttpCurrentActor.From(User) is { } actor)
            await audit.AppendAsync(new AuditRecord(actor, AuditAction.SignOut, "Account", actor.UserId, null, null));
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("geen-toegang")]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("tweestapsverificatie")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> TwoFactor() => View(await TwoFactorPageAsync(new TwoFactorCodeInput(), null));

    [HttpPost("tweestapsverificatie")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> EnableTwoFactor([FromForm] TwoFactorCodeInput input)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (!ModelState.IsValid) return View(nameof(TwoFactor), await TwoFactorPageAsync(input, null));
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, input.Code!.Replace(" ", ""));
        if (!valid)
        {
            ModelState.AddModelError(nameof(input.Code), "Deze code klopt niet. Controleer of de tijd op uw telefoon juist staat en vul de actuele code in.");
            return View(nameof(TwoFactor), await TwoFactorPageAsync(input, null));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        return View(nameof(TwoFactor), await TwoFactorPageAsync(new TwoFactorCodeInput(), "Tweestapsverificatie staat aan. Bij de volgende keer inloggen vragen we om een code."));
    }

    [HttpPost("tweestapsverificatie/uit")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // a new key next time: the old one may be on a lost phone
        await signIn.RefreshSignInAsync(user);
        return View(nameof(TwoFactor), await TwoFactorPageAsync(new TwoFactorCodeInput(), "Tweestapsverificatie staat uit."));
    }

    /// <summary>Sign-ins and failed attempts go into the audit log; a failed attempt names the account tried, not the password.</summary>
    private async Task AuditSignInAsync(string userName, Microsoft.AspNetCore.Identity.SignInResult result)
    {
        var user = await users.FindByNameAsync(userName);
        var actor = user is null
            ? new Application.Security.Actor("anoniem", userName.Length > 100 ? userName[..100] : userName, "Anoniem", default, Domain.Partners.PartnerKind.Riec, false, null)
            : new Application.Security.Actor(user.Id, user.UserName!, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "", user.PartnerId, Domain.Partners.PartnerKind.Riec, false, null);
        var (action, detail) = result.Succeeded ? (AuditAction.SignIn, "ingelogd")
            : result.RequiresTwoFactor ? (AuditAction.SignIn, "wachtwoord juist; wacht op verificatiecode")
            : result.IsLockedOut ? (AuditAction.SignInFailed, "account geblokkeerd")
            : (AuditAction.SignInFailed, user is null ? "onbekende gebruikersnaam" : "onjuist wachtwoord");
        await audit.AppendAsync(new AuditRecord(actor, action, "Account", user?.Id, detail, null));
    }

    internal LoginPage Page(LoginInput input, string? message)
    {
        var demoMode = storage.Value.Provider == StorageProvider.Sqlite && demo.Value.IsEnabledFor(storage.Value.Provider);
        input.Password = null; // never echo a password back into the page
        return new LoginPage(input, demoMode ? DemoUserSeeder.Accounts.Select(a => $"{a.Key} – {Application.Security.Roles.Dutch(a.Value.Role)}").ToList() : [], message,
            oidc.Value.Enabled ? oidc.Value.DisplayName : null);
    }

    private async Task<TwoFactorPage> TwoFactorPageAsync(TwoFactorCodeInput input, string? message)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (await users.GetTwoFactorEnabledAsync(user)) return new TwoFactorPage(true, null, null, input, message);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, stored without ResetAuthenticatorKeyAsync: that also renews the security stamp, which ended
            // all the user's sessions a minute after merely opening this page.
            key = users.GenerateNewAuthenticatorKey();
            var store = (IUserAuthenticatorKeyStore<ApplicationUser>)HttpContext.RequestServices.GetRequiredService<IUserStore<ApplicationUser>>();
            await store.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(user.UserName!)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        var grouped = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        return new TwoFactorPage(false, grouped, svg, input, message);
    }

    private string SafeReturn(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
