using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Cli.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Cli.Audit;

/// <summary>
/// `ketenaanpak audit verify [--expect-head SEQ:HASH]`: walks the hash chain; prints one JSON line with the result and
/// the head, exits 0 when intact and 1 when broken. Operators keep the printed head outside the store and pass it back
/// later, because removing entries from the end leaves a valid chain.
/// `ketenaanpak audit export --out FILE.csv [--from DATE] [--to DATE] [--purpose TEXT] [--force]`: writes the entries as
/// CSV, and records the export itself in the log first.
/// </summary>
public static class AuditCommand
{
    /// <summary>Exit code when the store cannot be read (not reachable, not migrated).</summary>
    public const int StoreError = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0) throw new CliUsageException("expected 'verify' or 'export'.");
        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "verify" => await VerifyAsync(rest, stdout),
                "export" => await ExportAsync(rest, stdout),
                _ => throw new CliUsageException($"unknown subcommand '{args[0]}'; expected 'verify' or 'export'."),
            };
        }
        catch (DbException e)
        {
            stderr.WriteLine($"ketenaanpak audit {args[0]}: the store could not be read ({e.Message}). Is it reachable, and migrated (ketenaanpak migrate)?");
            return StoreError;
        }
    }

    private static async Task<int> VerifyAsync(string[] args, TextWriter stdout)
    {
        var flags = new CliArgs(args, "no-witness");
        flags.RejectUnknown("expect-head", "no-witness");
        AuditHead? expected = null;
        if (flags.Get("expect-head") is { } text && !AuditHead.TryParse(text, out expected))
            throw new CliUsageException($"--expect-head must be SEQUENCE:HASH as printed by 'audit verify' (64 hex digits), got '{text}'.");

        using var host = CliHost.Build(ConfigurationArgs(args));
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(expected, useWitness: !flags.Has("no-witness"));
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            command = "audit verify",
            ok = result.Ok,
            entries = result.EntriesChecked,
            first_broken_sequence = result.FirstBrokenSequence,
            reason = result.Reason,
            head_sequence = result.Head?.Sequence ?? 0,
            head_hash = result.Head?.Hash,
            expected_head = result.ExpectedHead?.ToString(),
            witness = result.WitnessLocation,
        }));
        return result.Ok ? 0 : 1;
    }

    private static async Task<int> ExportAsync(string[] args, TextWriter stdout)
    {
        var flags = new CliArgs(args, "force");
        flags.RejectUnknown("out", "from", "to", "purpose", "force");
        var path = Path.GetFullPath(flags.Require("out"));
        var filter = new AuditFilter(From: Date(flags, "from"), To: Date(flags, "to"));
        if (filter.From > filter.To) throw new CliUsageException("--from lies after --to.");
        if (File.Exists(path) && !flags.Has("force")) throw new CliUsageException($"{path} exists; add --force to overwrite it.");

        using var host = CliHost.Build(ConfigurationArgs(args));
        await using var scope = host.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<AuditSearch>();
        // Recorded before the file is written: an export that fails halfway has still let data out.
        var count = await search.CountAsync(filter);
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditRecord(Actor.System("cli"), AuditAction.Export, "Auditlog",
            Path.GetFileName(path), $"{count} regels naar {path}; {filter.Describe()}; besturingssysteemgebruiker {Environment.UserName}",
            flags.Get("purpose") ?? "export van het auditlog via de opdrachtregel"));

        long written;
        await using (var file = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None), AuditCsv.Encoding))
            written = await AuditCsv.WriteAsync(file, search.AllAsync(filter));
        stdout.WriteLine(JsonSerializer.Serialize(new { command = "audit export", @out = path, entries = written }));
        return 0;
    }

    private static DateOnly? Date(CliArgs flags, string name)
    {
        var text = flags.Get(name);
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"--{name} must be a date as YYYY-MM-DD (a day in Dutch time), got '{text}'.");
    }

    /// <summary>
    /// Only the configuration keys (with a colon) go to the host: its command-line provider would read a bare switch such
    /// as --force as taking the next argument for its value.
    /// </summary>
    private static string[] ConfigurationArgs(string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || !args[i].Contains(':')) continue;
            kept.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length) kept.Add(args[++i]);
        }
        return [.. kept];
    }
}
