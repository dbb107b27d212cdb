namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>One statement of one side of a pair: the value with its source partner and grading, or only whom to ask.</summary>
public sealed record PairStatementDto(string Property, string Label, string? Value, string SourcePartner, string? Grading, string? AskPartner);

/// <summary>One side of a candidate pair.</summary>
public sealed record PairSideDto(string Id, string Label, IReadOnlyList<PairStatementDto> Statements);

/// <summary>A candidate pair in the queue: both sides, the score and the reasons, its status.</summary>
public sealed record CandidateDto(string Id, PairSideDto A, PairSideDto B, double Score, IReadOnlyList<string> Reasons, string Status);

/// <summary>A pair the decision graph now decides without having been asked (shown after a judgement).</summary>
public sealed record InferredDto(string A, string B, string Verdict, string Explanation);

/// <summary>A "same" judgement that merged two entities, which an analyst may undo (ontkoppelen).</summary>
public sealed record MergedPairDto(string A, string ALabel, string B, string BLabel, string JudgedBy, DateTimeOffset JudgedAt);

/// <summary>What the queue page and <c>GET /api/resolution/candidates</c> show.</summary>
public sealed record ResolutionQueueDto(IReadOnlyList<CandidateDto> Candidates, int Open, IReadOnlyList<MergedPairDto> Merged);

/// <summary>The outcome of a judgement: refused (with the Dutch reason) or saved, with what follows from it.</summary>
public sealed record JudgementResultDto(bool Saved, string? Refusal, IReadOnlyList<InferredDto> Inferred);
