using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Security;

/// <summary>What a user may learn of one fact.</summary>
public enum FactAccess
{
    /// <summary>The content may be shown.</summary>
    Readable = 1,
    /// <summary>Only that a fact exists and which partner to ask (domain.md §7).</summary>
    AskPartner = 2,
    /// <summary>Nothing at all, not even its existence (non-covenant partners, other compartments).</summary>
    Hidden = 3,
}

/// <summary>The facts of a dossier the policy needs: who owns it, where it plays, with whom the case meeting shared it.</summary>
public sealed record DossierAccessInfo(DossierId Id, PartnerId Owner, string LeadMunicipalityCode, IReadOnlyCollection<PartnerId> SharedWith)
{
    /// <summary>What the access policy needs of a dossier loaded with its shares.</summary>
    public static DossierAccessInfo Of(Domain.Dossiers.Dossier d) =>
        new(d.Id, d.OwnerPartnerId, d.LeadMunicipalityCode, d.Shares.Select(s => s.PartnerId).ToList());
}

/// <summary>
/// The one access policy (domain.md §7). Pure: every page, API, search, export, alert and the analytics snapshot ask
/// these functions, so a rule changes in one place. The rules:
/// <list type="bullet">
/// <item>Non-covenant partners submit signals and read their own signals and the feedback; nothing of the network.</item>
/// <item>RIEC analysts and administrators (the central point) see every dossier; others see the dossiers of their own
/// organisation, those the case meeting shared with them, and — a municipal coordinator — those of their municipality.</item>
/// <item>Facts under the police data act (Wpg) are readable by police, OM and the RIEC (provided to the RIEC under the
/// covenant, art. 20 Wpg); facts under the justice data act (Wjsg) and facts with handling code H4 by police and OM only.
/// Others see that the fact exists and whom to ask. H3 facts only by their source partner; H2 facts only by the
/// dossier's team.</item>
/// <item>Victims are pseudonymised for anyone outside the team of a dossier in which they are a victim.</item>
/// <item>The data-protection officer reads the audit log and data-subject reports, not the network.</item>
/// </list>
/// </summary>
public static class AccessPolicy
{
    public static bool MayReadNetwork(Actor actor) =>
        actor.IsSystem || (actor.IsCovenantPartner && actor.Role is Roles.Administrator or Roles.RiecAnalyst or Roles.MunicipalCoordinator or Roles.CaseMeetingMember);

    public static bool SeesAllDossiers(Actor actor) =>
        actor.IsSystem || (actor.PartnerKind == PartnerKind.Riec && actor.Role is Roles.Administrator or Roles.RiecAnalyst);

    public static bool MayReadDossier(Actor actor, DossierAccessInfo dossier) =>
        MayReadNetwork(actor) && (SeesAllDossiers(actor)
            || dossier.Owner == actor.PartnerId
            || dossier.SharedWith.Contains(actor.PartnerId)
            || (actor.Role == Roles.MunicipalCoordinator && actor.MunicipalityCode == dossier.LeadMunicipalityCode));

    /// <summary>
    /// Extending a dossier's retention is a decision for the analyst or coordinator who works the case (domain.md §7),
    /// not for every reader: case-meeting members and administrators read, but do not decide how long data is kept.
    /// </summary>
    public static bool MayExtendRetention(Actor actor, DossierAccessInfo dossier) =>
        !actor.IsSystem && actor.Role is Roles.RiecAnalyst or Roles.MunicipalCoordinator && MayReadDossier(actor, dossier);

    /// <summary>Data-subject requests (inzageverzoeken) go to one contact point: the data-protection officer.</summary>
    public static bool MayAnswerDataSubjectRequests(Actor actor) => actor.Role == Roles.DataProtectionOfficer;

    /// <summary>Police and OM read facts processed under the police and justice data acts.</summary>
    public static bool MayReadPoliceAndJustice(Actor actor) =>
        actor.IsSystem || actor.PartnerKind is PartnerKind.Police or PartnerKind.PublicProsecutor;

    /// <param name="inDossierTeam">Whether the actor is in the team of a dossier the fact belongs to.</param>
    public static FactAccess ForFact(Actor actor, Provenance fact, bool inDossierTeam)
    {
        if (!MayReadNetwork(actor)) return FactAccess.Hidden;
        if (actor.IsSystem || fact.SourcePartner == actor.PartnerId) return FactAccess.Readable;
        if (fact.HandlingCode == HandlingCode.PoliceAndJustice || fact.LegalBasis == LegalBasis.JusticeDataAct)
            return MayReadPoliceAndJustice(actor) ? FactAccess.Readable : FactAccess.AskPartner;
        if (fact.LegalBasis == LegalBasis.PoliceDataAct && !MayReadPoliceAndJustice(actor) && actor.PartnerKind != PartnerKind.Riec)
            return FactAccess.AskPartner;
        return fact.HandlingCode switch
        {
            HandlingCode.SourceOnly => FactAccess.AskPartner,
            HandlingCode.DossierTeam => inDossierTeam || SeesAllDossiers(actor) ? FactAccess.Readable : FactAccess.AskPartner,
            _ => FactAccess.Readable,
        };
    }

    /// <param name="inTeamOfAVictimDossier">Whether the actor may read a dossier in which this node is a victim.</param>
    public static bool ShowVictimPseudonymised(Actor actor, bool inTeamOfAVictimDossier) => !actor.IsSystem && !inTeamOfAVictimDossier;

    /// <summary>The statements that name a person: left out wherever the person is shown pseudonymised.</summary>
    public static readonly IReadOnlySet<string> PseudonymisedProperties = new HashSet<string>(StringComparer.Ordinal) { "firstName", "lastName", "alias", "birthDate" };

    /// <summary>A stable pseudonym for a victim node ("Slachtoffer S-3F2A91"): the same node always gets the same one.</summary>
    public static string VictimPseudonym(NodeId node) => $"Slachtoffer S-{node.Value.ToString("N")[^6..].ToUpperInvariant()}";

    /// <summary>Whether a signal's content may be read: its own reporter's organisation, or network readers.</summary>
    public static bool MayReadSignal(Actor actor, PartnerId reportingPartner) =>
        actor.IsSystem || reportingPartner == actor.PartnerId || MayReadNetwork(actor);
}
