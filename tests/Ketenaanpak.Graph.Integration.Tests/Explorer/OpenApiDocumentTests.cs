using System.Net;
using System.Text.Json;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;

namespace Ketenaanpak.Graph.Integration.Tests.Explorer;

[Collection(HostsCollection.Name)]
public sealed class OpenApiDocumentTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task OpenApi_SignedIn_DescribesTheJsonApiOnly()
    {
        await using var app = new AppFactory(store);
        using var anonymous = app.CreateClient();
        var refused = await anonymous.GetAsync("/openapi/v1.json");
        Assert.EndsWith("/account/inloggen", refused.RequestMessage!.RequestUri!.AbsolutePath);

        using var analyst = await SignIn.AsAsync(app, "analist");
        var response = await analyst.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/analysis/{algorithm}", paths);
        Assert.Contains("/api/nodes/{id}/neighbourhood", paths);
        Assert.Contains("/api/search", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p)); // no Razor pages in the contract
    }
}
