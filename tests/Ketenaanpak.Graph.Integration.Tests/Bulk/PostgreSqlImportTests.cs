using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>The PostgreSQL path (binary COPY into staging tables, then INSERT … ON CONFLICT DO NOTHING).</summary>
public sealed class PostgreSqlImportTests(PostgreSqlTestStore store) : IClassFixture<PostgreSqlTestStore>
{
    [Fact]
    public async Task Import_DonationsAndCaviar_OnPostgreSql_CountsTypesAndNoDuplicates()
    {
        var don = await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("german_party_donations_ftm.ijson"), "--dataset", "pg-don");
        Assert.Equal("PostgreSql", don.GetProperty("provider").GetString());
        Assert.Equal(184, don.Long("nodes_inserted"));
        Assert.Equal(393, don.Long("relations_inserted"));
        Assert.Equal(336, don.Long("statements_inserted"));
        var caviar = await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("caviar_morselli_weighted_adjacency.csv"), "--dataset", "pg-caviar");
        Assert.Equal(110, caviar.Long("nodes_inserted"));
        Assert.Equal(205, caviar.Long("relations_inserted"));

        var again = await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("german_party_donations_ftm.ijson"), "--dataset", "pg-don");
        Assert.Equal(0, again.Long("nodes_inserted") + again.Long("relations_inserted") + again.Long("statements_inserted"));

        await using var db = store.NewContext();
        Assert.Equal(184 + 110, await db.Nodes.CountAsync());
        Assert.Equal(290, await db.Relations.CountAsync(r => r.Type == RelationType.PaysTo));
        var prefix = ImportKeys.DatasetPrefix("pg-caviar");
        // CAVIAR is non-symmetric: n1–n3 is the sum of both directions (independently: a[n1,n3] + a[n3,n1] in the file).
        Assert.Equal(205, await db.Relations.CountAsync(r => r.Provenance.SourceReference!.StartsWith(prefix)));

        var csv = Path.Combine(Path.GetTempPath(), "pg-export-" + Guid.NewGuid().ToString("N"));
        var exported = await BulkCli.ExportAsync(store, "--format", "neo4j-csv", "--dataset", "pg-don", "--out", csv);
        Assert.Equal(184, exported.Long("nodes"));
        Assert.Equal(185, File.ReadLines(Path.Combine(csv, "nodes.csv")).Count());
        Directory.Delete(csv, true);
    }
}
