using System.Globalization;
using System.Text;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Infrastructure.Auditing;

/// <summary>Where the audit head is kept outside the database (section <c>Audit</c>).</summary>
public sealed class AuditWitnessOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// The folder of the head file; by default a folder beside the data directory (<c>data-auditkop</c> for
    /// <c>data</c>). Point it at storage the database's administrators cannot write to (another mount, another owner,
    /// or a folder the data-protection officer's system collects).
    /// </summary>
    public string? WitnessDirectory { get; set; }
}

/// <summary>
/// The audit head as an append-only text file: one line "SEQUENCE:HASH UTC-TIME" after every append, never rewritten
/// (opened for append only). The file is named after the store, so that several stores on one machine keep their own.
/// The latest head is found by reading the file's last kilobytes: lines of concurrent appenders may land out of order,
/// so the highest sequence among the last lines counts (and of two lines with one sequence, the later).
/// </summary>
public sealed class FileAuditHeadWitness : IAuditHeadWitness
{
    private const int TailBytes = 16 * 1024;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TimeProvider _clock;

    public FileAuditHeadWitness(IOptions<StorageOptions> storage, IOptions<AuditWitnessOptions> options, TimeProvider clock)
    {
        _clock = clock;
        var s = storage.Value;
        var data = Path.GetFullPath(s.DataDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var directory = string.IsNullOrWhiteSpace(options.Value.WitnessDirectory)
            ? data + "-auditkop"
            : Path.GetFullPath(options.Value.WitnessDirectory);
        Location = Path.Combine(directory, $"audit-kop-{StoreName(s)}.log");
    }

    public string Location { get; }

    public async Task RecordAsync(AuditHead head, CancellationToken cancellationToken = default)
    {
        var line = $"{head} {_clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}\n";
        await _writing.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
            await using var file = new FileStream(Location, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            await file.WriteAsync(Encoding.ASCII.GetBytes(line), cancellationToken);
            await file.FlushAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async Task<AuditHead?> LatestAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Location)) return null;
        await using var file = new FileStream(Location, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var start = Math.Max(0, file.Length - TailBytes);
        file.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.ASCII);
        var text = await reader.ReadToEndAsync(cancellationToken);
        AuditHead? latest = null;
        var lines = text.Split('\n');
        // A partial first line (the seek landed inside it) is skipped; so is a line cut off by a crash mid-write.
        foreach (var line in lines.Skip(start > 0 ? 1 : 0))
            // On a tie the later line wins: it was written after the other.
            if (AuditHead.TryParse(line.Split(' ')[0], out var head) && (latest is null || head!.Sequence >= latest.Sequence))
                latest = head;
        return latest;
    }

    private static string StoreName(StorageOptions s)
    {
        if (s.Provider == StorageProvider.Sqlite) return "sqlite";
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = s.EffectiveConnectionString };
        string Part(string key) => builder.TryGetValue(key, out var v) ? v?.ToString() ?? "" : "";
        var name = $"postgresql-{Part("Host")}-{Part("Database")}";
        return new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
    }
}
