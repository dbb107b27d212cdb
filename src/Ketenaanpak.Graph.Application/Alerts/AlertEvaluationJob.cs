using Hangfire;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>
/// The Hangfire entry points: the recurring full evaluation, and the focused one after a signal was submitted. Jobs
/// take ids only and are re-entrant (the evaluation is idempotent); runs never overlap, so two runs cannot both create
/// the same alert.
/// </summary>
public sealed class AlertEvaluationJob(AlertEvaluation evaluation, UrgentAlerts urgent)
{
    public const string EvaluationLock = "alert-evaluation";

    // One group: a full run and a signal's run write the same alerts (AlertEvaluation also keeps them apart in-process).
    [OneRunAtATime(timeoutSeconds: 600, Group = EvaluationLock)]
    public Task<AlertRunResult> RunAsync(CancellationToken ct) => evaluation.RunAsync(null, ct);

    [OneRunAtATime(timeoutSeconds: 600, Group = EvaluationLock)]
    public Task<AlertRunResult> RunForSignalAsync(Guid signal, CancellationToken ct) => evaluation.RunAsync(new SignalId(signal), ct);

    /// <summary>The fallback when the urgent alert could not be made at once in the submission's follow-up.</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task UrgentAsync(Guid signal, CancellationToken ct) => urgent.RaiseAsync(new SignalId(signal), ct);
}
