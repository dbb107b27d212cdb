using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Partners;

namespace Ketenaanpak.Graph.Application.Reports;

/// <summary>
/// Who may read the yearly report, and over what (ADR-012). The report holds aggregates only, but aggregates of a small
/// municipality can still point at people, so the scope follows the dossier rules of <see cref="AccessPolicy"/>:
/// <list type="bullet">
/// <item>RIEC analysts and administrators (the central point, who see every dossier) and case-meeting members (who
/// account to the district safety meeting together with the RIEC) read the whole region.</item>
/// <item>A municipal coordinator reads the figures of their own municipality: signals observed there, dossiers that
/// play there, and the persons and interventions of those dossiers.</item>
/// <item>Non-covenant partners, partner contributors and the data-protection officer read no report: they read no
/// network or dossiers either.</item>
/// </list>
/// </summary>
public static class ReportAccess
{
    public static ReportScope? ScopeFor(Actor actor)
    {
        if (!AccessPolicy.MayReadNetwork(actor)) return null;
        if (AccessPolicy.SeesAllDossiers(actor) || actor.Role == Roles.CaseMeetingMember) return new ReportScope(null, "Regio Twente");
        if (actor.Role == Roles.MunicipalCoordinator && Municipality.Find(actor.MunicipalityCode) is { } m)
            return new ReportScope(m.Code, "Gemeente " + m.Name);
        return null;
    }
}
