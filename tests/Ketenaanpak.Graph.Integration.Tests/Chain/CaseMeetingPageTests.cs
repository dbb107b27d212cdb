using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit;

namespace Ketenaanpak.Graph.Integration.Tests.Chain;

/// <summary>The case-meeting pages on the demo region over HTTP, and the minutes as a PDF printed by headless Chromium.</summary>
[Collection(HostsCollection.Name)]
public sealed class CaseMeetingPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Analyst_PlansAMeeting_GeneratesTheAgenda_AndPrintsTheMinutesAsPdf()
    {
        await using var app = new AppFactory(store);
        using var analyst = await SignIn.AsAsync(app, "analist");
        var date = TestKit.TestClock.Start.AddDays(20).ToString("dd-MM-yyyy");

        var bad = await PostAsync(analyst, "/casusoverleg", "/casusoverleg", new() { ["Kind"] = "kwartaal", ["Title"] = "<script>x</script>", ["Date"] = "morgen", ["Time"] = "13:00" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = new HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync());
        Assert.Equal("Vul een geldige datum in (dd-mm-jjjj).", badPage.QuerySelector("#Date-error")!.TextContent.Trim());
        Assert.Equal("<script>x</script>", ((AngleSharp.Html.Dom.IHtmlInputElement)badPage.QuerySelector("#Title")!).Value); // kept as text

        var created = await PostAsync(analyst, "/casusoverleg", "/casusoverleg", new() { ["Kind"] = "kwartaal", ["Title"] = "Casusoverleg Twente proef", ["Date"] = date, ["Time"] = "13:30", ["Chair"] = "Burgemeester van Enschede" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var meetingUrl = created.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/casusoverleg/[0-9a-f-]{36}$", meetingUrl);

        var agenda = await PostAsync(analyst, meetingUrl, meetingUrl + "/agenda", new());
        var page = new HtmlParser().ParseDocument(await agenda.Content.ReadAsStringAsync());
        Assert.Equal("De agenda is samengesteld uit de dossiers die het overleg nodig hebben.", page.QuerySelector("#melding")!.TextContent.Trim());
        var items = page.QuerySelectorAll(".agenda-item");
        Assert.NotEmpty(items); // the demo region has dossiers awaiting weighing and overdue interventions
        Assert.NotEmpty(page.QuerySelectorAll(".participants tbody tr"));

        var pdf = await analyst.GetAsync(meetingUrl + "/verslag.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", nameof(Analyst_PlansAMeeting_GeneratesTheAgenda_AndPrintsTheMinutesAsPdf));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "verslag.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        var text = Run("pdftotext", "-layout", file, "-");
        Assert.Contains("Verslag Casusoverleg Twente proef", text);
        Assert.Contains("VERTROUWELIJK", text); // the stylesheet sets the classification in capitals
        Assert.Contains(items[0].QuerySelector("h3 .mono")!.TextContent.Trim(), text);
        Run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", file, Path.Combine(folder, "01-minutes-pdf"));
        Assert.NotEmpty(Directory.GetFiles(folder, "01-minutes-pdf*.png"));
    }

    [Fact]
    public async Task Coordinator_ReadsMeetings_ButCannotPlanOne()
    {
        await using var app = new AppFactory(store);
        using var coordinator = await SignIn.AsAsync(app, "coordinator");
        var index = new HtmlParser().ParseDocument(await coordinator.GetStringAsync("/casusoverleg"));
        Assert.NotEmpty(index.QuerySelectorAll(".meetings tbody tr")); // the demo's quarterly meetings
        Assert.Null(index.QuerySelector("form[action='/casusoverleg']"));
        var post = await PostAsync(coordinator, "/partners", "/casusoverleg", new() { ["Kind"] = "kwartaal", ["Title"] = "x", ["Date"] = "01-01-2030" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/casusoverleg/{Guid.NewGuid()}")).StatusCode);
    }

    private static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }
}
