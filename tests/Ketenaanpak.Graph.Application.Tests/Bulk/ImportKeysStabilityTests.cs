using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Tests.Bulk;

/// <summary>
/// Imported ids are stored: a re-import finds its rows only if the same (dataset, source id) gives the same id in every
/// version. Known answers computed independently with Python's hashlib (SHA-256 of "space\x1fdataset\x1fkey" in UTF-8,
/// first 16 bytes, version 8 and RFC variant bits), so a faster implementation cannot silently change them.
/// </summary>
public sealed class ImportKeysStabilityTests
{
    [Theory]
    [InlineData("gen5", "42", "f8120d40-d832-880f-8503-3a8be046d6fd")]
    [InlineData("ds", "Wójcik Ştefan", "2bac87de-de8c-82eb-a7fe-974ac257d657")]
    public void Node_ids_are_the_sha256_name_based_uuid(string dataset, string sourceId, string expected) =>
        Assert.Equal(Guid.Parse(expected), ImportKeys.NodeIdFor(dataset, sourceId).Value);

    [Fact]
    public void A_long_source_id_takes_the_pooled_buffer_and_gives_the_same_id()
    {
        var sourceId = new string('x', 300) + "é";
        Assert.Equal(Guid.Parse("64d579d2-bae0-82b9-a876-afef037b32e7"), ImportKeys.NodeIdFor("ds", sourceId).Value);
    }

    [Fact]
    public void Relation_ids_hash_the_pair_key() =>
        Assert.Equal(Guid.Parse("931b162f-7556-8c4e-8adf-125a864c0508"),
            ImportKeys.RelationIdFor("gen5", ImportKeys.PairKey("1", "2", RelationType.Associate)).Value);
}
