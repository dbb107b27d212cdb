using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// An import large enough (≥ 200,000 relations) that the SQLite bulk writer drops the relations' secondary indexes
/// for the load and builds them again before the commit: afterwards the indexes are there with their original
/// definition, every foreign key holds, the data is whole, and a re-import adds nothing.
/// </summary>
public sealed class SqliteLargeBulkImportTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Import_LargeGeneratedGraph_RebuildsIndexesAndKeepsForeignKeys()
    {
        var indexesBefore = await IndexesAsync();
        Assert.Contains(indexesBefore, i => i.Name == "IX_relations_SourceId");

        var folder = Path.Combine(Path.GetTempPath(), "bulk-large-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, stderr) = await BulkCli.RunAsync(store, "generate", "--nodes", "40000", "--edges", "220000", "--seed", "3", "--out", folder);
            Assert.True(code == 0, stderr);
            var first = await BulkCli.ImportAsync(store, folder, "--format", "csv", "--dataset", "large");
            Assert.Equal(40000, first.Long("nodes_inserted"));
            Assert.True(first.Long("relations_inserted") >= 200_000, first.ToString());

            Assert.Equal(indexesBefore, await IndexesAsync());
            await using (var db = store.NewContext())
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA foreign_key_check";
                await using (var reader = await check.ExecuteReaderAsync()) Assert.False(await reader.ReadAsync(), "a relation points at a missing node");
                check.CommandText = "PRAGMA quick_check";
                Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
                Assert.Equal(first.Long("relations_inserted"), await db.Relations.CountAsync());
                // The rebuilt index answers as the table does (the planner uses IX_relations_SourceId for this).
                var someNode = await db.Relations.Select(r => r.SourceId).FirstAsync();
                check.CommandText = "SELECT count(*) FROM relations NOT INDEXED WHERE \"SourceId\" = $id";
                check.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$id", someNode.Value.ToString().ToUpperInvariant()));
                Assert.Equal((long)(await check.ExecuteScalarAsync())!, await db.Relations.CountAsync(r => r.SourceId == someNode));
            }

            var again = await BulkCli.ImportAsync(store, folder, "--format", "csv", "--dataset", "large");
            Assert.Equal(0, again.Long("nodes_inserted") + again.Long("relations_inserted"));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    private async Task<List<(string Name, string Sql)>> IndexesAsync()
    {
        await using var db = store.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('nodes', 'relations', 'statements') AND sql IS NOT NULL ORDER BY name";
        var result = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }
}
