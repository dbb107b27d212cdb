using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Infrastructure.Bulk;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// The PostgreSQL writer's direct path (a fresh dataset is COPYed straight into the tables) and its fall-backs: a
/// re-import, a row repeated in the file, a second import of the same dataset at the same time, and a COPY that fails
/// halfway must all leave exactly the rows of one import — no duplicates, nothing half-saved.
/// </summary>
public sealed class PostgreSqlDirectImportTests(PostgreSqlTestStore store) : IClassFixture<PostgreSqlTestStore>
{
    [Fact]
    public async Task Import_FreshDatasetWithRepeatedRow_ThenAgain_CreatesNoDuplicates()
    {
        var dir = Directory.CreateTempSubdirectory("pg-direct-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "nodes.csv"), "id,kind,label\na,Person,Anna\nb,Person,Bert\nc,Person,Chris\nd,Person,Dirk\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "edges.csv"),
            "source,target,type,weight\na,b,Associate,1\nb,c,Associate,1\na,b,Associate,1\nc,d,Associate,1\n"); // line 4 repeats line 2

        var first = await BulkCli.ImportAsync(store, dir, "--format", "csv", "--dataset", "vers");
        Assert.Equal(4, first.Long("nodes_inserted"));
        Assert.Equal(3, first.Long("relations_inserted"));
        Assert.Equal(1, first.Long("relations_already_present_or_repeated"));
        var again = await BulkCli.ImportAsync(store, dir, "--format", "csv", "--dataset", "vers");
        Assert.Equal(0, again.Long("nodes_inserted") + again.Long("relations_inserted"));

        await using var db = store.NewContext();
        var prefix = ImportKeys.DatasetPrefix("vers");
        Assert.Equal(4, await db.Nodes.CountAsync(n => n.Provenance.SourceReference!.StartsWith(prefix)));
        Assert.Equal(3, await db.Relations.CountAsync(r => r.Provenance.SourceReference!.StartsWith(prefix)));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Import_TextWithNulCharacter_RefusesThatRowAndSavesTheRest()
    {
        // PostgreSQL text cannot hold U+0000: the COPY used to fail the whole import with an unhandled server error.
        var dir = Directory.CreateTempSubdirectory("pg-nul-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "nodes.csv"), "id,kind,label\na,Person,Anna\nb,Person,Bert\nc,Person,Chris\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "edges.csv"), "source,target,type,weight,detail\na,b,Associate,1,goed\nb,c,Associate,1,kap\0ot\n");

        var summary = await BulkCli.ImportAsync(store, dir, "--format", "csv", "--dataset", "nul-teken");

        Assert.Equal(3, summary.Long("nodes_inserted"));
        Assert.Equal(1, summary.Long("relations_inserted"));
        Assert.Contains(summary.GetProperty("rejections").EnumerateArray(), r => r.GetProperty("reason").GetString()!.Contains("NUL-teken"));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Writer_FreshDatasetGoesDirect_ReimportGoesThroughStaging()
    {
        var rows = Rows("pad");
        var (first, firstPath) = await WriteAsync("pad", rows);
        Assert.Equal("direct", firstPath);
        Assert.Equal(new BulkWriteResult(3, 1, 2), first);
        var (second, secondPath) = await WriteAsync("pad", rows);
        Assert.Equal("staging", secondPath);
        Assert.Equal(new BulkWriteResult(0, 0, 0), second);
        Assert.Equal(3, await CountNodesAsync(rows));
    }

    [Fact]
    public async Task Writer_RowRepeatedInFreshDataset_FallsBackToStagingAndSkipsIt()
    {
        var rows = Rows("dubbel");
        var (result, path) = await WriteAsync("dubbel", rows with { Relations = [.. rows.Relations, rows.Relations[0]] });
        Assert.Equal("staging", path);
        Assert.Equal(new BulkWriteResult(3, 1, 2), result);
    }

