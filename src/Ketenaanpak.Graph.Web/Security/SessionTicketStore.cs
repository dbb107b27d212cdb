using System.Security.Claims;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Web.Security;

/// <summary>
/// Server-side sessions for the sign-in cookie (issue 14.9): the cookie carries a random key, the ticket lives in the
/// store (<see cref="SignInSession"/>). Signing out removes it, so the cookie is worthless from that moment — replayed
/// by whoever copied it, it signs in nobody. Expired sessions are removed as they are met and at each new sign-in.
/// </summary>
public sealed class SessionTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("Ketenaanpak.Graph.SignInSessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var now = clock.GetUtcNow();
        await db.Set<SignInSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.Add(new SignInSession(key, ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", Protect(ticket), Expiry(ticket)));
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var session = await db.Set<SignInSession>().SingleOrDefaultAsync(s => s.Key == key);
        if (session is null) return; // signed out meanwhile: stays out
        session.Renew(Protect(ticket), Expiry(ticket));
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var session = await db.Set<SignInSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == key);
        if (session is null || session.ExpiresAt < clock.GetUtcNow()) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // protected with a key this instance no longer has: sign in again
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        await db.Set<SignInSession>().Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DateTimeOffset Expiry(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8);
}
