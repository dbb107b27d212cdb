namespace Ketenaanpak.Graph.Domain.Dossiers;

/// <summary>
/// What the workflow needs to know about a dossier beyond its own fields: collected by the use case from the store.
/// </summary>
/// <param name="MembersWithoutSource">Captions of members whose role has no source (no signal and no reference).</param>
/// <param name="MembersWithoutApproach">Captions of perpetrators, victims and facilitators the current weighing gives no
/// approach.</param>
/// <param name="SignalsAwaitingConsent">Numbers of criminal-law signals from investigating partners without the public
/// prosecutor's recorded consent.</param>
/// <param name="InterventionsAccepted">Interventions a partner accepted (accepted, in progress or done).</param>
/// <param name="InterventionsOpen">Interventions proposed, accepted or in progress: not yet finished.</param>
public sealed record WorkflowFacts(
    int Signals,
    int Perpetrators,
    int Victims,
    int Facilitators,
    IReadOnlyList<string> MembersWithoutSource,
    IReadOnlyList<string> MembersWithoutApproach,
    IReadOnlyList<string> SignalsAwaitingConsent,
    bool HasWeighing,
    bool HasPlanOfApproach,
    int InterventionsAccepted,
    int InterventionsOpen,
    bool HasEvaluation);

/// <summary>
/// The guards of the chain process (domain.md §2): a dossier moves one step forward when what that step needs is there,
/// or one step back with a reason; each refusal says, in the coordinator's words, what is missing.
/// </summary>
public static class DossierWorkflow
{
    /// <summary>The steps a dossier in <paramref name="stage"/> may move to: the next and the previous one.</summary>
    public static IReadOnlyList<DossierStage> Moves(DossierStage stage)
    {
        var moves = new List<DossierStage>(2);
        if (stage < DossierStage.Closed) moves.Add(stage + 1);
        if (stage > DossierStage.Detection) moves.Add(stage - 1);
        return moves;
    }

    /// <summary>What keeps the dossier from moving; empty when the move is allowed.</summary>
    public static IReadOnlyList<string> Missing(DossierStage from, DossierStage to, WorkflowFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (to == from) return [$"Het dossier staat al in de stap {from.Dutch()}."];
        if (!Enum.IsDefined(to)) return ["Deze stap bestaat niet."];
        if (to < from)
            return to == from - 1 ? [] : [$"Ga één stap tegelijk terug: eerst naar {(from - 1).Dutch()}."];
        if (to != from + 1) return [$"Sla geen stap over: eerst {(from + 1).Dutch()}."];
        var missing = new List<string>();
        switch (to)
        {
            case DossierStage.DossierFormation:
                if (facts.Signals == 0 && facts.Perpetrators + facts.Victims + facts.Facilitators == 0)
                    missing.Add("Koppel eerst minstens één signaal of betrokkene aan het dossier.");
                break;
            case DossierStage.WeighingAndQualification:
                if (facts.Perpetrators + facts.Facilitators == 0)
                    missing.Add("Voor de weging is minstens één dader of faciliteerder in het dossier nodig.");
                if (facts.MembersWithoutSource.Count > 0)
                    missing.Add($"De bron (signaal of referentie) ontbreekt bij: {List(facts.MembersWithoutSource)}.");
                if (facts.SignalsAwaitingConsent.Count > 0)
                    missing.Add("Strafrechtelijke informatie van een opsporingspartner komt pas in het casusoverleg na " +
                                $"toestemming van de officier van justitie. Die ontbreekt voor signaal {List(facts.SignalsAwaitingConsent)}.");
                break;
            case DossierStage.Assignment:
                if (!facts.HasWeighing)
                    missing.Add("Leg eerst de weging vast: de criteria en de prioriteit.");
                else if (facts.MembersWithoutApproach.Count > 0)
                    missing.Add($"Kies in de weging een aanpak voor: {List(facts.MembersWithoutApproach)}.");
                if (facts.HasWeighing && !facts.HasPlanOfApproach)
                    missing.Add("Beschrijf in de weging het plan van aanpak en het beoogde resultaat.");
                break;
            case DossierStage.Execution:
                if (facts.InterventionsAccepted == 0)
                    missing.Add("Er is nog geen interventie die een partner heeft geaccepteerd.");
                break;
            case DossierStage.Evaluation:
                if (facts.InterventionsOpen > 0)
                    missing.Add(facts.InterventionsOpen == 1
                        ? "Er loopt nog één interventie of er wacht er één op antwoord van de partner."
                        : $"Er lopen nog {facts.InterventionsOpen} interventies of ze wachten op antwoord van de partner.");
                break;
            case DossierStage.Closed:
                if (!facts.HasEvaluation)
                    missing.Add("Schrijf eerst de slotevaluatie van het dossier.");
                break;
        }
        return missing;
    }

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= 5 ? string.Join(", ", items) : $"{string.Join(", ", items.Take(5))} en {items.Count - 5} andere";
}
