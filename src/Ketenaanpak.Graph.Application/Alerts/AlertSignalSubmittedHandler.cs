using Hangfire;
using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.Extensions.Logging;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>
/// After a submission: raises the urgent alert at once (it must not wait for a queue), and enqueues the rule evaluation
/// for what the signal touched. A failure here never reaches the submission: the urgent alert then falls back to a job
/// with retries.
/// </summary>
public sealed class AlertSignalSubmittedHandler(UrgentAlerts urgent, IBackgroundJobClient jobs, ILogger<AlertSignalSubmittedHandler> log)
    : ISignalSubmittedHandler
{
    public async Task OnSubmittedAsync(SignalId signal, CancellationToken cancellationToken)
    {
        try
        {
            await urgent.RaiseAsync(signal, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Urgent alert for signal {Signal} not raised at once; queued", signal);
            jobs.Enqueue<AlertEvaluationJob>(j => j.UrgentAsync(signal.Value, CancellationToken.None));
        }
        jobs.Enqueue<AlertEvaluationJob>(j => j.RunForSignalAsync(signal.Value, CancellationToken.None));
    }
}
