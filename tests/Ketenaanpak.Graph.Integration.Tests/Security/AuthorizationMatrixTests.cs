using System.Net;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Security;

/// <summary>
/// The authorisation matrix, built from the app's own route table: every endpoint × every role (and anonymous).
/// The expected answer per policy is written here, independently of the app's policy code, from the issue's rules.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class AuthorizationMatrixTests(SqliteTestStore store) : IClassFixture<SqliteTestStore>
{
    private static readonly string[] AllRoles = [.. Roles.All];

    /// <summary>Which roles each policy admits — the specification the app must meet.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["SignedIn"] = AllRoles,
        ["Network"] = [Roles.Administrator, Roles.RiecAnalyst, Roles.MunicipalCoordinator, Roles.CaseMeetingMember],
        ["AuditLog"] = [Roles.DataProtectionOfficer],
        ["DataSubjectRequests"] = [Roles.DataProtectionOfficer],
        ["Administration"] = [Roles.Administrator],
        ["Import"] = [Roles.Administrator, Roles.RiecAnalyst],
        // Everyone who observes may file a signal, also a non-covenant partner (issue 6.1); not the administrator or the FG.
        ["ReportSignals"] = [Roles.PartnerContributor, Roles.MunicipalCoordinator, Roles.RiecAnalyst, Roles.CaseMeetingMember],
        ["Resolution"] = [Roles.RiecAnalyst],
    };

    private static readonly Dictionary<string, string> DemoAccountOfRole = new()
    {
        [Roles.Administrator] = "beheerder",
        [Roles.RiecAnalyst] = "analist",
        [Roles.MunicipalCoordinator] = "coordinator",
        [Roles.CaseMeetingMember] = "casusoverleg",
        [Roles.PartnerContributor] = "melder",
        [Roles.DataProtectionOfficer] = "fg",
    };

    private sealed record EndpointUnderTest(string Display, string? Url, string? Policy, bool Anonymous, IReadOnlyList<string> Methods = null!, RoutePattern Pattern = null!);

    private static List<EndpointUnderTest> Endpoints(AppFactory app)
    {
        using var _ = app.CreateClient();
        var list = new List<EndpointUnderTest>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var display = $"{string.Join(",", methods ?? ["*"])} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
            list.Add(new EndpointUnderTest(display, methods is null || methods.Contains("GET") ? Url(endpoint.RoutePattern) : null,
                policies.Count == 1 ? policies[0] : policies.Count == 0 ? null : string.Join("+", policies), anonymous, [.. methods ?? ["GET"]], endpoint.RoutePattern));
        }
        return list;
    }

    /// <summary>Sample URLs for GET routes whose parameter is not a resource id, so that they are in the matrix too.</summary>
    private static readonly Dictionary<string, string> SampleUrls = new()
    {
        ["api/analysis/{algorithm}"] = "/api/analysis/degree?top=5",
    };

    /// <summary>A URL for a GET route without required parameters; null when the route needs a resource id.</summary>
    private static string? Url(RoutePattern pattern)
    {
        if (SampleUrls.TryGetValue(pattern.RawText?.TrimStart('/') ?? "", out var sample)) return sample;
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.Parts.All(p => p is RoutePatternLiteralPart)) { segments.Add(string.Concat(segment.Parts.Cast<RoutePatternLiteralPart>().Select(p => p.Content))); continue; }
            if (segment.Parts.OfType<RoutePatternParameterPart>().All(p => p.IsOptional || p.IsCatchAll)) continue;
            return null;
        }
        return "/" + string.Join("/", segments);
    }

    [Fact]
    public async Task RouteTable_EveryEndpoint_NamesAPolicyOrIsExplicitlyAnonymous()
    {
        await using var app = new AppFactory(store);
        var endpoints = Endpoints(app);
        Assert.NotEmpty(endpoints);
        var unprotected = endpoints.Where(e => !e.Anonymous && (e.Policy is null || !Expected.ContainsKey(e.Policy))).Select(e => e.Display).ToList();
        Assert.True(unprotected.Count == 0, "Endpoints without a known policy: " + string.Join("; ", unprotected));
        // Exactly these may be reached without signing in: the sign-in steps (password, code, the organisation's identity
        // provider and its return), the error page and the health check.
        var anonymous = endpoints.Where(e => e.Anonymous).Select(e => e.Display).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "* /fout/{status:int?}", "* /health", "GET /account/code", "GET /account/extern/terug", "GET /account/inloggen",
            "POST /account/code", "POST /account/extern", "POST /account/inloggen" }, anonymous);
    }

    /// <summary>The yearly report (issue 7.7) is for the covenant roles (ADR-012); its GETs run through the matrix below.</summary>
    [Fact]
    public async Task YearlyReportEndpoints_AreUnderTheNetworkPolicy()
    {
        await using var app = new AppFactory(store);
        var report = Endpoints(app).Where(e => e.Url is "/jaarverslag" or "/jaarverslag.pdf" or "/jaarverslag.csv").ToList();
        Assert.Equal(3, report.Count);
        Assert.All(report, e => Assert.Equal("Network", e.Policy));
    }

    [Fact]
    public async Task Matrix_EveryGetEndpointTimesEveryRole_AllowsExactlyWhatThePolicySays()
    {
        await using var app = new AppFactory(store);
        var endpoints = Endpoints(app).Where(e => e.Url is not null && !e.Anonymous).DistinctBy(e => e.Url).ToList();
        var failures = new List<string>();

        using (var anonymous = app.CreateClient())
            foreach (var e in endpoints)
            {
                var response = await anonymous.GetAsync(e.Url);
                // Pages send an anonymous visitor to the sign-in page; the API answers 401.
                var refused = e.Url!.StartsWith("/api/")
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.RequestMessage!.RequestUri!.AbsolutePath == "/account/inloggen";
                if (!refused) failures.Add($"anonymous {e.Url}: {(int)response.StatusCode} at {response.RequestMessage!.RequestUri}");
            }

        foreach (var role in AllRoles)
        {
            using var client = await SignIn.AsAsync(app, DemoAccountOfRole[role]);
            foreach (var e in endpoints)
            {
                var response = await client.GetAsync(e.Url);
                // The access-denied page itself answers 403 to everyone: it is where denials land.
                var allowed = Expected[e.Policy!].Contains(role) && e.Url != "/account/geen-toegang";
                var status = response.StatusCode;
                // Allowed: the endpoint itself answers (200, or 400 for an API call without its required query).
                var answered = status == HttpStatusCode.OK || (e.Url!.StartsWith("/api/") && status == HttpStatusCode.BadRequest);
                if (allowed && !answered) failures.Add($"{role} {e.Url}: expected an answer, got {(int)status}");
                if (!allowed && status != HttpStatusCode.Forbidden) failures.Add($"{role} {e.Url}: expected 403, got {(int)status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The rest of the route table — endpoints with a resource in the path and every POST/PUT/DELETE — for every role
    /// the policy does not admit, with a valid antiforgery token: each must be refused (403) before it does anything.
    /// Admitted roles are left to the feature tests, because these requests would change data.
    /// </summary>
    [Fact]
    public async Task Matrix_ParameterisedAndWritingEndpoints_RefuseEveryRoleThePolicyDoesNotAdmit()
    {
        await using var app = new AppFactory(store);
        var all = Endpoints(app); // starts the host: the demo accounts exist from here
        var sampleId = await SampleUserIdAsync(app);
        var endpoints = all.Where(e => !e.Anonymous && e.Policy is not null && !e.Display.Contains("{**"))
            .SelectMany(e => e.Methods.Where(m => m != "GET" || e.Url is null).Select(m => (Endpoint: e, Method: m, Url: Fill(e.Pattern, sampleId)))).ToList();
        Assert.Contains(endpoints, e => e.Url.StartsWith("/beheer/gebruikers/") && e.Method == "POST");
        var failures = new List<string>();
        foreach (var role in AllRoles)
        {
            using var client = await SignIn.AsAsync(app, DemoAccountOfRole[role]);
            var token = await SignIn.AntiforgeryTokenAsync(client, "/partners");
            foreach (var (e, method, url) in endpoints.Where(x => !Expected[x.Endpoint.Policy!].Contains(role)))
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET") request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                var status = (await client.SendAsync(request)).StatusCode;
                if (status != HttpStatusCode.Forbidden) failures.Add($"{role} {method} {url}: expected 403, got {(int)status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<string> SampleUserIdAsync(AppFactory app)
    {
        await using var db = app.Store.NewContext();
        return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserName == "analist")).Id;
    }

    /// <summary>A concrete path for a pattern: a real user id (a GUID) for ids, 1 for numbers, a plausible text otherwise.</summary>
    private static string Fill(RoutePattern pattern, string sampleId) => "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
        RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "guid") || p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase) => sampleId,
        RoutePatternParameterPart => "DOS-2026-001",
        _ => "",
    }))));

    /// <summary>The explorer's endpoints that the generic matrix cannot call (POSTs and routes with an id): the roles
    /// outside the Network policy are refused before any input is looked at.</summary>
    [Fact]
    public async Task ExplorerEndpoints_RolesOutsideTheNetworkPolicy_AreRefused()
    {
        await using var app = new AppFactory(store);
        var id = Guid.NewGuid();
        var gets = new[] { $"/api/nodes/{id}/central-paths", $"/api/views/{id}", "/api/explorer/dossiers/DOS-2025-001/graph", "/api/explorer/datasets/caviar/graph",
            "/api/explorer/dossiers/DOS-2025-001/what-if", "/verkenner/dossier/DOS-2025-001/barrieres" };
        var posts = new[] { "/api/explorer/expand", "/api/explorer/elements", "/api/explorer/export?format=csv", "/api/views" };
        foreach (var role in AllRoles.Where(r => !Expected["Network"].Contains(r)))
        {
            using var client = await SignIn.AsAsync(app, DemoAccountOfRole[role]);
            foreach (var url in gets) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            foreach (var url in posts)
                Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/views/{id}")).StatusCode);
        }
        using var anonymous = app.CreateClient();
        foreach (var url in gets.Where(u => u.StartsWith("/api/"))) Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }

    /// <summary>The alert endpoints with an id or a body (issue 6 §4): the roles outside the Network policy are refused
    /// before any input is looked at, and anonymous API calls get 401.</summary>
    [Fact]
    public async Task AlertEndpoints_RolesOutsideTheNetworkPolicy_AreRefused()
    {
        await using var app = new AppFactory(store);
        var id = Guid.NewGuid();
        var gets = new[] { "/signaleringen", "/signaleringen/regels", $"/signaleringen/{id}", "/api/alerts", $"/api/alerts/{id}" };
        var jsonPosts = new[] { $"/api/alerts/{id}/status", $"/api/alerts/{id}/assign" };
        var formPosts = new[] { $"/signaleringen/{id}/status", $"/signaleringen/{id}/toewijzen", $"/signaleringen/{id}/dossier",
            $"/signaleringen/{id}/casusoverleg", "/signaleringen/regels/adres-inschrijvingen" };
        foreach (var role in AllRoles.Where(r => !Expected["Network"].Contains(r)))
        {
            using var client = await SignIn.AsAsync(app, DemoAccountOfRole[role]);
            var token = await SignIn.AntiforgeryTokenAsync(client, "/partners");
            foreach (var url in gets) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            foreach (var url in jsonPosts)
                Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
            foreach (var url in formPosts)
                Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
        }
        using var anonymous = app.CreateClient();
        foreach (var url in new[] { "/api/alerts", $"/api/alerts/{id}" }) Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }
}
