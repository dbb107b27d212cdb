using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Resolution;

namespace Ketenaanpak.Graph.Domain.Tests.Resolution;

/// <summary>Hand-made cases of the inference rules: A=B, B=C ⇒ A=C; A=B, B≠C ⇒ A≠C; contradictions refused.</summary>
public sealed class DecisionGraphTests
{
    private static readonly NodeId A = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"));
    private static readonly NodeId B = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"));
    private static readonly NodeId C = new(Guid.Parse("00000000-0000-0000-0000-00000000000c"));
    private static readonly NodeId D = new(Guid.Parse("00000000-0000-0000-0000-00000000000d"));
    private static string Label(NodeId id) => id.Value.ToString()[^1..].ToUpperInvariant();

    [Fact]
    public void Status_SameIsTransitive_Inferred()
    {
        var g = new DecisionGraph();
        g.Add(A, B, Verdict.Same);
        g.Add(B, C, Verdict.Same);
        var s = g.Status(A, C, Label);
        Assert.Equal(Verdict.Same, s.Verdict);
        Assert.True(s.Inferred);
        Assert.Contains("A = B = C", s.Explanation);
        Assert.False(g.Status(A, B).Inferred);
    }

    [Fact]
    public void Status_SameThenNotSame_InfersNotSameForTheWholeGroup()
    {
        var g = new DecisionGraph();
        g.Add(A, B, Verdict.Same);
        g.Add(B, C, Verdict.NotSame);
        var s = g.Status(A, C, Label);
        Assert.Equal(Verdict.NotSame, s.Verdict);
        Assert.True(s.Inferred);
        Assert.Equal("afgeleid: A is dezelfde als B, C is dezelfde als C, en B is niet dezelfde als C", s.Explanation);
    }

    [Fact]
    public void Status_NotSameBeforeSame_StillInferredAfterLaterUnion()
    {
        var g = new DecisionGraph();
        g.Add(C, D, Verdict.NotSame);
        g.Add(A, C, Verdict.Same);
        g.Add(B, D, Verdict.Same);
        Assert.Equal(Verdict.NotSame, g.Status(A, B).Verdict);
    }

    [Fact]
    public void Add_SameContradictingInferredNotSame_IsRefusedInDutch()
    {
        var g = new DecisionGraph();
        g.Add(A, B, Verdict.Same);
        g.Add(B, C, Verdict.NotSame);
        var e = Assert.Throws<DomainException>(() => g.Add(A, C, Verdict.Same, Label));
        Assert.StartsWith("Dit oordeel spreekt een eerder oordeel tegen: A en C zijn niet dezelfde", e.Message);
    }

    [Fact]
    public void Add_NotSameContradictingInferredSame_IsRefused()
    {
        var g = new DecisionGraph();
        g.Add(A, B, Verdict.Same);
        g.Add(B, C, Verdict.Same);
        var e = Assert.Throws<DomainException>(() => g.Add(C, A, Verdict.NotSame, Label));
        Assert.Contains("al als dezelfde aangemerkt", e.Message);
    }

    [Fact]
    public void Add_UnsureOnDecidedPair_IsRefused_ButUnsureImpliesNothing()
    {
        var g = new DecisionGraph();
        g.Add(A, B, Verdict.Unsure);
        g.Add(B, C, Verdict.Same);
        Assert.Equal(PairDecision.Unknown, g.Status(A, C));
        Assert.Equal(Verdict.Unsure, g.Status(A, B).Verdict);
        Assert.False(g.Status(A, B).IsDecided);
        Assert.NotNull(g.Refusal(B, C, Verdict.Unsure, Label));
        g.Add(A, B, Verdict.Same); // unsure may later be decided
        Assert.Equal(Verdict.Same, g.Status(A, C).Verdict);
    }

    [Fact]
    public void From_SkipsContradictionsAndKeepsOrder()
    {
        var g = DecisionGraph.From([(A, B, Verdict.Same), (A, B, Verdict.NotSame), (C, D, Verdict.Same)]);
        Assert.Equal(Verdict.Same, g.Status(A, B).Verdict);
        Assert.Equal(2, g.Groups().Count());
        Assert.Equal([A, B], g.Group(B));
    }

    [Fact]
    public void Status_FromManyThreadsAtOnce_ChangesNothingAndAgreesWithOneThread()
    {
        // The entity resolver asks Status per candidate pair inside a Parallel.For. A Status that inserted unknown ids
        // into the union-find dictionary broke it under concurrent use (CI: "destination array was not long enough").
        var g = new DecisionGraph();
        var ids = Enumerable.Range(1, 400).Select(i => new NodeId(new Guid(i, 0, 0, new byte[8]))).ToArray();
        for (int i = 0; i + 1 < 200; i += 2) g.Add(ids[i], ids[i + 1], Verdict.Same);
        for (int i = 0; i + 3 < 200; i += 4) g.Add(ids[i], ids[i + 3], Verdict.NotSame);
        var groupsBefore = g.Groups().Count();
        // Judged ids against each other, and against ids never judged (which the old Status inserted, resizing the
        // dictionary under the other threads' feet).
        var pairs = Enumerable.Range(0, 200_000).Select(k => k % 2 == 0
            ? (ids[k * 7 % 400], ids[k * 13 % 400])
            : (ids[k % 200], new NodeId(new Guid(k, 1, 1, new byte[8])))).ToArray();

        var parallel = new Verdict?[pairs.Length];
        Parallel.For(0, pairs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => parallel[k] = g.Status(pairs[k].Item1, pairs[k].Item2).Verdict);

        Assert.Equal(pairs.Select(p => g.Status(p.Item1, p.Item2).Verdict), parallel);
        Assert.Equal(groupsBefore, g.Groups().Count());
        Assert.Equal([ids[399]], g.Group(ids[399])); // an id never judged stays on its own
    }

    [Fact]
    public void Add_Self_IsRefused() => Assert.Throws<DomainException>(() => new DecisionGraph().Add(A, A, Verdict.Same));
}
