using Ketenaanpak.Graph.Application.Bulk;
using Ketenaanpak.Graph.Web.Features.Imports;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>Issue 14.8: a retried import said "bezig 0%" for minutes without a word about the earlier tries.</summary>
public sealed class ImportStatusTextTests
{
    private static ImportRun Run() => new(Guid.NewGuid(), "ds", "edges.csv", "/tmp/x.upload", ImportFormat.EdgeList, null, Guid.NewGuid(),
        "analist", DateTimeOffset.UnixEpoch);

    [Fact]
    public void FirstTry_SaysOnlyTheStatus()
    {
        var run = Run();
        run.Start(DateTimeOffset.UnixEpoch);
        Assert.Equal("bezig", run.StatusText());
    }

    [Fact]
    public void SecondTry_SaysThatTheEarlierTryBrokeOff_AndNothingIsStoredTwice()
    {
        var run = Run();
        run.Start(DateTimeOffset.UnixEpoch);
        run.Start(DateTimeOffset.UnixEpoch);
        Assert.Contains("poging 2", run.StatusText());
        Assert.Contains("opnieuw", run.StatusText());
        Assert.Contains("niets dubbel", run.StatusText());
    }

    [Fact]
    public void SucceededAfterARetry_SaysAtWhichTry()
    {
        var run = Run();
        run.Start(DateTimeOffset.UnixEpoch);
        run.Start(DateTimeOffset.UnixEpoch);
        run.Succeed(new ImportSummary("ds", "edges.csv", "edgelist", "Sqlite", 2, 1, 0, 2, 1, 0, 0, 0, 0, [], [], 0.1), "{}", DateTimeOffset.UnixEpoch);
        Assert.StartsWith("klaar, bij poging 2", run.StatusText());
    }
}
