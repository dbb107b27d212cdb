using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests;

/// <summary>
/// The app on a real Kestrel port with a fresh SQLite store and the demo region, and Debian's Chromium driven by
/// Playwright (no browser download: the test command installs the chromium package).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ketenaanpak-browser", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _app;
    private IPlaywright? _playwright;

    public const string DemoPassword = "Browser-Demo-Wachtwoord-2026!";

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, for arranging what a page needs but has no form for yet (e.g. a submitted signal).</summary>
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseWebRoot(Path.Combine(TestKit.RepositoryPaths.Root, "wwwroot"));
            b.UseSetting("Storage:DataDirectory", _dataDirectory);
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("Demo:Password", DemoPassword);
            // Every browser test signs in through the form from 127.0.0.1 into this one app: the chain walk alone signs in
            // six users within a minute. The production limit (10 per address per minute) then answers 429 to a later
            // test's sign-in, which looked like a hang. The limit itself is tested in SignInTests.
            b.UseSetting("Security:SignInAttemptsPerMinute", "1000");
            // A free port: UseKestrel(0) leaves Kestrel on its default 5000, which parallel test runs then fight over.
            b.UseSetting("urls", "http://127.0.0.1:0");
        });
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public static class PageSignIn
{
    /// <summary>Signs in through the real form, as a user would.</summary>
    public static async Task SignInAsync(this IPage page, string baseUrl, string userName, Steps? steps = null)
    {
        await page.GotoAsync(baseUrl + "/account/inloggen");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", BrowserFixture.DemoPassword);
        if (steps is not null) await steps.ShotAsync("inloggen");
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync(baseUrl + "/");
        }
        catch (TimeoutException e)
        {
            // Say where the browser got stuck (a refused sign-in stays on the form with its message; a slow server leaves
            // the overview loading), so that an occasional failure under load can be told apart from a real one.
            var message = await page.Locator(".validation-summary, .notice").AllInnerTextsAsync();
            if (message.Count == 0) message = [string.Concat((await page.Locator("body").InnerTextAsync()).Trim().Take(300))]; // e.g. a plain 429 text
            throw new TimeoutException($"Sign-in of {userName} did not reach the overview; the browser is at {page.Url}" +
                (message.Count > 0 ? $", showing: {string.Join(" | ", message)}" : ""), e);
        }
    }
}

/// <summary>Saves a screenshot of every step under artifacts/screenshots/&lt;test&gt;/&lt;nn-step&gt;.png for a person to look at.</summary>
public sealed class Steps(IPage page, string testName)
{
    // Shared by the Steps of one walk on several pages (one per user), so the files number the whole walk in order.
    private readonly System.Runtime.CompilerServices.StrongBox<int> _step = new();

    private Steps(IPage page, string testName, System.Runtime.CompilerServices.StrongBox<int> step) : this(page, testName) => _step = step;

    public static string Folder(string testName) => Path.Combine(TestKit.RepositoryPaths.Root, "artifacts", "screenshots", testName);

    /// <summary>The same walk continued on another page (another user's browser): same folder, numbering goes on.</summary>
    public Steps On(IPage other) => new(other, testName, _step);

    public async Task ShotAsync(string step)
    {
        var folder = Folder(testName);
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{++_step.Value:00}-{step}.png"), FullPage = true });
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
