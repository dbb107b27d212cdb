using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Infrastructure;

/// <summary>Section "Pdf": the browser that prints pages (case-meeting minutes, the yearly report) as PDF.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Headless Chromium (Debian: /usr/bin/chromium). Without it the PDF link answers 503 and the page still prints.</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    [Range(5, 300)]
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>
/// Prints a page to PDF with headless Chromium: the rendered HTML and its stylesheets go into a private temporary
/// folder, Chromium prints the file, the folder is removed. The page is the same one the browser prints, so the PDF and
/// the printout never differ. A view printed this way links its stylesheets by bare file name (they lie beside it);
/// the controller tells the view so through <see cref="StylesheetFolderKey"/>.
/// </summary>
public sealed class PdfPrinter(IOptions<PdfOptions> options, IWebHostEnvironment environment, ILogger<PdfPrinter> log)
{
    /// <summary>ViewData key: the folder prefix for stylesheet links ("" beside the HTML for Chromium, "/css/" on the web).</summary>
    public const string StylesheetFolderKey = "StylesheetFolder";

    /// <param name="html">The whole page.</param>
    /// <param name="stylesheets">File names under wwwroot/css that the page links.</param>
    public async Task<(byte[]? Pdf, string? Error)> PrintAsync(string html, IReadOnlyList<string> stylesheets, CancellationToken ct)
    {
        var chromium = options.Value.ChromiumPath;
        if (!File.Exists(chromium)) return (null, "Op deze server is geen Chromium ingericht om een PDF te maken.");
        var folder = Directory.CreateTempSubdirectory("ketenaanpak-pdf-");
        try
        {
            foreach (var name in stylesheets)
            {
                var css = environment.WebRootFileProvider.GetFileInfo("css/" + Path.GetFileName(name));
                await using var source = css.CreateReadStream();
                await using var target = File.Create(Path.Combine(folder.FullName, Path.GetFileName(name)));
                await source.CopyToAsync(target, ct);
            }
            var page = Path.Combine(folder.FullName, "verslag.html");
            await File.WriteAllTextAsync(page, html, ct);
            var output = Path.Combine(folder.FullName, "verslag.pdf");
            var info = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--allow-file-access-from-files",
                         $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", $"--print-to-pdf={output}", new Uri(page).AbsoluteUri])
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var drainOut = process.StandardOutput.ReadToEndAsync(ct);
            var drainErr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (null, "Het maken van de PDF duurde te lang.");
            }
            await Task.WhenAll(drainOut, drainErr);
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                log.LogWarning("Chromium printed no PDF (exit {Exit}): {Error}", process.ExitCode, (await drainErr).Trim());
                return (null, "Chromium kon de PDF niet maken.");
            }
            return (await File.ReadAllBytesAsync(output, ct), null);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* Chromium may still hold its profile for a moment */ }
        }
    }
}
