using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>Bad rows are refused with line and Dutch reason; a file that breaks as a whole saves nothing.</summary>
public sealed class ImportFailureTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Import_GraphMlBrokenHalfway_SavesNothingAndExitsNonZero()
    {
        var path = Path.Combine(store.DataDirectory, "kapot.graphml");
        await File.WriteAllTextAsync(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <graph edgedefault="undirected">
                <node id="a"/><node id="b"/>
                <edge source="a" target="b"/>
                <node id="c">
              </graph>
            """);
        int nodesBefore, relationsBefore;
        await using (var db = store.NewContext()) (nodesBefore, relationsBefore) = (await db.Nodes.CountAsync(), await db.Relations.CountAsync());

        var (code, json, stderr) = await BulkCli.RunAsync(store, "import", path, "--dataset", "kapot");

        Assert.Equal(1, code);
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Contains("GraphML", stderr);
        await using var after = store.NewContext();
        Assert.Equal(nodesBefore, await after.Nodes.CountAsync());
        Assert.Equal(relationsBefore, await after.Relations.CountAsync());
    }

    [Fact]
    public async Task Import_CsvWithBadRows_RefusesThoseRowsWithLineAndReason()
    {
        var path = Path.Combine(store.DataDirectory, "relaties.csv");
        await File.WriteAllTextAsync(path, string.Join("\n",
            "source,target,type,weight",
            "Anna,Bert,Associate,2",        // 2: fine
            "Anna,Chris,Vriendschap,1",     // 3: unknown type
            "Bert,Chris,Associate,veel",    // 4: weight not a number
            "Chris,Chris,Associate,1",      // 5: self-loop, dropped and reported
            ",Dirk,Associate,1",            // 6: source missing
            "\"Eva, de tweede\",Anna,LINKED_TO,-3", // 7: negative weight
            "<script>alert(1)</script>,Anna,family,1")); // 8: fine; a name is only text
        var summary = await BulkCli.ImportAsync(store, path, "--dataset", "met-fouten");

        Assert.Equal(2, summary.Long("relations_inserted"));
        Assert.Equal(4, summary.Long("rejected"));
        var rejections = summary.GetProperty("rejections").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Contains(rejections, r => r.Item1 == 3 && r.Item2.Contains("Onbekend soort relatie 'Vriendschap'"));
        Assert.Contains(rejections, r => r.Item1 == 4 && r.Item2.Contains("geen getal"));
        Assert.Contains(rejections, r => r.Item1 == 6 && r.Item2.Contains("ontbreekt"));
        Assert.Contains(rejections, r => r.Item1 == 7 && r.Item2.Contains("positief"));
        Assert.Contains(summary.GetProperty("normalised").EnumerateArray(), n => n.GetString()!.Contains("1 lus"));
    }

    [Fact]
    public async Task Import_StoreUnreachable_SaysSoInOneLineAndExitsNonZero()
    {
        // A PostgreSQL server that is not there (nothing listens on port 1): a store error, not a crash with a stack trace.
        var mexico = Ketenaanpak.Graph.TestKit.RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Ketenaanpak.Graph.Cli.Commands.RunAsync(["import", mexico, "--dataset", "mexico", "--Storage:Provider", "PostgreSql",
            "--ConnectionStrings:Graph", "Host=127.0.0.1;Port=1;Database=geen;Username=geen;Password=geen;Timeout=3", "--Demo:Enabled", "false"], stdout, stderr);
        Assert.Equal(1, code);
        Assert.Contains("the store could not be reached", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString()); // no stack trace
        var json = System.Text.Json.JsonDocument.Parse(stdout.ToString().Trim().Split('\n')[^1]).RootElement;
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Equal("import", json.GetProperty("command").GetString());
    }

    [Fact]
    public async Task Import_UnknownFlagOrDataset_IsAUsageError()
    {
        var (code, _, stderr) = await BulkCli.RunAsync(store, "import", "/work/nergens.csv");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr);
        var (code2, _, stderr2) = await BulkCli.RunAsync(store, "import", Path.Combine(Ketenaanpak.Graph.TestKit.RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt")), "--dataset", "met spatie");
        Assert.Equal(2, code2);
        Assert.Contains("datasetnaam", stderr2);
        var mexico = Ketenaanpak.Graph.TestKit.RepositoryPaths.Dataset("mexico_human_trafficking_edgelist.txt");
        var (code3, _, stderr3) = await BulkCli.RunAsync(store, "import", mexico, "--background", "--grading", "A1");
        Assert.Equal(2, code3);
        Assert.Contains("--grading cannot be combined with --background", stderr3);
        await using var db = store.NewContext();
        Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ImportRuns));
    }
}
