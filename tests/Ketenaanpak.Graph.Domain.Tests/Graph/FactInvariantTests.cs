using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.TestKit.Builders;

namespace Ketenaanpak.Graph.Domain.Tests.Graph;

public sealed class FactInvariantTests
{
    private static readonly Domain.Partners.Partner Partner = Facts.Partner();

    [Fact]
    public void Provenance_ObservedAfterRecorded_IsRefused()
    {
        var prov = Facts.From(Partner).Build() with { ObservedAt = Facts.Now.AddDays(1) };
        var e = Assert.Throws<DomainException>(() => prov.Validated());
        Assert.Equal("Een waarneming kan niet later zijn dan het moment van vastleggen.", e.Message);
    }

    [Fact]
    public void Provenance_RetentionBeforeRecording_IsRefused()
    {
        var prov = Facts.From(Partner).RetainUntil(new DateOnly(2020, 1, 1)).Build();
        Assert.Throws<DomainException>(() => prov.Validated());
    }

    [Fact]
    public void Provenance_WithoutPartner_IsRefused()
    {
        var prov = Facts.From(Partner).Build() with { SourcePartner = default };
        Assert.Equal("Van elk gegeven moet de bronpartner bekend zijn.", Assert.Throws<DomainException>(() => prov.Validated()).Message);
    }

    [Theory]
    [InlineData("B2", SourceReliability.B, InformationValidity.KnownToSource)]
    [InlineData("a 1", SourceReliability.A, InformationValidity.KnownTrue)]
    [InlineData("e5", SourceReliability.E, InformationValidity.SuspectedFalse)]
    public void Grading_Parse_GoodCodes(string input, SourceReliability source, InformationValidity validity)
    {
        Assert.True(Grading.TryParse(input, out var grading, out _));
        Assert.Equal(new Grading(source, validity), grading);
    }

    [Theory]
    [InlineData("")]
    [InlineData("F1")]
    [InlineData("B6")]
    [InlineData("B")]
    [InlineData("1B")]
    [InlineData("B22")]
    public void Grading_Parse_BadCodes_SayWhatAGradingLooksLike(string input)
    {
        Assert.False(Grading.TryParse(input, out _, out var error));
        Assert.Contains("zoals B2", error);
    }

    [Fact]
    public void Relation_SelfLoop_IsRefused()
    {
        var id = NodeId.New();
        Assert.Throws<DomainException>(() => new Relation(RelationId.New(), RelationType.Associate, id, id, null, null, 1, null, Facts.From(Partner).Build()));
    }

    [Fact]
    public void Relation_EndBeforeStart_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => new Relation(RelationId.New(), RelationType.StaysAt, NodeId.New(), NodeId.New(),
            new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 1), 1, null, Facts.From(Partner).Build()));
        Assert.Equal("De einddatum van een relatie ligt vóór de begindatum.", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Relation_WeightNotPositive_IsRefused(double weight) =>
        Assert.Throws<DomainException>(() => new Relation(RelationId.New(), RelationType.PaysTo, NodeId.New(), NodeId.New(), null, null, weight, null, Facts.From(Partner).Build()));

    [Fact]
    public void Node_EmptyOrOverlongCaption_IsRefused()
    {
        var prov = Facts.From(Partner).Build();
        Assert.Throws<DomainException>(() => new Node(NodeId.New(), NodeKind.Person, "   ", null, prov));
        Assert.Throws<DomainException>(() => new Node(NodeId.New(), NodeKind.Person, new string('x', Node.MaxCaptionLength + 1), null, prov));
    }
}
