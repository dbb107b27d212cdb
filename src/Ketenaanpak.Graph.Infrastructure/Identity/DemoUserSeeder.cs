using System.Security.Cryptography;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Infrastructure.Identity;

/// <summary>
/// Creates the roles (always) and, in the embedded demo mode only, one demo account per role. Their password comes from
/// Demo:Password, or is generated and printed once, when the accounts are created. Server mode never gets demo accounts.
/// </summary>
public sealed class DemoUserSeeder(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, GraphDbContext db,
    IOptions<StorageOptions> storage, IOptions<DemoOptions> demo, ILogger<DemoUserSeeder> log) : IStoreSeeder
{
    /// <summary>Account name → (role, partner code, display name).</summary>
    public static readonly IReadOnlyDictionary<string, (string Role, string Partner, string Name)> Accounts = new Dictionary<string, (string, string, string)>
    {
        ["beheerder"] = (Roles.Administrator, "RIEC-ON", "Beheerder RIEC (demo)"),
        ["analist"] = (Roles.RiecAnalyst, "RIEC-ON", "Analist RIEC (demo)"),
        ["coordinator"] = (Roles.MunicipalCoordinator, "GEM-ENSCHEDE", "Coördinator mensenhandel Enschede (demo)"),
        ["casusoverleg"] = (Roles.CaseMeetingMember, "POL-ON", "Expert mensenhandel politie (demo)"),
        ["officier"] = (Roles.CaseMeetingMember, "OM-ON", "Officier van justitie mensenhandel (demo)"),
        ["melder"] = (Roles.PartnerContributor, "GGD-TW", "Melder GGD Twente (demo)"),
        ["fg"] = (Roles.DataProtectionOfficer, "RIEC-ON", "Functionaris gegevensbescherming (demo)"),
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");

        if (storage.Value.Provider != StorageProvider.Sqlite || !demo.Value.IsEnabledFor(storage.Value.Provider)) return;
        var configured = demo.Value.Password;
        if (!string.IsNullOrEmpty(configured))
        {
            var problems = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new ApplicationUser(), configured);
                problems.AddRange(result.Errors.Select(e => e.Description));
            }
            if (problems.Count > 0)
                throw new InvalidOperationException("Demo:Password does not meet the password policy: " + string.Join(" ", problems));
        }

        string? generated = null;
        foreach (var (name, (role, partnerCode, display)) in Accounts)
        {
            var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Code == partnerCode, cancellationToken);
            if (partner is null) continue; // a store without the demo region's partners gets no demo accounts
            var user = await users.FindByNameAsync(name);
            var password = configured ?? (generated ??= GeneratePassword());
            if (user is null)
            {
                user = new ApplicationUser { UserName = name, DisplayName = display, PartnerId = partner.Id, IsDemoUser = true, EmailConfirmed = true, LockoutEnabled = true };
                Check(await users.CreateAsync(user, password), $"demo user {name}");
                Check(await users.AddToRoleAsync(user, role), $"role of {name}");
            }
            else if (configured is not null && !await users.CheckPasswordAsync(user, configured))
            {
                Check(await users.RemovePasswordAsync(user), $"password of {name}");
                Check(await users.AddPasswordAsync(user, configured), $"password of {name}");
            }
            else
            {
                generated = null; // existing accounts keep the password printed when they were made
            }
        }
        if (generated is not null)
        {
            var message = $"Demo accounts ({string.Join(", ", Accounts.Keys)}) created with password: {generated}  (shown once; set Demo:Password to choose one)";
            Console.WriteLine(message);
            log.LogWarning("{Message}", message);
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return "Demo-" + new string(chars.ToArray()) + "-9a";
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
