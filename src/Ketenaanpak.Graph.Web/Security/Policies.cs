using Ketenaanpak.Graph.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace Ketenaanpak.Graph.Web.Security;

/// <summary>
/// Named authorisation policies. Every endpoint names one (or AllowAnonymous): the authorisation-matrix test fails on
/// an endpoint without, so nothing becomes reachable by forgetting an attribute. Finer rules (which dossier, which
/// fact) are the <see cref="AccessPolicy"/>'s, applied inside the use cases.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user, including partner contributors (their own signals and feedback).</summary>
    public const string SignedIn = "SignedIn";
    /// <summary>Covenant roles that read dossiers and the network.</summary>
    public const string Network = "Network";
    /// <summary>The data-protection officer.</summary>
    public const string AuditLog = "AuditLog";
    /// <summary>Data-subject requests (inzage): the data-protection officer is the one contact point (domain.md §7).</summary>
    public const string DataSubjectRequests = "DataSubjectRequests";
    /// <summary>Bulk import of network files: RIEC analysts (the central collection point) and administrators.</summary>
    public const string Import = "Import";
    /// <summary>Filing signals and reading one's own back: every role that observes in the field (issue 6.1) — partner
    /// contributors (also of non-covenant partners), coordinators, analysts and case-meeting members.</summary>
    public const string ReportSignals = "ReportSignals";
    /// <summary>Entity resolution (/koppelen): RIEC analysts of a covenant partner judge candidate pairs; the service
    /// further requires that they may see both entities.</summary>
    public const string Resolution = "Resolution";
    /// <summary>Administrators: users, jobs, configuration.</summary>
    public const string Administration = "Administration";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Network, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Administrator, Roles.RiecAnalyst, Roles.MunicipalCoordinator, Roles.CaseMeetingMember)
            .RequireClaim(ActorClaims.Covenant, "true"));
        options.AddPolicy(AuditLog, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataProtectionOfficer));
        options.AddPolicy(DataSubjectRequests, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataProtectionOfficer));
        options.AddPolicy(Import, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.RiecAnalyst));
        options.AddPolicy(ReportSignals, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.PartnerContributor, Roles.MunicipalCoordinator, Roles.RiecAnalyst, Roles.CaseMeetingMember));
        options.AddPolicy(Resolution, p => p.RequireAuthenticatedUser().RequireRole(Roles.RiecAnalyst).RequireClaim(ActorClaims.Covenant, "true"));
        options.AddPolicy(Administration, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        // Anything without an explicit policy still needs a signed-in user.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