    [Fact]
    public async Task Writer_CopyFailingHalfway_LeavesNothing()
    {
        var rows = Rows("halverwege");
        var dangling = new BulkRelation(new RelationId(Guid.NewGuid()), RelationType.Associate, new NodeId(Guid.NewGuid()), rows.Nodes[0].Id,
            1, null, null, null, "import|halverwege|x:9|zwevend");
        var factory = new BulkGraphWriterFactory(Options.Create(store.Options));
        await using (var writer = await factory.BeginAsync(await ProvenanceAsync("halverwege"), CancellationToken.None))
        {
            foreach (var n in rows.Nodes) await writer.AddNodeAsync(n, CancellationToken.None);
            await writer.AddRelationAsync(dangling, CancellationToken.None);
            // The nodes are COPYed into the table first, then the relation's foreign key fails inside the same transaction.
            var e = await Assert.ThrowsAsync<PostgresException>(() => writer.CommitAsync(CancellationToken.None));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
            Assert.Equal("direct", ((PostgreSqlBulkGraphWriter)writer).PathTaken);
        }
        Assert.Equal(0, await CountNodesAsync(rows));
    }

    [Fact]
    public async Task Writer_FreshDataset_SkipsForeignKeyTriggersOnlyForRowsOnItsOwnNodes()
    {
        var own = Rows("eigen");
        var factory = new BulkGraphWriterFactory(Options.Create(store.Options));
        await using (var writer = await factory.BeginAsync(await ProvenanceAsync("eigen"), CancellationToken.None))
        {
            await AddAsync(writer, own);
            Assert.Equal(new BulkWriteResult(3, 1, 2), await writer.CommitAsync(CancellationToken.None));
            // Needs GRANT SET ON PARAMETER session_replication_role (scripts/start-postgres.sh gives it to the test role).
            Assert.Equal(3, ((PostgreSqlBulkGraphWriter)writer).RowsWithoutForeignKeyTriggers);
        }

        // A relation from a new dataset to a committed node of another: its batch keeps the checks (and their row lock,
        // which stops a concurrent delete of that node until this import commits).
        var other = Rows("ander");
        var bridge = new BulkRelation(ImportKeys.RelationIdFor("ander", "brug"), RelationType.Associate, other.Nodes[0].Id, own.Nodes[0].Id,
            1, null, null, null, "import|ander|t.csv:9|brug");
        await using (var writer = await factory.BeginAsync(await ProvenanceAsync("ander"), CancellationToken.None))
        {
            await AddAsync(writer, other with { Relations = [.. other.Relations, bridge] });
            Assert.Equal(new BulkWriteResult(3, 1, 3), await writer.CommitAsync(CancellationToken.None));
            Assert.Equal(1, ((PostgreSqlBulkGraphWriter)writer).RowsWithoutForeignKeyTriggers); // the statement only
            Assert.Equal("direct", ((PostgreSqlBulkGraphWriter)writer).PathTaken);
        }
        await using var db = store.NewContext();
        Assert.Equal(0, await db.Relations.CountAsync(r => !db.Nodes.Any(n => n.Id == r.SourceId) || !db.Nodes.Any(n => n.Id == r.TargetId)));
    }

