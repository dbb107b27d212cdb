using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;

namespace Ketenaanpak.Graph.Application.Security;

/// <summary>
/// Who is acting: the signed-in user (web), or the system (jobs, CLI). Every use case that reads or changes personal
/// data receives one, checks it against the access policy and names it in the audit log.
/// </summary>
/// <param name="UserId">Stable id of the account (Identity user id), or "system:&lt;job&gt;".</param>
/// <param name="UserName">Sign-in name shown in the audit log.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="PartnerId">The partner organisation the user belongs to.</param>
/// <param name="PartnerKind">Kind of that partner (police and OM read Wpg/Wjsg facts).</param>
/// <param name="IsCovenantPartner">Whether that partner signed the RIEC covenant.</param>
/// <param name="MunicipalityCode">For a municipal coordinator: the municipality (CBS code).</param>
public sealed record Actor(string UserId, string UserName, string Role, PartnerId PartnerId, PartnerKind PartnerKind,
    bool IsCovenantPartner, string? MunicipalityCode)
{
    /// <summary>The system itself (jobs, CLI): may see everything, and is named as such in the audit log.</summary>
    public static Actor System(string what) => new($"system:{what}", $"systeem ({what})", Roles.Administrator, default, PartnerKind.Riec, true, null);

    public bool IsSystem => UserId.StartsWith("system:", StringComparison.Ordinal);
}

/// <summary>The current actor of a request or job.</summary>
public interface ICurrentActor
{
    /// <summary>The signed-in actor; throws when nobody is signed in (pages without sign-in never ask).</summary>
    Actor Actor { get; }
}
