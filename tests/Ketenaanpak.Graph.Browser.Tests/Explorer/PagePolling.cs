using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Explorer;

public static class PagePolling
{
    /// <summary>Polls a condition with Evaluate: Playwright's WaitForFunction compiles its predicate with eval, which the
    /// app's strict CSP refuses (as it should).</summary>
    public static async Task UntilAsync(IPage page, string condition, int timeoutMs = 15000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await page.EvaluateAsync<bool>($"!!({condition})"))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not within {timeoutMs} ms: {condition}");
            await Task.Delay(100);
        }
    }
}
