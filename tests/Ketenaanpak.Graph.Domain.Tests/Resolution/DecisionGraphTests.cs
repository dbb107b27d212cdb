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
    public void Add_Self_IsRefused() => Assert.Throws<DomainException>(() => new DecisionGraph().Add(A, A, Verdict.Same));
}
