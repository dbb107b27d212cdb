using System.Reflection;
using Hangfire.Common;
using Hangfire.Server;
using Ketenaanpak.Graph.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Infrastructure.Jobs;

/// <summary>
/// Applies <see cref="OneRunAtATimeAttribute"/>: takes the job's run lock before it performs and releases it after.
/// When the wait runs out the run fails with a message that says which job is still running, and Hangfire retries it.
/// </summary>
public sealed class OneRunAtATimeFilter(IJobRunLocks locks, ILogger<OneRunAtATimeFilter> log) : JobFilterAttribute, IServerFilter
{
    private const string HeldKey = "ketenaanpak-run-lock";

    public void OnPerforming(PerformingContext context)
    {
        var method = context.BackgroundJob.Job.Method;
        if (method.GetCustomAttribute<OneRunAtATimeAttribute>() is not { } attribute) return;
        var name = attribute.LockName(method);
        var held = locks.TryAcquire(name, TimeSpan.FromSeconds(attribute.TimeoutSeconds), context.CancellationToken.ShutdownToken);
        if (held is null)
        {
            log.LogWarning("{Job} is still running elsewhere after {Seconds} s; this run fails and is retried", name, attribute.TimeoutSeconds);
            throw new JobStillRunningException($"{name} draait nog op een andere instantie; deze run wordt later opnieuw geprobeerd.");
        }
        context.Items[HeldKey] = held;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(HeldKey, out var held) && held is IDisposable disposable) disposable.Dispose();
    }
}

/// <summary>A run of a <see cref="OneRunAtATimeAttribute"/> job found another run in progress for its whole wait.</summary>
public sealed class JobStillRunningException(string message) : Exception(message);
