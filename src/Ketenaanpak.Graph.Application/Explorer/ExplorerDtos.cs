using Ketenaanpak.Graph.Application.Network;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <summary>A node as the explorer draws and filters it: the network DTO's fields plus source partner and grading.</summary>
/// <param name="Role">perpetrator, victim, facilitator, other or unknown (over the dossiers the user may read).</param>
/// <param name="Grading">Grading code of the node's own registration, e.g. "B2" (lower is better).</param>
/// <param name="Phase">Barrier phase code for a facilitator (derived from kind and relations), else null.</param>
public sealed record ExplorerNodeData(string Id, string Label, string? Kind, string KindLabel, string Role, bool Cuttable,
    bool Pseudonymised, string? Partner, string? Grading, string? Phase);

/// <param name="Id">Stable over requests: source|target|type|n, n the ordinal among parallel edges of that type.</param>
/// <param name="From">Validity start (yyyy-MM-dd) or null when open.</param>
public sealed record ExplorerEdgeData(string Id, string Source, string Target, string Type, string Label, double Weight,
    string? From, string? To);

/// <summary>Cytoscape-shaped elements; <see cref="More"/> neighbours were left out by the cap ("meer tonen").</summary>
public sealed record ExplorerGraphDto(IReadOnlyList<ElementDto<ExplorerNodeData>> Nodes, IReadOnlyList<ElementDto<ExplorerEdgeData>> Edges, int More);

public sealed record PathDto(IReadOnlyList<string> Nodes, IReadOnlyList<string> Edges, double Length);

/// <summary>Shortest and k shortest loopless paths, and the elements on them.</summary>
public sealed record PathsDto(string From, string To, IReadOnlyList<PathDto> Paths, ExplorerGraphDto Elements);

/// <summary>One pair whose shortest paths run through the node: <see cref="Share"/> = σ_st(v)/σ_st.</summary>
public sealed record CentralPathDto(string From, string FromLabel, string To, string ToLabel, double Share, PathDto Example);

/// <summary>Why a node is central: its betweenness in its neighbourhood of <see cref="Radius"/> steps and the pairs
/// that contribute most to it.</summary>
public sealed record CentralPathsDto(string Node, int Radius, int NeighbourhoodSize, double LocalBetweenness,
    IReadOnlyList<CentralPathDto> Paths, ExplorerGraphDto Elements);

/// <summary>The dossier's graph for the barrier view, with the facilitators' phase, awareness and barrier owner.</summary>
public sealed record DossierGraphDto(string Dossier, string Title, ExplorerGraphDto Elements, IReadOnlyList<FacilitatorDetailDto> Facilitators,
    IReadOnlyList<PhaseDto> Phases);

public sealed record FacilitatorDetailDto(string Id, string? Phase, string PhaseName, string BarrierOwner, string Awareness);

public sealed record PhaseDto(string Code, int Order, string Name, string BarrierOwners);

/// <summary>What-if: the victims that lose every connection to a perpetrator when the given facilitators are barred.</summary>
public sealed record WhatIfDto(IReadOnlyList<string> Removed, int PairsBefore, int PairsLost, IReadOnlyList<string> VictimsCutOff,
    IReadOnlyList<string> VictimLabels);
