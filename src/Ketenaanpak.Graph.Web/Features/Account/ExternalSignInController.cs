using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Web.Security;
using Ketenaanpak.Graph.Web.Security.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Features.Account;

/// <summary>
/// Sign-in through the organisation's own identity provider (OpenID Connect, ADR-006): the button on the sign-in page
/// starts the challenge; the provider's answer is checked by the OIDC handler at /signin-oidc, which hands over here.
/// </summary>
[Route("account/extern")]
public sealed class ExternalSignInController(SignInManager<ApplicationUser> signIn, OidcAccountMapper mapper,
    IOptions<OidcOptions> oidc, IAuditLog audit) : Controller
{
    [HttpPost("")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSetup.SignInRateLimit)]
    public IActionResult Start([FromForm] string? returnUrl)
    {
        if (!oidc.Value.Enabled) return NotFound();
        var callback = "/account/extern/terug" + (SafeReturn(returnUrl) is var back && back != "/" ? "?returnUrl=" + Uri.EscapeDataString(back) : "");
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, callback), OidcOptions.Scheme);
    }

    [HttpGet("terug")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSetup.SignInRateLimit)]
    public async Task<IActionResult> Callback(string? returnUrl, CancellationToken cancellationToken)
    {
        if (!oidc.Value.Enabled) return NotFound();
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || info.LoginProvider != OidcOptions.Scheme)
        {
            await OidcSetup.AuditFailureAsync(HttpContext, oidc.Value, "geen (geldige) aanmelding van de identiteitsprovider ontvangen");
            return Redirect(OidcSetup.FailurePath);
        }
        var mapping = await mapper.MapAsync(info.Principal, cancellationToken);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme); // the provider's identity is used once, here
        if (mapping.User is not { } user)
        {
            await OidcSetup.AuditFailureAsync(HttpContext, oidc.Value, mapping.AuditDetail, info.ProviderKey);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View("~/Features/Account/Views/Login.cshtml", new LoginPage(new LoginInput(), [], mapping.Refusal, oidc.Value.DisplayName));
        }
        // The provider authenticated the person (with its own second factor, if it requires one): no local TOTP step.
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OidcOptions.Scheme);
        var role = (await signIn.UserManager.GetRolesAsync(user)).FirstOrDefault() ?? "";
        await audit.AppendAsync(new AuditRecord(new Application.Security.Actor(user.Id, user.UserName!, role, user.PartnerId, Domain.Partners.PartnerKind.Riec, false, null),
            AuditAction.SignIn, "Account", user.Id, $"ingelogd via {oidc.Value.DisplayName} ({mapping.AuditDetail})", null), cancellationToken);
        // A page, not a redirect: the chain from the provider is cross-site, so the SameSite=Strict sign-in cookie would
        // not ride along on a redirect; the page's own navigation is same-site.
        return View("~/Features/Account/Views/ExternalDone.cshtml", SafeReturn(returnUrl));
    }

    private string SafeReturn(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