    [Fact]
    public async Task Writer_RoleWithoutTheGrant_ChecksEveryRowAndStillImports()
    {
        const string role = "ketenaanpak_beperkt"; // made by scripts/start-postgres.sh, without the right to set session_replication_role
        await using (var owner = new NpgsqlConnection(store.ConnectionString))
        {
            await owner.OpenAsync();
            await using var grant = new NpgsqlCommand($"GRANT USAGE ON SCHEMA public TO {role}; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {role}", owner);
            await grant.ExecuteNonQueryAsync();
        }
        var restricted = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Username = role, Password = role }.ConnectionString;
        var factory = new BulkGraphWriterFactory(Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = restricted }));
        var rows = Rows("beperkt");
        await using var writer = await factory.BeginAsync(await ProvenanceAsync("beperkt"), CancellationToken.None);
        await AddAsync(writer, rows);

        Assert.Equal(new BulkWriteResult(3, 1, 2), await writer.CommitAsync(CancellationToken.None));
        Assert.Equal("direct", ((PostgreSqlBulkGraphWriter)writer).PathTaken);
        Assert.Equal(0, ((PostgreSqlBulkGraphWriter)writer).RowsWithoutForeignKeyTriggers);
    }

    [Fact]
    public async Task Writer_TwoImportsOfOneDatasetAtOnce_SecondWaitsAndInsertsNothing()
    {
        var rows = Rows("samen");
        var factory = new BulkGraphWriterFactory(Options.Create(store.Options));
        var provenance = await ProvenanceAsync("samen");
        await using var a = await factory.BeginAsync(provenance, CancellationToken.None);
        await AddAsync(a, rows);
        var b = factory.BeginAsync(provenance, CancellationToken.None);
        await Task.Delay(500);
        Assert.False(b.IsCompleted, "the second import of the dataset must wait for the first");
        Assert.Equal(new BulkWriteResult(3, 1, 2), await a.CommitAsync(CancellationToken.None));
        await using var second = await b.WaitAsync(TimeSpan.FromSeconds(30));
        await AddAsync(second, rows);
        Assert.Equal(new BulkWriteResult(0, 0, 0), await second.CommitAsync(CancellationToken.None));
        Assert.Equal(3, await CountNodesAsync(rows));
    }

    private sealed record TestRows(BulkNode[] Nodes, BulkStatement[] Statements, BulkRelation[] Relations);

    private static TestRows Rows(string dataset)
    {
        NodeId Id(string s) => ImportKeys.NodeIdFor(dataset, s);
        string Ref(string s) => ImportKeys.Reference(dataset, "t.csv", 2, s);
        var nodes = new[] { "a", "b", "c" }.Select(s => new BulkNode(Id(s), NodeKind.Person, "Persoon " + s, Ref(s))).ToArray();
        var statements = new[] { new BulkStatement(ImportKeys.StatementIdFor(Id("a"), "nationality", "NL"), Id("a"), "nationality", "NL", Ref("a")) };
        var relations = new[] { ("a", "b"), ("b", "c") }.Select(p => new BulkRelation(ImportKeys.RelationIdFor(dataset, ImportKeys.PairKey(p.Item1, p.Item2, RelationType.Associate)),
            RelationType.Associate, Id(p.Item1), Id(p.Item2), 1, null, null, null, Ref(p.Item1 + "->" + p.Item2))).ToArray();
        return new TestRows(nodes, statements, relations);
    }

    private static async Task AddAsync(IBulkGraphWriter writer, TestRows rows)
    {
        foreach (var n in rows.Nodes) await writer.AddNodeAsync(n, CancellationToken.None);
        foreach (var s in rows.Statements) await writer.AddStatementAsync(s, CancellationToken.None);
        foreach (var r in rows.Relations) await writer.AddRelationAsync(r, CancellationToken.None);
    }

    private async Task<(BulkWriteResult Result, string Path)> WriteAsync(string dataset, TestRows rows)
    {
        var factory = new BulkGraphWriterFactory(Options.Create(store.Options));
        await using var writer = await factory.BeginAsync(await ProvenanceAsync(dataset), CancellationToken.None);
        await AddAsync(writer, rows);
        var result = await writer.CommitAsync(CancellationToken.None);
        return (result, ((PostgreSqlBulkGraphWriter)writer).PathTaken);
    }

    private async Task<int> CountNodesAsync(TestRows rows)
    {
        var ids = rows.Nodes.Select(n => n.Id).ToList();
        await using var db = store.NewContext();
        return await db.Nodes.CountAsync(n => ids.Contains(n.Id));
    }

    /// <summary>Provenance of the partner a CLI import creates ("import"): the writer needs an existing partner row.</summary>
    private async Task<ImportProvenance> ProvenanceAsync(string dataset)
    {
        await using var db = store.NewContext();
        if (!await db.Partners.AnyAsync())
        {
            var dir = Directory.CreateTempSubdirectory("pg-partner-").FullName;
            await File.WriteAllTextAsync(Path.Combine(dir, "nodes.csv"), "id,kind,label\nx,Person,X\n");
            await BulkCli.ImportAsync(store, dir, "--format", "csv", "--dataset", "partner-aanmaken");
            Directory.Delete(dir, true);
        }
        var partner = await db.Partners.Select(p => p.Id).FirstAsync();
        return new ImportProvenance(partner, DateTimeOffset.UtcNow, ImportProvenance.DefaultGrading, ImportProvenance.DefaultLegalBasis,
            ImportProvenance.DefaultHandlingCode, new DateOnly(2031, 1, 1)) { Dataset = dataset };
    }
}
