using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.Resolution;

/// <summary>Where a candidate pair stands in the analysts' queue.</summary>
public enum CandidateStatus
{
    /// <summary>Waiting for a judgement.</summary>
    Open = 1,
    /// <summary>Judged "weet niet": stays visible, at the end of the queue.</summary>
    Unsure = 2,
    /// <summary>Same or not the same, directly or by inference: never asked again.</summary>
    Decided = 3,
}

/// <summary>
/// A pair of persons the resolver found alike, waiting for an analyst: the score and the reasons (Dutch, one per
/// property) as the resolver gave them. One row per pair (NodeA &lt; NodeB), so a pair is never queued twice.
/// </summary>
public sealed class ResolutionCandidate
{
    public const int MaxReasonsLength = 2000;

    private ResolutionCandidate() { Reasons = ""; }

    public ResolutionCandidate(NodeId a, NodeId b, double score, IEnumerable<string> reasons, DateTimeOffset foundAt)
    {
        if (a == b) throw new DomainException("Een entiteit kan niet met zichzelf worden vergeleken.");
        (NodeA, NodeB) = DecisionGraph.Ordered(a, b);
        Id = Guid.CreateVersion7();
        Score = score;
        var text = string.Join('\n', reasons);
        Reasons = text.Length > MaxReasonsLength ? text[..MaxReasonsLength] : text;
        FoundAt = foundAt;
        Status = CandidateStatus.Open;
    }

    public Guid Id { get; private set; }
    public NodeId NodeA { get; private set; }
    public NodeId NodeB { get; private set; }
    public double Score { get; private set; }
    /// <summary>The reasons, one per line.</summary>
    public string Reasons { get; private set; }
    public DateTimeOffset FoundAt { get; private set; }
    public CandidateStatus Status { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<string> ReasonList => Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void MarkDecided(DateTimeOffset at) { Status = CandidateStatus.Decided; DecidedAt = at; Version++; }

    public void MarkUnsure(DateTimeOffset at) { Status = CandidateStatus.Unsure; DecidedAt = at; Version++; }

    /// <summary>Back in the queue (after an unmerge made the pair open again).</summary>
    public void Reopen() { Status = CandidateStatus.Open; DecidedAt = null; Version++; }
}

/// <summary>
/// One analyst judgement (zelfde / niet dezelfde / weet niet), kept forever as part of the decision graph; an unmerge
/// withdraws a "same" judgement (who, when) instead of deleting it.
/// </summary>
public sealed class ResolutionJudgement
{
    public const int MaxNoteLength = 1000;

    private ResolutionJudgement() { JudgedBy = JudgedByName = ""; }

    public ResolutionJudgement(NodeId a, NodeId b, Verdict verdict, string judgedBy, string judgedByName, DateTimeOffset at, string? note)
    {
        if (a == b) throw new DomainException("Een entiteit kan niet met zichzelf worden vergeleken.");
        if (!Enum.IsDefined(verdict)) throw new DomainException("Kies zelfde, niet dezelfde of weet niet.", nameof(Verdict));
        if (note is { Length: > MaxNoteLength }) throw new DomainException($"De toelichting is te lang (maximaal {MaxNoteLength} tekens).", nameof(Note));
        (NodeA, NodeB) = DecisionGraph.Ordered(a, b);
        Id = Guid.CreateVersion7();
        Verdict = verdict;
        JudgedBy = judgedBy;
        JudgedByName = judgedByName;
        JudgedAt = at;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public Guid Id { get; private set; }
    public NodeId NodeA { get; private set; }
    public NodeId NodeB { get; private set; }
    public Verdict Verdict { get; private set; }
    public string JudgedBy { get; private set; }
    public string JudgedByName { get; private set; }
    public DateTimeOffset JudgedAt { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public bool IsActive => WithdrawnAt is null;

    public void Withdraw(string by, DateTimeOffset at)
    {
        if (WithdrawnAt is not null) throw new DomainException("Dit oordeel is al ingetrokken.");
        WithdrawnBy = by;
        WithdrawnAt = at;
    }
}
