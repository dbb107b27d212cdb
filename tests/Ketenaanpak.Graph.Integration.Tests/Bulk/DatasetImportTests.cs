using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// Every file of shared/datasets imports into a real SQLite store with the counts its source states (SOURCES.md),
/// reads back through EF Core (so the bulk writer's columns match the model), carries file-and-line provenance, and
/// a second import of the same file adds nothing.
/// </summary>
public sealed class DatasetImportTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    public static TheoryData<string, string?, string?, int, int> Datasets => new()
    {
        { "caviar_morselli_weighted_adjacency.csv", "matrix", null, 110, 205 },
        { "montagna_mafia_meetings_edgelist.csv", "edgelist", null, 101, 256 },
        { "noordin_top_adjacency.csv", "matrix", null, 79, 437 },
        { "krebs_911_hijackers_edgelist.csv", "edgelist", null, 69, 159 },
        { "abu_sayyaf_kidnappings_person_event_2mode.csv", "two-mode", null, 246 + 105, 402 },
        { "mexico_human_trafficking_edgelist.txt", null, null, 34, 225 },
        { "mexico_human_trafficking_node_roles.csv", "csv", """{"hasHeader": false, "nodes": {"id": "#1", "caption": "#2", "kind": null}}""", 34, 0 },
        { "classic_networks_edges_from_networkx.csv", null, """{"edges": {"group": "graph"}}""", 34 + 15 + 77 + 32, 78 + 20 + 254 + 89 },
        { "german_party_donations_ftm.ijson", null, null, 89 + 56 + 22 + 17, 290 + 103 },
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Import_SharedDataset_HasTheSourceCountsAndIsIdempotent(string file, string? format, string? mapping, int nodes, int relations)
    {
        var dataset = "ds-" + Path.GetFileNameWithoutExtension(file).Replace('_', '-');
        var args = new List<string> { RepositoryPaths.Dataset(file), "--dataset", dataset };
        if (format is not null) args.AddRange(["--format", format]);
        if (mapping is not null)
        {
            var path = Path.Combine(store.DataDirectory, dataset + ".mapping.json");
            await File.WriteAllTextAsync(path, mapping);
            args.AddRange(["--mapping", path]);
        }

        var first = await BulkCli.ImportAsync(store, [.. args]);
        Assert.Equal(nodes, first.Long("nodes_inserted"));
        Assert.Equal(relations, first.Long("relations_inserted"));
        Assert.Equal(0, first.Long("rejected"));

        var again = await BulkCli.ImportAsync(store, [.. args]);
        Assert.Equal(0, again.Long("nodes_inserted"));
        Assert.Equal(0, again.Long("relations_inserted"));
        Assert.Equal(nodes, again.Long("nodes_already_present"));

        await using var db = store.NewContext();
        var prefix = ImportKeys.DatasetPrefix(dataset);
        var stored = await db.Nodes.Include(n => n.Statements).Where(n => n.Provenance.SourceReference!.StartsWith(prefix)).ToListAsync();
        Assert.Equal(nodes, stored.Count);
        Assert.Equal(relations, await db.Relations.CountAsync(r => r.Provenance.SourceReference!.StartsWith(prefix)));
        Assert.All(stored, n =>
        {
            Assert.True(ImportKeys.TryParse(n.Provenance.SourceReference, out var ds, out var fileAndLine, out _));
            Assert.Equal(dataset, ds);
            Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:[1-9]\d*$", fileAndLine);
            Assert.Equal(new Grading(SourceReliability.E, InformationValidity.CannotBeJudged), n.Provenance.Grading);
            Assert.Equal(LegalBasis.Covenant, n.Provenance.LegalBasis);
        });
    }

    [Fact]
    public async Task Import_Donations_TypesPersonsCompaniesAddressesAndPayments()
    {
        var summary = await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("german_party_donations_ftm.ijson"), "--dataset", "donations-typed");
        Assert.Contains(summary.GetProperty("normalised").EnumerateArray(), n => n.GetString()!.Contains("Payment") || n.GetString()!.Contains("Person 22"));
        await using var db = store.NewContext();
        var prefix = ImportKeys.DatasetPrefix("donations-typed");
        var kinds = await db.Nodes.Where(n => n.Provenance.SourceReference!.StartsWith(prefix)).GroupBy(n => n.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(22, kinds[NodeKind.Person]);
        Assert.Equal(56 + 17, kinds[NodeKind.Company]); // Company and Organization
        Assert.Equal(89, kinds[NodeKind.Address]);
        var payments = await db.Relations.Where(r => r.Provenance.SourceReference!.StartsWith(prefix) && r.Type == RelationType.PaysTo).ToListAsync();
        Assert.Equal(290, payments.Count);
        Assert.All(payments, p => Assert.EndsWith("EUR", p.Detail));
        Assert.True(payments.Count(p => p.ValidFrom is not null) > 250);
        Assert.True(await db.Relations.CountAsync(r => r.Provenance.SourceReference!.StartsWith(prefix) && r.Type == RelationType.RegisteredAt) > 50);
        var lina = await db.Nodes.SingleAsync(n => n.Provenance.SourceReference!.StartsWith(prefix) && n.Caption == "Frau Lina Dachner");
        Assert.Equal(NodeKind.Person, lina.Kind);
    }
}
