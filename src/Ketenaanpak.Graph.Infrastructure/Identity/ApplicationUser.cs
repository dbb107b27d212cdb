using Ketenaanpak.Graph.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Ketenaanpak.Graph.Infrastructure.Identity;

/// <summary>An account. It belongs to exactly one partner organisation and has exactly one role (Roles).</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public PartnerId PartnerId { get; set; }
    /// <summary>Demo accounts exist only in the embedded demo mode; they are never created in server mode.</summary>
    public bool IsDemoUser { get; set; }
}
