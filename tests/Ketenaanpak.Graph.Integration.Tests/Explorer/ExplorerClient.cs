using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Ketenaanpak.Graph.Integration.Tests.Explorer;

/// <summary>Calls the explorer API as the page's script does: JSON bodies with the antiforgery header from the page.</summary>
public static class ExplorerClient
{
    public static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/verkenner");
        return new HtmlParser().ParseDocument(html).QuerySelector("#verkenner")?.GetAttribute("data-token")
            ?? throw new InvalidOperationException("No antiforgery token on /verkenner");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (withToken) request.Headers.Add("RequestVerificationToken", await TokenAsync(client));
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, string url, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        if (withToken) request.Headers.Add("RequestVerificationToken", await TokenAsync(client));
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
