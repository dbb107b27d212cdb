using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Ketenaanpak.Graph.TestKit;

namespace Ketenaanpak.Graph.Integration.Tests.Bulk;

/// <summary>
/// /importeren: an analyst uploads a file, a Hangfire job imports it, the status endpoint the progress bar polls
/// reaches 100 %, and the page shows what was normalised and which rows were refused. A saved CSV mapping is reused.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class ImportPageTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Upload_AsAnalyst_RunsAsJobWithProgressAndReport()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "analist");
        var page = await client.GetStringAsync("/importeren");
        Assert.Contains("Bestanden importeren", page);
        Assert.DoesNotContain("<script>", page); // no inline script: the progress script is a file

        var csv = "source,target,type,weight\nAnna,Bert,Associate,2\nAnna,Chris,Vriendschap,1\n<script>alert(1)</script>,Anna,Family,1\n";
        var id = await UploadAsync(client, "relaties.csv", csv, "csv", "web-test", saveMappingAs: "standaard-relaties",
            mapping: """{"edges": {"source": "source", "target": "target"}}""");
        var status = await WaitAsync(client, id);
        Assert.Equal("Succeeded", status.GetProperty("status").GetString());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());
        Assert.Equal(2, status.GetProperty("relationsInserted").GetInt64());
        Assert.Equal(1, status.GetProperty("rejected").GetInt64());

        var details = await client.GetStringAsync($"/importeren/{id}");
        Assert.Contains("Onbekend soort relatie &#x27;Vriendschap&#x27;", details);
        Assert.Contains("/js/import-progress.js", details);

        // The saved mapping is offered and usable for the next file.
        var again = await client.GetStringAsync("/importeren");
        Assert.Contains("standaard-relaties", again);
        var second = await UploadAsync(client, "meer.csv", "source,target\nDirk,Eva\n", "csv", "web-test-2", savedMapping: "standaard-relaties");
        Assert.Equal(1, (await WaitAsync(client, second)).GetProperty("relationsInserted").GetInt64());
    }

    [Fact]
    public async Task Upload_ABrokenMatrix_FailsAndSavesNothing_AndBadFormIsRedisplayedInDutch()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "analist");
        var id = await UploadAsync(client, "scheef.csv", "0,1,1\n1,0\n", "matrix", "scheef");
        var status = await WaitAsync(client, id);
        Assert.Equal("Failed", status.GetProperty("status").GetString());
        Assert.Contains("niet de verwachte vorm", status.GetProperty("error").GetString());

        var token = await SignIn.AntiforgeryTokenAsync(client, "/importeren");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("matrix"), "Formaat" }, { new StringContent("met spatie"), "Dataset" } };
        var response = await client.PostAsync("/importeren", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kies een bestand.", html);
        Assert.Contains("Een datasetnaam bestaat uit", html);
    }

    [Fact]
    public async Task ImportPage_PartnerContributor_IsRefused()
    {
        await using var app = new AppFactory(store);
        using var client = await SignIn.AsAsync(app, "melder");
        var response = await client.GetAsync("/importeren");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string fileName, string content, string format, string dataset,
        string? mapping = null, string? saveMappingAs = null, string? savedMapping = null)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, "/importeren");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "Bestand", fileName },
            { new StringContent(format), "Formaat" },
            { new StringContent(dataset), "Dataset" },
        };
        if (mapping is not null) form.Add(new StringContent(mapping), "IndelingJson");
        if (saveMappingAs is not null) form.Add(new StringContent(saveMappingAs), "BewaarAls");
        if (savedMapping is not null) form.Add(new StringContent(savedMapping), "Indeling");
        var response = await client.PostAsync("/importeren", form);
        // The client follows the redirect to the run's page.
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(response.StatusCode == HttpStatusCode.OK && landed.StartsWith("/importeren/"), await response.Content.ReadAsStringAsync());
        return Guid.Parse(landed.Split('/')[^1]);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, Guid id)
    {
        for (var i = 0; i < 120; i++)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"/api/importeren/{id}/status")).RootElement;
            if (json.GetProperty("done").GetBoolean()) return json.Clone();
            await Task.Delay(500);
        }
        throw new TimeoutException("The import job did not finish within a minute.");
    }
}
