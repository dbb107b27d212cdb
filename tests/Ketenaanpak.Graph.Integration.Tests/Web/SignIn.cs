using System.Net;
using AngleSharp.Html.Parser;

namespace Ketenaanpak.Graph.Integration.Tests.Web;

/// <summary>Signs a client in through the real sign-in form (antiforgery token and all), as a browser would.</summary>
public static class SignIn
{
    public const string DemoPassword = "Test-Demo-Wachtwoord-2026!";

    public static async Task<HttpClient> AsAsync(AppFactory app, string userName, string password = DemoPassword)
    {
        var client = app.CreateClient();
        var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.OK || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/account/inloggen") == true)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/inloggen");
        return await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {page}");
    }
}
