namespace Ketenaanpak.Graph.Application.Security;

/// <summary>
/// The roles of the product (issue: who may see what). A user has exactly one role and belongs to one partner
/// organisation; what the role may do is decided in one place, the access policy.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string RiecAnalyst = "RiecAnalyst";
    public const string MunicipalCoordinator = "MunicipalCoordinator";
    public const string CaseMeetingMember = "CaseMeetingMember";
    public const string PartnerContributor = "PartnerContributor";
    public const string DataProtectionOfficer = "DataProtectionOfficer";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, RiecAnalyst, MunicipalCoordinator, CaseMeetingMember, PartnerContributor, DataProtectionOfficer];

    public static string Dutch(string role) => role switch
    {
        Administrator => "Beheerder",
        RiecAnalyst => "RIEC-analist",
        MunicipalCoordinator => "Gemeentelijk coördinator",
        CaseMeetingMember => "Lid casusoverleg",
        PartnerContributor => "Melder (partner)",
        DataProtectionOfficer => "Functionaris gegevensbescherming",
        _ => role,
    };
}
