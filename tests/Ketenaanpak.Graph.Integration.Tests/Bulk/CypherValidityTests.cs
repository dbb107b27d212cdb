using System.Diagnostics;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.TestKit;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// Every file in cypher/ and a generated export script pass Neo4j's official Cypher grammar
/// (@neo4j-cypher/language-support under node, tools/cypher-lint; `npm ci` there first — scripts/test.sh does), and a
/// deliberately broken script is rejected, so the check can fail.
/// </summary>
public sealed class CypherValidityTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private static readonly string Linter = Path.Combine(RepositoryPaths.Root, "tools", "cypher-lint");

    [Fact]
    public async Task CypherFilesAndGeneratedScript_PassTheNeo4jGrammar()
    {
        await BulkCli.ImportAsync(store, RepositoryPaths.Dataset("german_party_donations_ftm.ijson"), "--dataset", "cy");
        var script = Path.Combine(store.DataDirectory, "cy.cypher");
        await BulkCli.ExportAsync(store, "--format", "cypher", "--dataset", "cy", "--out", script, "--force");
        var text = await File.ReadAllTextAsync(script);
        Assert.Contains("CREATE CONSTRAINT person_id", text);
        Assert.Contains("UNWIND [", text);
        Assert.Contains("MERGE (a)-[r:PAYS_TO {id: row.id}]->(b)", text);

        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "cypher"), "*.cypher").Append(script).ToArray();
        var (code, output) = await LintAsync(files);
        Assert.True(code == 0, output);
        Assert.Equal(files.Length, output.Split('\n').Count(l => l.EndsWith(": ok")));
    }

    [Fact]
    public async Task BrokenScript_IsRejectedWithItsLine()
    {
        var broken = Path.Combine(store.DataDirectory, "kapot.cypher");
        await File.WriteAllTextAsync(broken, "CREATE CONSTRAINT x IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;\nMATCH (n:Person {id: 'a'} RETURN n;\n");
        var (code, output) = await LintAsync(broken);
        Assert.Equal(1, code);
        Assert.Contains("kapot.cypher:2:", output);
    }

    private static async Task<(int Code, string Output)> LintAsync(params string[] files)
    {
        Assert.True(Directory.Exists(Path.Combine(Linter, "node_modules", "@neo4j-cypher")),
            "Run `npm ci` in tools/cypher-lint first (scripts/test.sh does).");
        var psi = new ProcessStartInfo("node") { WorkingDirectory = Linter, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("lint.js");
        foreach (var f in files) psi.ArgumentList.Add(f);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
