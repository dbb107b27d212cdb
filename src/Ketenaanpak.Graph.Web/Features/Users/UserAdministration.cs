using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Web.Features.Users;

/// <summary>Field → Dutch message; empty when the change was made.</summary>
public sealed class FieldErrors : Dictionary<string, string>
{
    public bool Ok => Count == 0;
}

/// <summary>
/// What an administrator may do to accounts. Each change is one transaction (nothing half-saved), is refused for the
/// administrator's own account where it would lock them out (so at least one administrator always remains: the one
/// acting), and is audited afterwards with the administrator as actor.
/// </summary>
public sealed class UserAdministration(UserManager<ApplicationUser> users, GraphDbContext store, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var partners = await store.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var roles = await (from ur in store.UserRoles join r in store.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var external = (await store.UserLogins.Select(l => l.UserId).ToListAsync(ct)).ToHashSet();
        var list = await store.Users.AsNoTracking().ToListAsync(ct);
        return list.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(u => Row(u, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name, partners.GetValueOrDefault(u.PartnerId, "–"), now, external.Contains(u.Id)))
            .ToList();
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken ct)
    {
        if (id.Length > 64 || await users.FindByIdAsync(id) is not { } user) return null;
        var partner = await store.Partners.AsNoTracking().Where(p => p.Id == user.PartnerId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return Row(user, role, partner ?? "–", clock.GetUtcNow(), (await users.GetLoginsAsync(user)).Count > 0);
    }

    public async Task<IReadOnlyList<PartnerChoice>> PartnersAsync(CancellationToken ct) =>
        (await store.Partners.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.Name).Select(p => new PartnerChoice(p.Id.Value.ToString(), p.Name)).ToList();

    public async Task<(FieldErrors Errors, string? UserId)> CreateAsync(Actor admin, NewUserInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var partner = await PartnerAsync(input.PartnerId, errors, ct);
        if (partner is not null && RoleProblem(input.Role!, partner) is { } problem) errors[nameof(input.Role)] = problem;
        var user = new ApplicationUser
        {
            UserName = input.UserName!.Trim(), DisplayName = input.DisplayName!.Trim(), Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            PartnerId = partner?.Id ?? default, LockoutEnabled = true, EmailConfirmed = false,
        };
        foreach (var validator in users.PasswordValidators)
            foreach (var e in (await validator.ValidateAsync(users, user, input.Password!)).Errors)
                errors[nameof(input.Password)] = errors.TryGetValue(nameof(input.Password), out var before) ? before + " " + e.Description : e.Description;
        if (await users.FindByNameAsync(user.UserName) is not null) errors[nameof(input.UserName)] = "Er bestaat al een account met deze gebruikersnaam.";
        if (!errors.Ok) return (errors, null);

        await using (var transaction = await store.Database.BeginTransactionAsync(ct))
        {
            var result = await users.CreateAsync(user, input.Password!);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, input.Role!);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) errors[e.Code.StartsWith("Password") ? nameof(input.Password) : nameof(input.UserName)] = e.Description;
                return (errors, null); // the transaction is rolled back on dispose: no account without a role
            }
            await transaction.CommitAsync(ct);
        }
        await audit.AppendAsync(new AuditRecord(admin, AuditAction.Create, "User", user.Id, $"account {user.UserName} aangemaakt; rol {input.Role}; partner {partner!.Code}", "gebruikersbeheer"), ct);
        return (errors, user.Id);
    }

    public async Task<FieldErrors> ChangeRoleAsync(Actor admin, string id, RoleInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var user = await users.FindByIdAsync(id) ?? throw new KeyNotFoundException();
        var partner = await PartnerAsync(input.PartnerId, errors, ct);
        if (partner is not null && RoleProblem(input.Role!, partner) is { } problem) errors[nameof(input.Role)] = problem;
        if (user.Id == admin.UserId && input.Role != Roles.Administrator)
            errors[nameof(input.Role)] = "U kunt uw eigen beheerdersrol niet afnemen. Laat een andere beheerder dit doen; zo blijft er altijd een beheerder.";
        if (!errors.Ok) return errors;
        var before = (await users.GetRolesAsync(user)).ToList();
        var beforePartner = user.PartnerId;
        await using (var transaction = await store.Database.BeginTransactionAsync(ct))
        {
            var result = before.Count > 0 ? await users.RemoveFromRolesAsync(user, before) : IdentityResult.Success;
            if (result.Succeeded) result = await users.AddToRoleAsync(user, input.Role!);
            user.PartnerId = partner!.Id;
            if (result.Succeeded) result = await users.UpdateAsync(user);
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user); // open sessions pick up the change
            if (!result.Succeeded)
            {
                errors[nameof(input.Role)] = string.Join(" ", result.Errors.Select(e => e.Description));
                return errors;
            }
            await transaction.CommitAsync(ct);
        }
        await audit.AppendAsync(new AuditRecord(admin, AuditAction.Update, "User", user.Id,
            $"account {user.UserName}: rol {string.Join(",", before)} → {input.Role}" + (beforePartner != partner.Id ? $"; partner → {partner.Code}" : ""), "gebruikersbeheer"), ct);
        return errors;
    }

    /// <summary>Lock (until unlocked by an administrator) or unlock. Null when done, else the Dutch reason.</summary>
    public async Task<string?> SetLockedAsync(Actor admin, string id, bool locked, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw new KeyNotFoundException();
        if (locked && user.Id == admin.UserId) return "U kunt uw eigen account niet blokkeren.";
        await using (var transaction = await store.Database.BeginTransactionAsync(ct))
        {
            var result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (result.Succeeded && !locked) result = await users.ResetAccessFailedCountAsync(user);
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded) return string.Join(" ", result.Errors.Select(e => e.Description));
            await transaction.CommitAsync(ct);
        }
        await audit.AppendAsync(new AuditRecord(admin, AuditAction.StatusChange, "User", user.Id,
            $"account {user.UserName} {(locked ? "geblokkeerd" : "gedeblokkeerd")}", "gebruikersbeheer"), ct);
        return null;
    }

    /// <summary>Switches the second factor off and discards the key (a lost phone); the user sets up a new one.</summary>
    public async Task<string?> ResetTwoFactorAsync(Actor admin, string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw new KeyNotFoundException();
        await using (var transaction = await store.Database.BeginTransactionAsync(ct))
        {
            var result = await users.SetTwoFactorEnabledAsync(user, false);
            if (result.Succeeded) result = await users.ResetAuthenticatorKeyAsync(user); // also renews the security stamp
            if (!result.Succeeded) return string.Join(" ", result.Errors.Select(e => e.Description));
            await transaction.CommitAsync(ct);
        }
        await audit.AppendAsync(new AuditRecord(admin, AuditAction.Update, "User", user.Id, $"account {user.UserName}: tweede factor hersteld", "gebruikersbeheer"), ct);
        return null;
    }

    /// <summary>Roles that fit the organisation (domain.md §6): non-covenant partners only contribute signals; a coordinator is a municipality's.</summary>
    public static string? RoleProblem(string role, Partner partner) =>
        !Roles.All.Contains(role) ? "Kies een van de rollen uit de lijst."
        : !partner.IsCovenant && role != Roles.PartnerContributor ? $"{partner.Name} is geen convenantpartner: medewerkers daarvan krijgen de rol {Roles.Dutch(Roles.PartnerContributor)}."
        : role == Roles.MunicipalCoordinator && partner.Kind != PartnerKind.Municipality ? "Een gemeentelijk coördinator hoort bij een gemeente: kies een gemeente als organisatie."
        : null;

    private async Task<Partner?> PartnerAsync(string? value, FieldErrors errors, CancellationToken ct)
    {
        var partner = Guid.TryParse(value, out var guid)
            ? await store.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == new PartnerId(guid), ct)
            : null;
        if (partner is null) errors[nameof(NewUserInput.PartnerId)] = "Kies een van de organisaties uit de lijst.";
        return partner;
    }

    private static UserRow Row(ApplicationUser u, string? role, string partner, DateTimeOffset now, bool external) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, u.Email, role, u.PartnerId.Value.ToString(), partner, u.TwoFactorEnabled, u.LockoutEnd is { } end && end > now, external);
}
