using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;

namespace Ketenaanpak.Graph.Application.Tests.Auditing;

/// <summary>
/// The hash format as documented in ADR-004, checked against a value computed outside .NET with
/// <c>printf '%s\n' 'ketenaanpak-audit-v1' 'sequence=42' … | sha256sum</c>.
/// </summary>
public sealed class AuditHashTests
{
    private static readonly Actor Analyst = new("u-analist-1", "Fatima el Amrani", Roles.RiecAnalyst,
        new PartnerId(Guid.Parse("0190F1C2-7A3B-7C4D-8E5F-A1B2C3D4E5F6")), PartnerKind.Riec, true, null);

    private static AuditEntry Example(string? detail = @"kolommen: naam, adres; pad C:\export\d14.csv", string? purpose = "casusoverleg 3 december") =>
        AuditEntry.Next(new AuditHead(41, string.Concat(Enumerable.Repeat("9f", 32))),
            new DateTimeOffset(2026, 11, 30, 10, 15, 2, TimeSpan.FromHours(1)).AddTicks(1_234_567),
            new AuditRecord(Analyst, AuditAction.Export, "Dossier", "D-2026-014", detail, purpose));

    [Fact]
    public void Compute_DocumentedExample_MatchesSha256sumOfTheCanonicalText()
    {
        var entry = Example();

        Assert.Equal("""
            ketenaanpak-audit-v1
            sequence=42
            at=2026-11-30T09:15:02.123Z
            actor_id=u-analist-1
            actor_name=Fatima el Amrani
            role=RiecAnalyst
            partner_id=0190f1c2-7a3b-7c4d-8e5f-a1b2c3d4e5f6
            action=Export
            subject_type=Dossier
            subject_id=D-2026-014
            detail=kolommen: naam, adres; pad C:\\export\\d14.csv
            purpose=casusoverleg 3 december
            previous_hash=9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f

            """.ReplaceLineEndings("\n"), AuditHash.Canonical(entry));
        Assert.Equal("c94e6a8fd5d87327622bbd9068ee0675af0a98421fe6733d263edbee62d7f2b7", entry.Hash);
    }

    [Fact]
    public void Canonical_TextShiftedBetweenFields_GivesAnotherHash()
    {
        // Without escaping, detail "a\npurpose=b" + purpose "c" and detail "a" + purpose "b\npurpose=c" would read alike.
        var shifted = Example(detail: "a\npurpose=b", purpose: "c");
        var original = Example(detail: "a", purpose: "b\npurpose=c");
        Assert.NotEqual(AuditHash.Canonical(original), AuditHash.Canonical(shifted));
    }

    [Fact]
    public void Next_FirstEntry_StartsAtOneFromTheGenesisHash()
    {
        var first = AuditEntry.Next(null, DateTimeOffset.UnixEpoch, new AuditRecord(Actor.System("test"), AuditAction.SignIn, "User", null, null, null));
        Assert.Equal((1L, AuditHash.Genesis, null), (first.Sequence, first.PreviousHash, first.PartnerId));
        Assert.Equal(new string('0', 64), AuditHash.Genesis);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
    }

    [Theory]
    [InlineData("42:c94e6a8fd5d87327622bbd9068ee0675af0a98421fe6733d263edbee62d7f2b7", true)]
    [InlineData(" 42:C94E6A8FD5D87327622BBD9068EE0675AF0A98421FE6733D263EDBEE62D7F2B7 ", true)]
    [InlineData("0:c94e6a8fd5d87327622bbd9068ee0675af0a98421fe6733d263edbee62d7f2b7", false)]
    [InlineData("42:c94e6a8f", false)]
    [InlineData("42", false)]
    [InlineData("-1:c94e6a8fd5d87327622bbd9068ee0675af0a98421fe6733d263edbee62d7f2b7", false)]
    public void AuditHeadTryParse_PrintedOrMangledHead_AcceptsOnlySequenceColonHash(string text, bool valid)
    {
        Assert.Equal(valid, AuditHead.TryParse(text, out var head));
        if (valid) Assert.Equal("42:c94e6a8fd5d87327622bbd9068ee0675af0a98421fe6733d263edbee62d7f2b7", head!.ToString());
    }
}
