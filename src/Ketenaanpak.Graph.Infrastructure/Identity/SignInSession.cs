using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ketenaanpak.Graph.Infrastructure.Identity;

/// <summary>
/// One signed-in session, kept on the server (the cookie holds only its key). Signing out deletes it, so a copied
/// cookie replayed afterwards finds nothing: the session is over at once, on every instance.
/// </summary>
public sealed class SignInSession
{
    private SignInSession() { Key = UserId = ""; Ticket = []; }

    public SignInSession(string key, string userId, byte[] ticket, DateTimeOffset expiresAt)
    {
        Key = key;
        UserId = userId;
        Ticket = ticket;
        ExpiresAt = expiresAt;
    }

    public string Key { get; private set; }
    public string UserId { get; private set; }
    /// <summary>The authentication ticket, serialised and protected by ASP.NET Core data protection.</summary>
    public byte[] Ticket { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public void Renew(byte[] ticket, DateTimeOffset expiresAt)
    {
        Ticket = ticket;
        ExpiresAt = expiresAt;
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> e)
    {
        e.ToTable("sign_in_sessions");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(64);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.HasIndex(x => x.UserId);
        e.HasIndex(x => x.ExpiresAt);
    }
}
