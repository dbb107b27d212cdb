using Hangfire;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>
/// The Hangfire entry points: the recurring full evaluation, and the focused one after a signal was submitted. Jobs
/// take ids only and are re-entrant (the evaluation is idempotent); runs never overlap, so two runs cannot both create
/// the same alert.
/// </summary>
public sealed class AlertEvaluationJob(AlertEvaluation evaluation, UrgentAlerts urgent)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<AlertRunResult> RunAsync(CancellationToken ct) => evaluation.RunAsync(null, ct);

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<AlertRunResult> RunForSignalAsync(Guid signal, CancellationToken ct) => evaluation.RunAsync(new SignalId(signal), ct);

    /// <summary>The fallback when the urgent alert could not be made at once in the submission's follow-up.</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task UrgentAsync(Guid signal, CancellationToken ct) => urgent.RaiseAsync(new SignalId(signal), ct);
}
