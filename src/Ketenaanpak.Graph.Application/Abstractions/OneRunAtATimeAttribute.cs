namespace Ketenaanpak.Graph.Application.Abstractions;

/// <summary>
/// Marks a Hangfire job method of which at most one run may be in progress across all instances. Another run waits up
/// to <see cref="TimeoutSeconds"/> and then fails (Hangfire retries it). Unlike Hangfire's DisableConcurrentExecution,
/// whose lock is a table row that outlives a killed instance by the storage's lock timeout, the lock behind this one
/// (Infrastructure/Jobs/OneRunAtATimeFilter) is released the moment its holder's process or connection dies.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneRunAtATimeAttribute(int timeoutSeconds) : Attribute
{
    public int TimeoutSeconds { get; } = timeoutSeconds;

    /// <summary>
    /// Jobs with the same group share one lock (e.g. two entry points of one evaluation that must not overlap); without
    /// a group each job method has its own.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>The name of the lock a run of <paramref name="method"/> takes.</summary>
    public string LockName(System.Reflection.MethodInfo method) => Group ?? $"{method.DeclaringType?.FullName}.{method.Name}";
}
