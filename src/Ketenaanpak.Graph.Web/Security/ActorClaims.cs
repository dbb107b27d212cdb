using System.Security.Claims;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Security;

/// <summary>Claims that carry the user's organisation into every request, so the policy needs no database round trip.</summary>
public static class ActorClaims
{
    public const string PartnerId = "ketenaanpak:partner";
    public const string PartnerKind = "ketenaanpak:partner-kind";
    public const string Covenant = "ketenaanpak:covenant";
    public const string Municipality = "ketenaanpak:municipality";
    public const string DisplayName = "ketenaanpak:name";
}

/// <summary>Adds the partner claims when the sign-in cookie is issued.</summary>
public sealed class ActorClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options, IGraphDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == user.PartnerId);
        identity.AddClaim(new Claim(ActorClaims.PartnerId, partner.Id.Value.ToString()));
        identity.AddClaim(new Claim(ActorClaims.PartnerKind, partner.Kind.ToString()));
        identity.AddClaim(new Claim(ActorClaims.Covenant, partner.IsCovenant ? "true" : "false"));
        identity.AddClaim(new Claim(ActorClaims.DisplayName, user.DisplayName));
        if (partner.MunicipalityCode is not null) identity.AddClaim(new Claim(ActorClaims.Municipality, partner.MunicipalityCode));
        return identity;
    }
}

/// <summary>The acting user of the current request, read from the sign-in claims.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public Actor Actor => From(http.HttpContext?.User) ?? throw new InvalidOperationException("No user is signed in.");

    public static Actor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        if (role is null || !Guid.TryParse(user.FindFirstValue(ActorClaims.PartnerId), out var partner)) return null;
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity.Name ?? "", role, new PartnerId(partner),
            Enum.TryParse<PartnerKind>(user.FindFirstValue(ActorClaims.PartnerKind), out var kind) ? kind : PartnerKind.Riec,
            user.FindFirstValue(ActorClaims.Covenant) == "true", user.FindFirstValue(ActorClaims.Municipality));
    }
}
