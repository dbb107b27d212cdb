using System.Text.RegularExpressions;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.TestKit;

namespace Ketenaanpak.Graph.Domain.Tests.Graph;

/// <summary>cypher/schema.cypher must describe the same labels and relationship types as the domain model.</summary>
public sealed class CypherSchemaTests
{
    private static readonly string Schema = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "cypher", "schema.cypher"));

    public static TheoryData<string> Labels => new(NodeKindInfo.All.Select(k => k.Neo4jLabel));
    public static TheoryData<string> RelationshipTypes => new(RelationTypeInfo.All.Select(t => t.Neo4jType));

    [Theory]
    [MemberData(nameof(Labels))]
    public void Schema_EveryNodeKind_HasAnIdConstraint(string label) =>
        Assert.Matches(new Regex($@"FOR \(n:{label}\) REQUIRE n\.id IS UNIQUE;"), Schema);

    [Theory]
    [MemberData(nameof(RelationshipTypes))]
    public void Schema_EveryRelationType_HasAnIdConstraint(string type) =>
        Assert.Matches(new Regex($@"FOR \(\)-\[r:{type}\]-\(\) REQUIRE r\.id IS UNIQUE;"), Schema);

    [Fact]
    public void Schema_DeclaresNoLabelOrTypeTheModelLacks()
    {
        var known = NodeKindInfo.All.Select(k => k.Neo4jLabel).Concat(["Signal", "Dossier", "Partner", "Intervention", "CaseMeeting", "Statement"]).ToHashSet();
        var declared = Regex.Matches(Schema, @"^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:(\w+)\)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.All(declared, label => Assert.Contains(label, known));
        var types = RelationTypeInfo.All.Select(t => t.Neo4jType).ToHashSet();
        var declaredTypes = Regex.Matches(Schema, @"^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(\)-\[r:(\w+)\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.All(declaredTypes, type => Assert.Contains(type, types));
    }
}
