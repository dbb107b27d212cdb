using Ketenaanpak.Graph.Application.Bulk;

namespace Ketenaanpak.Graph.Web.Features.Imports;

/// <summary>The upload form (Dutch field names are what the page posts).</summary>
public sealed class ImportForm
{
    public IFormFile? Bestand { get; set; }
    public string? Formaat { get; set; }
    public string? Dataset { get; set; }
    /// <summary>A saved mapping by name (CSV only).</summary>
    public string? Indeling { get; set; }
    /// <summary>A new mapping as JSON (CSV only); with <see cref="BewaarAls"/> it is saved for next time.</summary>
    public string? IndelingJson { get; set; }
    public string? BewaarAls { get; set; }
}

public sealed record ImportIndexModel(ImportForm Form, IReadOnlyList<ImportRun> Runs, IReadOnlyList<ImportMapping> Mappings);

public sealed record ImportStatusDto(Guid Id, string Status, string StatusText, int Percent, long RowsRead, long NodesInserted,
    long RelationsInserted, long Rejected, bool Done, string? Error);

public static class ImportLabels
{
    public static readonly (string Value, string Label)[] Formats =
    [
        ("csv", "CSV met kolomindeling"), ("ftm", "FollowTheMoney (JSON per regel)"), ("graphml", "GraphML"),
        ("edgelist", "Lijst van verbindingen"), ("matrix", "Matrix (één modus)"), ("two-mode", "Matrix met twee modi (personen × gebeurtenissen)"),
    ];

    public static bool TryFormat(string? value, out ImportFormat format)
    {
        (bool ok, format) = value switch
        {
            "csv" => (true, ImportFormat.Csv), "ftm" => (true, ImportFormat.Ftm), "graphml" => (true, ImportFormat.GraphMl),
            "edgelist" => (true, ImportFormat.EdgeList), "matrix" => (true, ImportFormat.Matrix), "two-mode" => (true, ImportFormat.TwoMode),
            _ => (false, default),
        };
        return ok;
    }

    public static string Dutch(this ImportRunStatus status) => status switch
    {
        ImportRunStatus.Queued => "in de wachtrij",
        ImportRunStatus.Running => "bezig",
        ImportRunStatus.Succeeded => "klaar",
        ImportRunStatus.Failed => "mislukt, niets opgeslagen",
        _ => status.ToString(),
    };

    /// <summary>What the page says about a run: its status, and — when it is on a second or later try — that an earlier
    /// try was broken off and the import starts again from the beginning, without storing anything twice.</summary>
    public static string StatusText(this ImportRun run) =>
        run.Attempts > 1 && run.Status is ImportRunStatus.Running or ImportRunStatus.Queued
            ? $"{run.Status.Dutch()} — poging {run.Attempts}: de vorige poging is afgebroken en de import begint opnieuw; er wordt niets dubbel opgeslagen"
            : run.Attempts > 1 && run.Status == ImportRunStatus.Succeeded
                ? $"klaar, bij poging {run.Attempts} (eerdere pogingen zijn afgebroken; er is niets dubbel opgeslagen)"
                : run.Status.Dutch();
}
