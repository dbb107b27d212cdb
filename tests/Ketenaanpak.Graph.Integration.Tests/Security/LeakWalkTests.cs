using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Security;

/// <summary>
/// The leak walk (issue 14): for each demo role on each store, what the role may see is derived from the access policy
/// (<see cref="ViewerScope"/>, the decision of <c>/api/nodes/{id}</c>); then every GET route of the app's own route
/// table is requested with ids the role may and may not see in every route parameter and query field, plus every
/// export format. No answer may carry the id or the name of an entity outside the role's network, nor a victim's name
/// where the role sees only the pseudonym, and none may be a 5xx. New routes are walked without a new test.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class LeakWalkTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    /// <summary>Surfaces whose purpose is to show everything about a person to the data-protection officer (audit log,
    /// data-subject reports) and the job dashboard; they are walked for the other roles, who are refused.</summary>
    private static readonly string[] DataProtectionOfficerSurfaces = ["/audit", "/betrokkene"];

    private static readonly Regex Guids = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.Compiled);

    private sealed record Secrets(HashSet<string> HiddenIds, List<string> HiddenNames, List<string> HiddenSample, List<string> VisibleSample,
        List<string> ReadableDossiers, List<string> HiddenDossiers);

    [Fact]
    public async Task EveryGetRoute_ForEveryRole_ShowsNothingOutsideTheRolesNetwork()
    {
        await using var app = new AppFactory(store);
        using (app.CreateClient()) { }
        foreach (var (name, account) in DemoUserSeeder.Accounts)
            await app.EnsureUserAsync(name, account.Role, account.Partner);
        var snapshots = app.Services.GetRequiredService<GraphSnapshotService>();
        await snapshots.RefreshIfChangedAsync();
        var routes = Routes(app);
        Assert.Contains(routes, r => r.Template == "/dossiers/{number}/proces");
        var values = await ResourceValuesAsync();

        var failures = new List<string>();
        var requests = 0;
        foreach (var (name, _) in DemoUserSeeder.Accounts)
        {
            var actor = await ActorAsync(name);
            var secrets = await SecretsAsync(ViewerScope.For(actor, snapshots.Current));
            // The walk must have something to look for: every role but the RIEC's has hidden entities in the demo region.
            if (!AccessPolicy.SeesAllDossiers(actor)) Assert.True(secrets.HiddenIds.Count > 0 && secrets.HiddenNames.Count > 0, $"{name}: nothing hidden to look for");
            using var client = await SignIn.AsAsync(app, name);
            foreach (var url in Urls(routes, secrets, values).Where(u => actor.Role != Roles.DataProtectionOfficer || !DataProtectionOfficerSurfaces.Any(u.StartsWith)))
            {
                requests++;
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500) { failures.Add($"{name} {url}: {(int)response.StatusCode}"); continue; }
                // What the request carried is echoed back (the search box, a document's name): not a leak.
                foreach (var leak in Leaks(await BodyAsync(response), secrets).Where(l => !url.Contains(l.Value, StringComparison.OrdinalIgnoreCase)).Select(l => l.Text).Take(3))
                    failures.Add($"{name} {url}: {leak}");
            }
        }
        Assert.True(requests > 500, $"only {requests} requests were walked");
        Assert.True(failures.Count == 0, $"{failures.Count} leaks in {requests} requests:\n" + string.Join("\n", failures.Take(60)));
    }

    private async Task<Actor> ActorAsync(string userName)
    {
        await using var db = store.NewContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == user.PartnerId);
        return new Actor(user.Id, userName, DemoUserSeeder.Accounts[userName].Role, partner.Id, partner.Kind, partner.IsCovenant, partner.MunicipalityCode);
    }

    /// <summary>What the role may not learn, derived from the policy: hidden nodes' ids and names, and the real names of
    /// victims it sees pseudonymised — minus names that a visible entity legitimately carries too.</summary>
    private async Task<Secrets> SecretsAsync(ViewerScope scope)
    {
        var root = scope.Graph.Snapshot;
        var hidden = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hiddenNames = new HashSet<string>(StringComparer.Ordinal);
        var visibleLabels = new List<string>();
        var visible = new List<string>();
        await using var db = store.NewContext();
        var ownSignalsMention = scope.Actor.Role is Roles.PartnerContributor or Roles.DataProtectionOfficer
            ? (await db.SignalMentions.AsNoTracking().Join(db.Signals.AsNoTracking(), m => m.SignalId, s => s.Id, (m, s) => new { m.NodeId, s.Provenance.SourcePartner })
                .Where(x => x.SourcePartner == scope.Actor.PartnerId).Select(x => x.NodeId).ToListAsync()).Select(n => n.ToString()).ToHashSet()
            : [];
        for (var v = 0; v < root.NodeCount; v++)
        {
            var node = root.Node(v);
            if (scope.Access.NodeVisible(v))
            {
                visible.Add(node.Key);
                visibleLabels.Add(scope.Label(node));
                if (scope.IsPseudonymised(node)) hiddenNames.Add(node.Label);
            }
            else if (!ownSignalsMention.Contains(node.Key)) // what a partner reported itself is shown back to it on its own signal
            {
                hidden.Add(node.Key);
                hiddenNames.Add(node.Label);
            }
            else visibleLabels.Add(node.Label);
        }
        var names = hiddenNames.Where(n => n.Length >= 8 && !visibleLabels.Any(l => l.Contains(n, StringComparison.Ordinal))).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.Shares).ToListAsync();
        var readable = dossiers.Where(d => AccessPolicy.MayReadDossier(scope.Actor, DossierAccessInfo.Of(d))).Select(d => d.Number).ToList();
        var hiddenDossiers = dossiers.Select(d => d.Number).Except(readable).Take(3).ToList();
        // Persons first: their names are what must not leak; a few of every kind besides.
        var sample = hidden.Select(k => root.Node(root.IndexOf(k)!.Value)).OrderBy(n => n.Kind == Domain.Graph.NodeKind.Person ? 0 : 1).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => n.Key).Take(4).ToList();
        return new Secrets(hidden, names, sample, visible.Order(StringComparer.Ordinal).Take(4).ToList(), readable, hiddenDossiers);
    }

    private sealed record ResourceValues(List<string> Alerts, List<string> Meetings, List<string> AgendaItems, List<string> Signals,
        List<string> Drafts, List<string> Partners, List<string> Datasets, List<string> Imports, List<string> Views);

    private async Task<ResourceValues> ResourceValuesAsync()
    {
        await using var db = store.NewContext();
        return new ResourceValues(
            (await db.Alerts.AsNoTracking().OrderBy(a => a.TriggerKey).Select(a => a.Id).Take(6).ToListAsync()).Select(i => i.ToString()).ToList(),
            (await db.CaseMeetings.AsNoTracking().Select(m => m.Id).Take(3).ToListAsync()).Select(i => i.ToString()).ToList(),
            [],
            await db.Signals.AsNoTracking().OrderBy(s => s.Number).Select(s => s.Number).Take(6).ToListAsync(),
            [],
            await db.Partners.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).Take(2).ToListAsync(),
            await db.ImportRuns.AsNoTracking().Select(r => r.Dataset).Distinct().Take(2).ToListAsync(),
            [],
            []);
    }

    private sealed record Route(string Template, RoutePattern Pattern, IReadOnlyList<string> QueryFields);

    private static List<Route> Routes(AppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Where(e => e.RoutePattern.RawText is { } t && !t.Contains("{**") && !t.StartsWith("account", StringComparison.Ordinal) && !t.StartsWith("/account", StringComparison.Ordinal)
                && !t.Contains("fout") && !t.Contains("uitloggen"))
            .Select(e => new Route("/" + e.RoutePattern.RawText!.TrimStart('/'), e.RoutePattern,
                e.Metadata.GetMetadata<ControllerActionDescriptor>()?.Parameters
                    .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query)
                    .Select(p => p.BindingInfo!.BinderModelName ?? p.Name).ToList() ?? []))
            .DistinctBy(r => r.Template).ToList();

    /// <summary>Every route with every candidate value in each parameter: ids of hidden and visible entities, readable
    /// and hidden dossiers, signals, alerts, meetings; every query field once with a hidden id and once with a hidden
    /// dossier number; the export in every format.</summary>
    private static IEnumerable<string> Urls(List<Route> routes, Secrets s, ResourceValues r)
    {
        IEnumerable<string> Candidates(string parameter) => parameter.ToLowerInvariant() switch
        {
            "number" => [.. s.ReadableDossiers, .. s.HiddenDossiers, .. r.Signals],
            "code" => r.Partners,
            "name" => [.. r.Datasets, "onbekend"],
            "algorithm" => ["degree", "betweenness", "closeness", "eigenvector", "pagerank", "kcore", "louvain"],
            "rule" => ["adres-inschrijvingen"],
            "status" => ["404"],
            _ => [.. s.HiddenSample, .. s.VisibleSample, .. r.Alerts, .. r.Meetings],
        };
        foreach (var route in routes)
        {
            var parameters = route.Pattern.Parameters.Where(p => !p.IsOptional).Select(p => p.Name).ToList();
            var paths = new List<string> { "" };
            foreach (var segment in route.Pattern.PathSegments)
            {
                var next = new List<string>();
                foreach (var prefix in paths)
                {
                    IEnumerable<string> options = [""];
                    foreach (var part in segment.Parts)
                        options = part switch
                        {
                            RoutePatternLiteralPart l => options.Select(o => o + l.Content),
                            RoutePatternSeparatorPart sep => options.Select(o => o + sep.Content),
                            RoutePatternParameterPart p when p.IsOptional => options,
                            RoutePatternParameterPart p => options.SelectMany(o => Candidates(p.Name).Select(c => o + Uri.EscapeDataString(c))),
                            _ => options,
                        };
                    next.AddRange(options.Select(o => prefix + "/" + o));
                }
                paths = next.Distinct().ToList();
            }
            foreach (var path in paths.Select(p => p.Replace("//", "/")))
            {
                yield return path;
                foreach (var field in route.QueryFields.Where(f => !parameters.Contains(f, StringComparer.OrdinalIgnoreCase)))
                {
                    foreach (var id in s.HiddenSample.Take(2)) yield return $"{path}?{field}={id}";
                    foreach (var number in s.HiddenDossiers.Take(1)) yield return $"{path}?{field}={number}";
                }
            }
        }
        foreach (var format in new[] { "graphml", "ftm", "csv", "cypher", "neo4j-csv" })
            yield return $"/exporteren?formaat={format}&doel=lektest";
        foreach (var id in s.HiddenSample) yield return $"/dossiers/leden/nieuw?entiteit={id}";
        foreach (var number in s.ReadableDossiers) yield return $"/dossiers/{number}/proces";
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/zip") return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    private static IEnumerable<(string Value, string Text)> Leaks(string body, Secrets s)
    {
        foreach (Match m in Guids.Matches(body))
            if (s.HiddenIds.Contains(m.Value)) yield return (m.Value, $"hidden id {m.Value}");
        // Pages encode HTML entities, JSON escapes non-ASCII (\u00F3): a name is looked for in each spelling.
        var decoded = WebUtility.HtmlDecode(TestKit.JsonText.Unescape(body));
        foreach (var name in s.HiddenNames)
            if (decoded.Contains(name, StringComparison.Ordinal) || body.Contains(name, StringComparison.Ordinal)) yield return (name, $"hidden name '{name}'");
    }
}

public sealed class SqliteLeakWalkTests(SqliteTestStore store) : LeakWalkTests<SqliteTestStore>(store);

public sealed class PostgreSqlLeakWalkTests(PostgreSqlTestStore store) : LeakWalkTests<PostgreSqlTestStore>(store);
