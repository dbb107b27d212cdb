namespace Ketenaanpak.Graph.Application.Barriers;

/// <summary>
/// The barrier plan of a dossier as one reader may see it (GET /api/dossiers/{number}/barrier-plan): only what the reader
/// may see is counted; hidden entities are neither named nor counted. <see cref="CompleteSeparation"/>: the secondary
/// answer, the fewest facilitators that cut every victim off from every perpetrator, where that exists (it rarely does:
/// direct ties prevent it).
/// </summary>
public sealed record BarrierPlanDto(
    string Dossier,
    int Budget,
    int Perpetrators,
    int Victims,
    int Facilitators,
    int Dependencies,
    int Broken,
    bool Optimal,
    string Method,
    string Summary,
    IReadOnlyList<BarrierPhaseDto> Phases,
    IReadOnlyList<FacilitatorShareDto> Ranking,
    IReadOnlyList<PlannedBarrierDto> Plan,
    IReadOnlyList<DirectTieDto> DirectTies,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string>? CompleteSeparation);

/// <param name="Sentence">The phase in one plain Dutch sentence ("Huisvesting — 6 van de 9 slachtoffers zijn via … bereikbaar voor de daders").</param>
public sealed record BarrierPhaseDto(string Code, int Order, string Name, string BarrierOwners, int Dependencies, int Broken,
    IReadOnlyList<string> DependentVictims, IReadOnlyList<string> BrokenVictims, string Sentence);

/// <param name="PhaseRecorded">True when an analyst recorded the phase for this dossier; false when it is the app's suggestion.</param>
/// <param name="Explanation">Why the score is what it is, in Dutch: which victims, which phase, what barring it alone breaks.</param>
public sealed record FacilitatorShareDto(string Id, string Label, string? Kind, string? Phase, string PhaseName, bool PhaseRecorded,
    string PhaseReason, double Score, int BreaksAlone, IReadOnlyList<string> VictimsBrokenAlone, double AlternativeShare, bool InPlan,
    string? Owner, string Explanation);

public sealed record PlannedBarrierDto(string Id, string Label, string Phase, string PhaseName, string? Owner, string? OwnerCode,
    int? OwnerCapacityLeft, IReadOnlyList<string> Breaks);

public sealed record DirectTieDto(string PerpetratorId, string Perpetrator, string VictimId, string Victim);

/// <summary>What barring the ticked facilitators would break, per phase (the what-if beside the boxes).</summary>
public sealed record BarrierWhatIfDto(IReadOnlyList<string> Barred, int Dependencies, int Broken, IReadOnlyList<PhaseBrokenDto> Phases, string Sentence);

public sealed record PhaseBrokenDto(string Code, string Name, int Dependencies, int Broken, IReadOnlyList<string> BrokenVictims);
