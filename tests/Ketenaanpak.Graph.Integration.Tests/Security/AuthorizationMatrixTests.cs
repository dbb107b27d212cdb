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

    private sealed record EndpointUnderTest(string Display, string? Url, string? Policy, bool Anonymous);

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
                policies.Count == 1 ? policies[0] : policies.Count == 0 ? null : string.Join("+", policies), anonymous));
        }
        return list;
    }

    /// <summary>A URL for a GET route without required parameters; null when the route needs a resource id.</summary>
    private static string? Url(RoutePattern pattern)
    {
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
        // Exactly these may be reached without signing in: the sign-in steps, the error page and the health check.
        var anonymous = endpoints.Where(e => e.Anonymous).Select(e => e.Display).Order().ToList();
        Assert.Equal(new[] { "* /fout/{status:int?}", "* /health", "GET /account/code", "GET /account/inloggen", "POST /account/code", "POST /account/inloggen" }, anonymous);
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
}
