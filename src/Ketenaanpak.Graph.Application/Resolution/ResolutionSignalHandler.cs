using Hangfire;
using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>After a signal is submitted: enqueue resolution of the persons it mentions (never inside the submission).</summary>
public sealed class ResolutionSignalHandler(IBackgroundJobClient jobs) : ISignalSubmittedHandler
{
    public Task OnSubmittedAsync(SignalId signal, CancellationToken cancellationToken)
    {
        var id = signal.Value;
        jobs.Enqueue<ResolutionJob>(j => j.RunForSignalAsync(id, CancellationToken.None));
        return Task.CompletedTask;
    }
}
