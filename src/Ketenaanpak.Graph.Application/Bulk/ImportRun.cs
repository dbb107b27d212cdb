namespace Ketenaanpak.Graph.Application.Bulk;

public enum ImportRunStatus { Queued = 1, Running = 2, Succeeded = 3, Failed = 4 }

/// <summary>
/// One import started from the web page: the uploaded file, its settings, and — once the Hangfire job ran — the outcome
/// and the report of rejected rows. The job takes only this id and is re-entrant: a run that succeeded is never run
/// again, and a run interrupted by a stopped instance is simply run again (the import is one transaction with stable
/// ids, so a retry neither loses nor duplicates anything).
/// </summary>
public sealed class ImportRun
{
    public const int MaxFileNameLength = 200;

    private ImportRun() { Dataset = FileName = StoredPath = RequestedBy = ""; }

    public ImportRun(Guid id, string dataset, string fileName, string storedPath, ImportFormat format, string? mappingJson,
        Guid partnerId, string requestedBy, DateTimeOffset createdAt)
    {
        Id = id;
        Dataset = dataset;
        FileName = fileName.Length > MaxFileNameLength ? fileName[..MaxFileNameLength] : fileName;
        StoredPath = storedPath;
        Format = format;
        MappingJson = mappingJson;
        PartnerId = partnerId;
        RequestedBy = requestedBy;
        CreatedAt = createdAt;
        Status = ImportRunStatus.Queued;
    }

    public Guid Id { get; private set; }
    public string Dataset { get; private set; }
    public string FileName { get; private set; }
    /// <summary>Where the upload lies (shared by all instances: the data directory or a shared volume).</summary>
    public string StoredPath { get; private set; }
    public ImportFormat Format { get; private set; }
    public string? MappingJson { get; private set; }
    public Guid PartnerId { get; private set; }
    public string RequestedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public ImportRunStatus Status { get; private set; }
    /// <summary>How many times a worker started it (more than one: an instance stopped mid-run and another took over).</summary>
    public int Attempts { get; private set; }
    public long NodesInserted { get; private set; }
    public long RelationsInserted { get; private set; }
    public long Rejected { get; private set; }
    /// <summary>The import summary as JSON (counts, normalisation notes, the first rejected rows).</summary>
    public string? ReportJson { get; private set; }
    public string? Error { get; private set; }

    public void Start(DateTimeOffset now)
    {
        Status = ImportRunStatus.Running;
        StartedAt = now;
        Attempts++;
        Error = null;
    }

    public void Succeed(ImportSummary summary, string reportJson, DateTimeOffset now)
    {
        Status = ImportRunStatus.Succeeded;
        NodesInserted = summary.NodesInserted;
        RelationsInserted = summary.RelationsInserted;
        Rejected = summary.Rejected;
        ReportJson = reportJson;
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = ImportRunStatus.Failed;
        Error = error.Length > 2000 ? error[..2000] : error;
        FinishedAt = now;
    }
}

/// <summary>A CSV column mapping saved under a name, so the next file of the same shape needs no new mapping.</summary>
public sealed class ImportMapping
{
    public const int MaxNameLength = 80;

    private ImportMapping() { Name = Json = CreatedBy = ""; }

    public ImportMapping(string name, string json, string createdBy, DateTimeOffset createdAt)
    {
        Name = name;
        Json = json;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; }
    public string Json { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Replace(string json) => Json = json;
}
