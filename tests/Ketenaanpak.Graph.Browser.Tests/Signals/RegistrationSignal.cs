using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ketenaanpak.Graph.Browser.Tests.Signals;

/// <summary>
/// The start of every chain walk: a coordinator files, through the form, a signal that registers new persons at a demo
/// address just below the threshold of the rule "adres met ≥ N ingeschreven personen", so that the rule fires.
/// Shared by the issue-6 walk (signal → alert → dossier) and the issue-7 walk (… → closed, evaluated dossier).
/// </summary>
public static class RegistrationSignal
{
    public const int Threshold = 6; // the seeded default of the rule "adres met ≥ N ingeschreven personen" within 365 days

    /// <summary>A demo address with the persons registered within its best 365-day window.</summary>
    public sealed record Candidate(Node Address, DateOnly WindowStart, int Registered)
    {
        public string Value(string property) => Address.Statements.First(s => s.Property == property).Value;
        public string MunicipalityCode => Municipality.Twente.First(m => m.Name == Value("town")).Code;
    }

    /// <summary>
    /// The demo addresses below the threshold, closest first, worked out here from the demo generator (same seed as the
    /// app). Each walk takes its own address, so that walks sharing one app do not meet in one alert.
    /// </summary>
    public static IReadOnlyList<Candidate> AddressesBelowThreshold()
    {
        var demo = TwenteDemoGenerator.Generate(2014);
        var kinds = demo.Nodes.ToDictionary(n => n.Id, n => n.Kind);
        var byAddress = demo.Relations
            .Where(r => r.Type == RelationType.RegisteredAt && kinds.GetValueOrDefault(r.SourceId) == NodeKind.Person && kinds.GetValueOrDefault(r.TargetId) == NodeKind.Address)
            .Select(r => (Address: r.TargetId, Person: r.SourceId, On: r.ValidFrom ?? DateOnly.FromDateTime((r.Provenance.ObservedAt ?? r.Provenance.RecordedAt).UtcDateTime)))
            .GroupBy(r => r.Address)
            .ToDictionary(g => g.Key, g => g.ToList());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var candidates = new List<Candidate>();
        bool InTwente(Node n) => n.Statements.FirstOrDefault(s => s.Property == "town") is { } town && Municipality.Twente.Any(m => m.Name == town.Value);
        foreach (var node in demo.Nodes.Where(n => n.Kind == NodeKind.Address && n.Statements.Any(s => s.Property == "postcode") && InTwente(n)).OrderBy(n => n.Id.Value))
        {
            if (!byAddress.TryGetValue(node.Id, out var group)) { candidates.Add(new Candidate(node, today.AddDays(-1), 0)); continue; }
            var best = group.Select(start => (Start: start.On, Persons: group.Where(r => r.On >= start.On && r.On <= start.On.AddDays(365)).Select(r => r.Person).Distinct().Count()))
                .OrderByDescending(w => w.Persons).First();
            if (best.Persons < Threshold) candidates.Add(new Candidate(node, best.Start, best.Persons));
        }
        if (candidates.Count == 0) throw new InvalidOperationException("The demo region has no address below the registration threshold.");
        return candidates.OrderByDescending(c => c.Registered).ThenBy(c => c.Address.Id.Value).ToList();
    }

    /// <summary>
    /// Fills in and submits the signal form as the signed-in user: the missing persons registered at the address (one
    /// RegisteredAt relation each); returns the signal number shown after submission.
    /// </summary>
    public static async Task<string> FileAsync(IPage page, string baseUrl, Steps steps, Candidate address, IReadOnlyList<string> newcomers, string note)
    {
        var needed = Threshold - address.Registered;
        if (newcomers.Count < needed) throw new ArgumentException($"{needed} names needed to reach the threshold.", nameof(newcomers));
        await page.GotoAsync(baseUrl + "/signalen/nieuw");
        await page.FillAsync("input[name=ObservedOn]", address.WindowStart.ToString("yyyy-MM-dd"));
        await page.SelectOptionAsync("select[name='Place.Municipality']", address.MunicipalityCode);
        await page.FillAsync("input[name='Place.Street']", address.Value("street"));
        await page.FillAsync("input[name='Place.HouseNumber']", address.Value("houseNumber"));
        await page.FillAsync("input[name='Place.Postcode']", address.Value("postcode"));
        await page.FillAsync("input[name='Place.Town']", address.Value("town"));
        await page.SelectOptionAsync("select[name=Form]", "Labour");
        await page.SelectOptionAsync("select[name=Sector]", "Housing");
        await page.CheckAsync("input[name=Indicators][value='BRP.01']");
        for (var i = 0; i < needed; i++)
        {
            var (first, last) = (newcomers[i].Split(' ')[0], newcomers[i].Split(' ')[1]);
            await page.ClickAsync("button.add-row[data-kind=Person]");
            await page.FillAsync($"input[name='Mentions[{i}].Values[firstName]']", first);
            await page.FillAsync($"input[name='Mentions[{i}].Values[lastName]']", last);
            await page.FillAsync($"input[name='Mentions[{i}].Role']", "ingeschrevene");
            await page.ClickAsync("button.add-relation");
            await page.SelectOptionAsync($"select[name='Relations[{i}].From']", new SelectOptionValue { Label = $"Persoon {i + 1}: {first}" });
            await page.SelectOptionAsync($"select[name='Relations[{i}].Type']", "RegisteredAt");
            await page.SelectOptionAsync($"select[name='Relations[{i}].To']", "plaats");
        }
        await page.FillAsync("textarea[name=Note]", note);
        await steps.ShotAsync("signaal-ingevuld");
        await page.ClickAsync("button[name=actie][value=indienen]");
        await page.WaitForURLAsync("**/signalen/SIG-*?ingediend=1", new PageWaitForURLOptions { Timeout = 120_000 });
        await steps.ShotAsync("signaal-ingediend");
        return (await page.Locator(".signal-number").InnerTextAsync()).Trim();
    }

    /// <summary>
    /// The alert job runs on the submission through Hangfire: waits (polling the store, up to four minutes on a busy
    /// machine) for the new registration alert on the address.
    /// </summary>
    public static async Task<Guid> WaitForAlertAsync(BrowserFixture fixture, NodeId address)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            await using (var scope = fixture.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
                var id = await db.Alerts.AsNoTracking()
                    .Where(a => a.Rule == AlertRuleKind.AddressRegistrations && a.Status == AlertStatus.New && a.Nodes.Any(n => n.IsTrigger && n.NodeId == address))
                    .Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
                if (id is { } found) return found;
            }
            Assert.True(DateTime.UtcNow < deadline, "no alert for the address within four minutes of the submission");
            await Task.Delay(500);
        }
    }
}
