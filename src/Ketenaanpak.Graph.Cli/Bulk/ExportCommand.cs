using System.Text.Json;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Application.Bulk.Export;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Cli.Store;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Cli.Bulk;

/// <summary>
/// `ketenaanpak export --format graphml|ftm|csv|cypher|neo4j-csv [--dataset NAME] --out PATH [--force]`: streams the
/// store (or one imported dataset) out; the export is recorded in the audit log (actor "cli"). Written under a
/// temporary name and moved into place at the end, so a cut-off export is never mistaken for a whole one.
/// </summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new CliArgs(args, "force");
        a.RejectUnknown("format", "dataset", "out", "force", "purpose");
        if (!ExportWriters.TryParse(a.Require("format"), out var format))
            throw new CliUsageException("--format must be graphml, ftm, csv, cypher or neo4j-csv.");
        var dataset = a.Get("dataset");
        if (dataset is not null && !ImportKeys.IsValidDataset(dataset, out var error)) throw new CliUsageException(error);
        var output = Path.GetFullPath(a.Require("out"));
        bool folder = ExportWriters.IsFolderFormat(format);
        if ((File.Exists(output) || (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())) && !a.Has("force"))
            throw new CliUsageException($"--out {a.Get("out")} exists; pass --force to overwrite it.");

        using var host = CliHost.Build(args);
        await host.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<GraphExporter>();
        var partial = output + ".partial";
        ExportSummary summary;
        if (folder)
        {
            if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
            await using (var writer = ExportWriters.ForFolder(format, partial))
                summary = await exporter.ExportAsync(writer, format, dataset);
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            if (File.Exists(output)) File.Delete(output);
            Directory.Move(partial, output);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            await using (var writer = ExportWriters.ForStream(format, stream))
                summary = await exporter.ExportAsync(writer, format, dataset);
            File.Move(partial, output, overwrite: true);
        }
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditRecord(Actor.System("cli"), AuditAction.Export, "Export",
            Path.GetFileName(output), $"{summary.Format}, {summary.Nodes} knopen, {summary.Relations} relaties{(dataset is null ? "" : $", dataset {dataset}")}",
            a.Get("purpose") ?? "export via de opdrachtregel"));
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            command = "export", ok = true, format = a.Get("format")!.ToLowerInvariant(), dataset, @out = output, nodes = summary.Nodes, relations = summary.Relations,
            seconds = summary.Seconds,
        }, ImportCommand.Json));
        return 0;
    }
}
