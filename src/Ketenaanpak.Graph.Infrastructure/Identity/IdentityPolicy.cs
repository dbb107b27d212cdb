using Microsoft.AspNetCore.Identity;

namespace Ketenaanpak.Graph.Infrastructure.Identity;

/// <summary>The account rules, shared by the web app's sign-in and the CLI that creates accounts.</summary>
public static class IdentityPolicy
{
    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.SignIn.RequireConfirmedAccount = false;
    }
}
