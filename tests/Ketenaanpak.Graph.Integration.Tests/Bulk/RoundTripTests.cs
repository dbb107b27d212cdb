using System.Diagnostics;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// import → export → import gives the same graph (source ids, kinds, relation types, weights, properties), and
/// networkx — an independent reader — finds in our GraphML the n, m and degree sequence it finds in the source file.
/// On both stores: the export reads rows through each provider's own data reader.
/// </summary>
public abstract class RoundTripTests<TStore>(TStore store) : IClassFixture<TStore>, IDisposable where TStore : TestStore
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "ketenaanpak-tests", "roundtrip-" + Guid.NewGuid().ToString("N"));

    private string Out(string name) => Path.Combine(_out, name);

    public void Dispose()
    {
        try { Directory.Delete(_out, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("graphml")]
    [InlineData("ftm")]
    public async Task ExportThenImport_Donations_GivesTheSameGraph(string format)
    {
        await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("german_party_donations_ftm.ijson"), "--dataset", "don");
        var path = Out($"don.{format}");
        var exported = await BulkCli.ExportAsync(store, "--format", format, "--dataset", "don", "--out", path, "--force");
        Assert.Equal(184, exported.Long("nodes"));
        Assert.Equal(393, exported.Long("relations"));

        var again = await BulkCli.ImportAsync(store, path, "--format", format, "--dataset", "don-" + format);
        Assert.Equal(0, again.Long("rejected"));
        var (nodesA, relsA) = await GraphOf("don");
        var (nodesB, relsB) = await GraphOf("don-" + format);
        Assert.Equal(nodesA, nodesB);
        Assert.Equal(relsA, relsB);
    }

    /// <summary>Nodes as "sourceId|kind|caption|properties" and relations as "from|to|type|weight|detail|date", sorted.</summary>
    private async Task<(string[] Nodes, string[] Relations)> GraphOf(string dataset)
    {
        await using var db = store.NewContext();
        var prefix = ImportKeys.DatasetPrefix(dataset);
        var nodes = await db.Nodes.Include(n => n.Statements).Where(n => n.Provenance.SourceReference!.StartsWith(prefix)).ToListAsync();
        var sourceOf = nodes.ToDictionary(n => n.Id, n => ImportKeys.TryParse(n.Provenance.SourceReference, out _, out _, out var id) ? id : "?");
        var relations = await db.Relations.Where(r => r.Provenance.SourceReference!.StartsWith(prefix)).ToListAsync();
        return (
            nodes.Select(n => $"{sourceOf[n.Id]}|{n.Kind}|{n.Caption}|{string.Join(";", n.Statements.Select(s => s.Property + "=" + s.Value).Order())}").Order().ToArray(),
            relations.Select(r => $"{sourceOf[r.SourceId]}|{sourceOf[r.TargetId]}|{r.Type}|{r.Weight}|{r.Detail}|{r.ValidFrom}").Order().ToArray());
    }

    [Theory]
    [InlineData("montagna_mafia_meetings_edgelist.csv", "edgelist")]
    [InlineData("noordin_top_adjacency.csv", "matrix")]
    [InlineData("krebs_911_hijackers_edgelist.csv", "csvpairs")]
    public async Task GraphMlExport_ReadByNetworkx_HasTheSourcesNodesEdgesAndDegrees(string file, string shape)
    {
        var dataset = "nx-" + shape;
        await BulkCli.ImportAsync(store, RepositoryPaths.Dataset(file), "--dataset", dataset, "--format", shape == "matrix" ? "matrix" : "edgelist");
        var graphml = Out(dataset + ".graphml");
        await BulkCli.ExportAsync(store, "--format", "graphml", "--dataset", dataset, "--out", graphml, "--force");

        // networkx reads the source file by itself (its own parsing, not ours) and our GraphML; both print n, m, degrees.
        var script = """
            import sys, networkx as nx
            src, shape, ours = sys.argv[1], sys.argv[2], sys.argv[3]
            text = open(src, encoding='utf-8-sig').read()
            g = nx.Graph()
            if shape == 'matrix':
                rows = [r.split(',') for r in text.splitlines() if r.strip()]
                for i, row in enumerate(rows):
                    g.add_node(i)
                    for j, v in enumerate(row):
                        if i != j and float(v) != 0: g.add_edge(i, j)
            else:
                for line in text.splitlines():
                    parts = line.split(',') if shape == 'csvpairs' else line.split()
                    if len(parts) >= 2 and parts[0].strip() != parts[1].strip(): g.add_edge(parts[0].strip(), parts[1].strip())
            h = nx.read_graphml(ours)
            def describe(x): return f"{x.number_of_nodes()} {x.number_of_edges()} {sorted(d for _, d in x.degree())} {x.is_directed()}"
            print(describe(g)); print(describe(h))
            """;
        var (source, exported) = await RunPythonAsync(script, RepositoryPaths.Dataset(file), shape, graphml);
        Assert.Equal(source, exported);
    }

    [Fact]
    public async Task GraphMlExport_OfAMixedGraph_ReadByNetworkxWithEachEdgesDirection()
    {
        // One directed (controls) and one symmetric (associate) relation: the graph is directed and the symmetric edge
        // says so in its "directed" key. GraphML's own per-edge directed="false" made networkx refuse the whole file.
        var dir = Directory.CreateTempSubdirectory("mixed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "nodes.csv"), "id,kind,label\np1,Person,Piet\np2,Person,Anna\nc1,Company,Bouw BV\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "edges.csv"), "source,target,type,weight\np1,c1,Controls,1\np2,p1,Associate,2\n");
        await BulkCli.ImportAsync(store, dir, "--format", "csv", "--dataset", "gemengd");
        var graphml = Out("gemengd.graphml");
        await BulkCli.ExportAsync(store, "--format", "graphml", "--dataset", "gemengd", "--out", graphml, "--force");

        var script = """
            import sys, networkx as nx
            h = nx.read_graphml(sys.argv[1])
            print(f"{h.is_directed()} {h.number_of_nodes()} {h.number_of_edges()}")
            default = h.graph['edge_default']['directed']  # networkx keeps a key's <default> here, igraph applies it
            print(" ".join(sorted(f"{d['type']}:{d.get('directed', default)}" for _, _, d in h.edges(data=True))))
            """;
        var (shape, edges) = await RunPythonAsync(script, graphml);
        Assert.Equal("True 3 2", shape);
        string controls = RelationTypeInfo.Of(RelationType.Controls).Neo4jType, associate = RelationTypeInfo.Of(RelationType.Associate).Neo4jType;
        Assert.Equal(string.Join(" ", new[] { $"{controls}:True", $"{associate}:False" }.Order(StringComparer.Ordinal)), edges);

        // And our own import reads it back with both types (the direction comes from the type, the key agrees).
        var again = await BulkCli.ImportAsync(store, graphml, "--format", "graphml", "--dataset", "gemengd-terug");
        Assert.Equal(0, again.Long("rejected"));
        var (_, relations) = await GraphOf("gemengd-terug");
        Assert.Equal(2, relations.Length);
        Assert.Contains(relations, r => r.Contains($"|{RelationType.Controls}|"));
        Assert.Contains(relations, r => r.Contains($"|{RelationType.Associate}|"));
        Directory.Delete(dir, true);
    }

    private static async Task<(string, string)> RunPythonAsync(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = await p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, "python failed (apt-get install python3-networkx): " + stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines[0], lines[1]);
    }
}

public sealed class SqliteRoundTripTests(SqliteTestStore store) : RoundTripTests<SqliteTestStore>(store);

public sealed class PostgreSqlRoundTripTests(PostgreSqlTestStore store) : RoundTripTests<PostgreSqlTestStore>(store);
