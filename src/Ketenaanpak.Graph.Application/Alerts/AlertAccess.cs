using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>What the access policy needs of one node: its source, handling and basis, and the dossiers it is in.</summary>
public sealed record NodeAccessFact(NodeId Id, PartnerId Partner, HandlingCode Handling, LegalBasis Basis, IReadOnlyCollection<DossierAccessInfo> Dossiers,
    IReadOnlyCollection<DossierAccessInfo> VictimIn);

/// <summary>What the access policy needs of one relation.</summary>
public sealed record RelationAccessFact(RelationId Id, NodeId Source, NodeId Target, PartnerId Partner, HandlingCode Handling, LegalBasis Basis);

/// <summary>The alert's own facts that decide who sees it besides those who see its trigger nodes.</summary>
public sealed record AlertAudience(bool Urgent, string? MunicipalityCode, IReadOnlyCollection<string> Recipients);

/// <summary>
/// Who sees an alert, pure over facts loaded from the store. The rule is the network's (the same one
/// <see cref="Analytics.ViewerAccess"/> applies to the snapshot): a user sees an alert only if every trigger node is in
/// their network; the subgraph shows only the nodes and relations they may read, so nothing hidden leaks through an
/// alert, its count or its subgraph. An urgent alert also goes to the police contact and to the coordinator of the
/// signal's municipality, who must act at once (issue 6 §5).
/// </summary>
public static class AlertAccess
{
    /// <summary>Alerts are for the covenant roles that read the network; partner contributors and the FG see none.</summary>
    public static bool MayUseAlerts(Actor actor) => AccessPolicy.MayReadNetwork(actor);

    /// <summary>Who may change status, assign and add to a dossier: the people who work cases.</summary>
    public static bool MayAct(Actor actor) =>
        !actor.IsSystem && MayUseAlerts(actor) && actor.Role is Roles.RiecAnalyst or Roles.MunicipalCoordinator or Roles.CaseMeetingMember;

    /// <summary>Asking for an ad-hoc case meeting is the RIEC analyst's (process support of the case meeting).</summary>
    public static bool MayRequestCaseMeeting(Actor actor) => !actor.IsSystem && actor.Role == Roles.RiecAnalyst && MayUseAlerts(actor);

    /// <summary>Rules are configured by administrators and RIEC analysts.</summary>
    public static bool MayConfigureRules(Actor actor) =>
        !actor.IsSystem && actor.Role is Roles.Administrator or Roles.RiecAnalyst && actor.IsCovenantPartner;

    public static bool InTeam(Actor actor, NodeAccessFact node) => node.Dossiers.Any(d => AccessPolicy.MayReadDossier(actor, d));

    public static bool NodeVisible(Actor actor, NodeAccessFact node)
    {
        if (!MayUseAlerts(actor)) return false;
        var inTeam = InTeam(actor, node);
        if (!AccessPolicy.SeesAllDossiers(actor) && !inTeam && node.Partner != actor.PartnerId) return false;
        return AccessPolicy.ForFact(actor, Fact(node.Partner, node.Handling, node.Basis), inTeam) == FactAccess.Readable;
    }

    public static bool RelationVisible(Actor actor, RelationAccessFact relation, IReadOnlyDictionary<NodeId, NodeAccessFact> nodes)
    {
        if (!nodes.TryGetValue(relation.Source, out var s) || !nodes.TryGetValue(relation.Target, out var t)) return false;
        if (!NodeVisible(actor, s) || !NodeVisible(actor, t)) return false;
        return AccessPolicy.ForFact(actor, Fact(relation.Partner, relation.Handling, relation.Basis), InTeam(actor, s) || InTeam(actor, t)) == FactAccess.Readable;
    }

    /// <summary>Whether the actor is one of those an urgent alert goes to at once.</summary>
    public static bool IsUrgentAudience(Actor actor, AlertAudience audience) =>
        audience.Urgent && MayUseAlerts(actor) && (audience.Recipients.Contains(actor.UserId)
            || (actor.Role == Roles.MunicipalCoordinator && actor.MunicipalityCode is not null && actor.MunicipalityCode == audience.MunicipalityCode)
            || (actor.PartnerKind == PartnerKind.Police && actor.Role == Roles.CaseMeetingMember));

    public static bool AlertVisible(Actor actor, AlertAudience audience, IReadOnlyCollection<NodeAccessFact> triggers)
    {
        if (!MayUseAlerts(actor)) return false;
        if (actor.IsSystem || IsUrgentAudience(actor, audience)) return true;
        if (triggers.Count == 0) return AccessPolicy.SeesAllDossiers(actor);
        return triggers.All(t => NodeVisible(actor, t));
    }

    /// <summary>Victims are pseudonymised for anyone outside the team of every dossier in which they are a victim.</summary>
    public static bool Pseudonymised(Actor actor, NodeAccessFact node) =>
        !AccessPolicy.SeesAllDossiers(actor) && node.VictimIn.Count > 0
        && AccessPolicy.ShowVictimPseudonymised(actor, node.VictimIn.Any(d => AccessPolicy.MayReadDossier(actor, d)));

    private static Provenance Fact(PartnerId partner, HandlingCode handling, LegalBasis basis) =>
        new(partner, null, null, null, DateTimeOffset.MinValue, Grading.Default, basis, handling, DateOnly.MaxValue);
}
