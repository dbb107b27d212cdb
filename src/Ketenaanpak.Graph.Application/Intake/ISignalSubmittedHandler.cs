using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Intake;

/// <summary>
/// What happens after a signal is submitted and committed: entity resolution queues its fuzzy candidates, the alert
/// rules look at what it touched. Each handler only enqueues its own background job (Hangfire), so a failing follow-up
/// never undoes or delays the submission itself. Registered as many implementations; the intake calls them all.
/// </summary>
public interface ISignalSubmittedHandler
{
    Task OnSubmittedAsync(SignalId signal, CancellationToken cancellationToken);
}
