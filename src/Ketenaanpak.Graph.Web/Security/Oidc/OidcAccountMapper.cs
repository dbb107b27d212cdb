using System.Security.Claims;
using System.Text.RegularExpressions;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Security.Oidc;

/// <summary>The outcome of mapping a provider identity: the local account, or why it is refused (Dutch for the user, and for the audit log).</summary>
public sealed record OidcMapping(ApplicationUser? User, string? Refusal, string AuditDetail)
{
    public static OidcMapping Refuse(string refusal, string audit) => new(null, refusal, audit);
}

/// <summary>
/// Maps a person signed in at the organisation's identity provider to a local account (ADR-006): by the linked subject,
/// else once by e-mail to a pre-provisioned account of the provider's partner, else — only when configured — a new
/// account with the role the provider's role claim maps to. Role and partner always come from the local account.
/// </summary>
public sealed partial class OidcAccountMapper(UserManager<ApplicationUser> users, IGraphDbContext db, Graph.Infrastructure.Persistence.GraphDbContext store,
    IOptions<OidcOptions> options)
{
    private OidcOptions O => options.Value;
    private string Contact => $"Neem contact op met de beheerder van Ketenaanpak.Graph bij uw organisatie.";

    public async Task<OidcMapping> MapAsync(ClaimsPrincipal external, CancellationToken cancellationToken = default)
    {
        var subject = external.FindFirstValue(O.SubjectClaim) ?? external.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(subject))
            return OidcMapping.Refuse($"{O.DisplayName} gaf geen gebruikerskenmerk mee; inloggen is niet mogelijk. {Contact}", "geen subject in het token");
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Code == O.PartnerCode, cancellationToken);
        if (partner is null)
            return OidcMapping.Refuse($"Inloggen via {O.DisplayName} is niet goed ingericht (de organisatie ontbreekt). {Contact}", $"partner {O.PartnerCode} bestaat niet");

        var user = await users.FindByLoginAsync(OidcOptions.Scheme, subject);
        var how = "gekoppeld account";
        if (user is null)
        {
            var linked = await LinkByEmailAsync(external, subject, partner.Id);
            if (linked.Refusal is not null) return linked;
            user = linked.User;
            how = linked.AuditDetail;
        }
        if (user is null)
        {
            var provisioned = await ProvisionAsync(external, subject, partner.Id);
            if (provisioned.Refusal is not null) return provisioned;
            user = provisioned.User!;
            how = provisioned.AuditDetail;
        }

        if (user.PartnerId != partner.Id)
            return OidcMapping.Refuse($"Uw account hoort bij een andere organisatie dan {O.DisplayName}; inloggen via deze organisatie kan niet. {Contact}", $"account {user.UserName} hoort bij een andere partner");
        var role = (await users.GetRolesAsync(user)).FirstOrDefault(Roles.All.Contains);
        if (role is null)
            return OidcMapping.Refuse($"Uw account heeft nog geen rol in Ketenaanpak.Graph, dus u heeft nog geen toegang. {Contact}", $"account {user.UserName} heeft geen rol");
        if (await users.IsLockedOutAsync(user))
            return OidcMapping.Refuse($"Uw account is geblokkeerd. {Contact}", $"account {user.UserName} is geblokkeerd");
        return new OidcMapping(user, null, $"{how}; rol {role}");
    }

    /// <summary>A pre-provisioned account of the provider's partner with the same (verified) e-mail, not yet linked: link it now.</summary>
    private async Task<OidcMapping> LinkByEmailAsync(ClaimsPrincipal external, string subject, Domain.Common.PartnerId partner)
    {
        var email = external.FindFirstValue(O.EmailClaim);
        if (string.IsNullOrWhiteSpace(email) || external.FindFirstValue("email_verified") == "false") return new(null, null, "");
        var normalised = users.NormalizeEmail(email.Trim());
        var candidates = await users.Users.Where(u => u.NormalizedEmail == normalised && u.PartnerId == partner).Take(2).ToListAsync();
        if (candidates.Count == 0) return new(null, null, "");
        if (candidates.Count > 1)
            return OidcMapping.Refuse($"Er zijn meerdere accounts met uw e-mailadres; de beheerder moet dit eerst oplossen. {Contact}", "e-mailadres hoort bij meerdere accounts");
        var user = candidates[0];
        if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == OidcOptions.Scheme))
            return OidcMapping.Refuse($"Uw account is al gekoppeld aan een andere identiteit bij {O.DisplayName}. {Contact}", $"account {user.UserName} is al aan een ander subject gekoppeld");
        var added = await users.AddLoginAsync(user, new UserLoginInfo(OidcOptions.Scheme, subject, O.DisplayName));
        return added.Succeeded ? new(user, null, "account gekoppeld op e-mailadres")
            : OidcMapping.Refuse($"Uw account kon niet worden gekoppeld. {Contact}", "koppelen mislukt: " + string.Join(" ", added.Errors.Select(e => e.Code)));
    }

    /// <summary>No local account: create one only when the provider's role claim maps to a role (never Administrator: the validator forbids it).</summary>
    private async Task<OidcMapping> ProvisionAsync(ClaimsPrincipal external, string subject, Domain.Common.PartnerId partner)
    {
        var role = O.RoleClaim is null ? null
            : external.FindAll(O.RoleClaim).Select(c => O.RoleMapping.GetValueOrDefault(c.Value)).FirstOrDefault(r => r is not null && r != Roles.Administrator);
        if (role is null)
            return OidcMapping.Refuse($"U bent bij {O.DisplayName} bekend, maar er is in Ketenaanpak.Graph geen account of rol voor u ingericht. {Contact}",
                O.RoleClaim is null ? "onbekend subject; geen account" : "onbekend subject; geen rol uit de claim " + O.RoleClaim);
        var name = external.FindFirstValue("name") ?? external.FindFirstValue(O.EmailClaim) ?? subject;
        var safe = SafeName().Replace(subject, "-");
        var user = new ApplicationUser
        {
            UserName = "oidc-" + safe[..Math.Min(safe.Length, 80)],
            DisplayName = name.Length > 100 ? name[..100] : name,
            Email = external.FindFirstValue(O.EmailClaim),
            PartnerId = partner,
            LockoutEnabled = true,
        };
        // Account, role and link together or not at all.
        await using var transaction = await store.Database.BeginTransactionAsync();
        var results = new List<IdentityResult> { await users.CreateAsync(user) }; // no password: signs in only through the provider
        if (results[^1].Succeeded) results.Add(await users.AddToRoleAsync(user, role));
        if (results[^1].Succeeded) results.Add(await users.AddLoginAsync(user, new UserLoginInfo(OidcOptions.Scheme, subject, O.DisplayName)));
        if (!results[^1].Succeeded)
            return OidcMapping.Refuse($"Er kon geen account voor u worden gemaakt. {Contact}", "aanmaken mislukt: " + string.Join(" ", results[^1].Errors.Select(e => e.Code)));
        await transaction.CommitAsync();
        return new(user, null, "account aangemaakt uit de rolclaim");
    }

    [GeneratedRegex("[^a-zA-Z0-9._@+-]")]
    private static partial Regex SafeName();
}
