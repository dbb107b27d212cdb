using System.Net.Http.Json;
using System.Text;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Intake;

/// <summary>What the intake stores, counted table by table: a refused submission must leave every count as it was.</summary>
public sealed record StoreCounts(int Signals, int Drafts, int Nodes, int Statements, int Relations, int Mentions, int Indicators)
{
    public static async Task<StoreCounts> OfAsync(GraphDbContext db) => new(
        await db.Signals.CountAsync(), await db.SignalDrafts.CountAsync(), await db.Nodes.CountAsync(), await db.Statements.CountAsync(),
        await db.Relations.CountAsync(), await db.SignalMentions.CountAsync(), await db.SignalIndicators.CountAsync());
}

/// <summary>Accounts, sign-in, form posts and API calls for the intake tests, on any host over the test store.</summary>
internal static class IntakeClient
{
    /// <summary>An account of <paramref name="role"/> at the demo partner <paramref name="partnerCode"/> (both stores: server mode has no demo accounts).</summary>
    public static async Task<HttpClient> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string userName, string role, string partnerCode)
    {
        using (app.CreateClient()) { }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<IGraphDbContext>();
                var partner = await db.Partners.SingleAsync(p => p.Code == partnerCode);
                var user = new ApplicationUser { UserName = userName, DisplayName = userName, PartnerId = partner.Id, LockoutEnabled = true };
                var created = await users.CreateAsync(user, SignIn.DemoPassword);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
        }
        var client = app.CreateClient();
        var response = await SignIn.PostLoginAsync(client, userName, SignIn.DemoPassword);
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/account/inloggen") == true)
            throw new InvalidOperationException($"Sign-in as {userName} failed");
        return client;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, "/signalen/nieuw");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static async Task<HttpResponseMessage> SendJsonAsync(HttpClient client, HttpMethod method, string url, string? json)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, "/signalen/nieuw");
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("RequestVerificationToken", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body) =>
        SendJsonAsync(client, method, url, System.Text.Json.JsonSerializer.Serialize(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

    /// <summary>The form fields of a complete signal: the coordinator's desk sees a companion with a stranger's passport at an address.</summary>
    public static List<KeyValuePair<string, string>> SignalForm(string postcode, string houseNumber, string action = "indienen", bool urgent = false)
    {
        var f = new List<KeyValuePair<string, string>>
        {
            new("ReporterName", "Baliemedewerker Burgerzaken"),
            new("ObservedOn", TestKit.TestClock.Today.AddDays(-2).ToString("yyyy-MM-dd")),
            new("Place.Municipality", "GM0141"),
            new("Place.Street", "Wierdensestraat"),
            new("Place.HouseNumber", houseNumber),
            new("Place.Postcode", postcode),
            new("Place.Town", "Almelo"),
            new("Form", "Unknown"),
            new("Sector", "Unknown"),
            new("Indicators", "BRP.01"),
            new("Indicators", "BRP.05"),
            new("Indicators", "BRP.06"),
            new("Mentions[0].Kind", "Person"), new("Mentions[0].Ref", "persoon-1"), new("Mentions[0].Role", "begeleider"),
            new("Mentions[0].Values[firstName]", "Ion"), new("Mentions[0].Values[lastName]", "Vasilescu"), new("Mentions[0].Values[nationality]", "RO"),
            new("Mentions[1].Kind", "Person"), new("Mentions[1].Ref", "persoon-2"), new("Mentions[1].Role", "ingeschrevene"),
            new("Mentions[1].Values[firstName]", "Maria"), new("Mentions[1].Values[lastName]", "Dobre"), new("Mentions[1].Values[birthDate]", "2003"),
            new("Mentions[2].Kind", "Document"), new("Mentions[2].Ref", "document-3"),
            new("Mentions[2].Values[documentType]", "Paspoort"), new("Mentions[2].Values[number]", "RX1234567"), new("Mentions[2].Values[issuingCountry]", "RO"),
            new("Relations[0].From", "persoon-1"), new("Relations[0].Type", "Accompanies"), new("Relations[0].To", "persoon-2"),
            new("Relations[1].From", "persoon-1"), new("Relations[1].Type", "HoldsOthersDocument"), new("Relations[1].To", "document-3"),
            new("Relations[1].Detail", "Begeleider hield paspoort vast"),
            new("Relations[2].From", "persoon-2"), new("Relations[2].Type", "RegisteredAt"), new("Relations[2].To", "plaats"),
            new("Grading", "B2"), new("LegalBasis", "GdprPublicTask"), new("HandlingCode", "Chain"),
            new("Note", "Zelfde begeleider als vorige maand; hij nam het paspoort na de inschrijving weer mee."),
            new("actie", action),
        };
        if (urgent) f.Add(new("Urgent", "true"));
        return f;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> form, string name, string value) =>
        form.Where(kv => kv.Key != name).Append(new(name, value)).ToList();
}
