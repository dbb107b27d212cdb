using System.ComponentModel.DataAnnotations;

namespace Ketenaanpak.Graph.Infrastructure.Jobs;

/// <summary>Section "Jobs": how this instance takes part in the shared Hangfire queues.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How long a job fetched by an instance that stopped answering stays invisible before another instance takes it
    /// over (PostgreSQL storage). A running job keeps renewing its claim (sliding), so this is the time to detect a dead
    /// instance, not a limit on how long an import may take.
    /// </summary>
    [Range(5, 24 * 3600, ErrorMessage = "Jobs:InvisibilityTimeoutSeconds must be between 5 and 86400 seconds.")]
    public int InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>Workers per instance; 0 means one per processor core, at least two.</summary>
    [Range(0, 64, ErrorMessage = "Jobs:WorkerCount must be between 0 (one per core) and 64.")]
    public int WorkerCount { get; set; }

    public int EffectiveWorkerCount => WorkerCount > 0 ? WorkerCount : Math.Max(2, Environment.ProcessorCount);
}
