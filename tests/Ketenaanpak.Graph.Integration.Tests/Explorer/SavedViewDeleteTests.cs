using System.Net;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Explorer;

/// <summary>
/// Deleting a saved view (DELETE /api/views/{id}) on both stores: only its owner may; a dossier reader who did not save
/// it gets a Dutch 403, a user who cannot read it a 404 as if it did not exist; the delete is audited and nothing else
/// changes; a missing antiforgery token or a bad id is refused without deleting anything.
/// </summary>
[Collection(HostsCollection.Name)]
public abstract class SavedViewDeleteTests<TStore>(TStore store) : IClassFixture<TStore> where TStore : TestStore
{
    [Fact]
    public async Task DeleteView_OnlyTheOwner_AuditedAndGoneFromTheList()
    {
        await using var app = new AppFactory(store);
        using (app.CreateClient()) { }
        // Server mode (PostgreSQL) seeds no demo accounts: provision the same four as an administrator would.
        await app.EnsureUserAsync("beheerder", Roles.Administrator, "RIEC-ON");
        await app.EnsureUserAsync("analist", Roles.RiecAnalyst, "RIEC-ON");
        await app.EnsureUserAsync("coordinator", Roles.MunicipalCoordinator, "GEM-ENSCHEDE");
        await app.EnsureUserAsync("casusoverleg", Roles.CaseMeetingMember, "POL-ON");
        string number, landlord;
        await using (var db = store.NewContext())
        {
            var dossier = await db.Dossiers.Include(d => d.Members).SingleAsync(d => d.Title == "Huisjesmelker Enschede-Oost");
            number = dossier.Number;
            landlord = dossier.Members.First(m => m.Role == DossierRole.Perpetrator).NodeId.ToString();
        }
        using var analyst = await SignIn.AsAsync(app, "analist");
        var state = new { nodes = new[] { new { id = landlord, x = 0.0, y = 0.0, pinned = false } } };
        var created = await ExplorerClient.PostAsync(analyst, "/api/views", new { name = "Weg <script>ermee</script>", dossier = number, state });
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        var kept = await ExplorerClient.PostAsync(analyst, "/api/views", new { name = "Blijft staan", state });
        var keptId = (await kept.JsonAsync()).GetProperty("id").GetString()!;
        var list = await (await analyst.GetAsync("/api/views")).JsonAsync();
        Assert.True(list.EnumerateArray().Single(v => v.GetProperty("id").GetString() == id).GetProperty("mine").GetBoolean());

        // Readers of the dossier who did not save the view: 403 with a Dutch reason; users who cannot read it: 404.
        foreach (var user in new[] { "coordinator", "casusoverleg", "beheerder" })
        {
            using var other = await SignIn.AsAsync(app, user);
            var mayRead = (await other.GetAsync($"/api/views/{id}")).StatusCode == HttpStatusCode.OK;
            var answer = await ExplorerClient.DeleteAsync(other, $"/api/views/{id}");
            Assert.Equal(mayRead ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, answer.StatusCode);
            if (mayRead)
            {
                Assert.Contains("Alleen wie deze weergave heeft bewaard", (await answer.JsonAsync()).GetProperty("detail").GetString());
                Assert.False((await (await other.GetAsync("/api/views")).JsonAsync()).EnumerateArray().Single(v => v.GetProperty("id").GetString() == id).GetProperty("mine").GetBoolean());
            }
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await ExplorerClient.DeleteAsync(analyst, $"/api/views/{id}", withToken: false)).StatusCode);
        var bad = await ExplorerClient.DeleteAsync(analyst, "/api/views/geen-id");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("geen geldige id van een weergave", (await bad.JsonAsync()).GetProperty("detail").GetString());
        await using (var db = store.NewContext()) Assert.True(await db.SavedViews.AnyAsync(v => v.Id == Guid.Parse(id)));

        Assert.Equal(HttpStatusCode.NoContent, (await ExplorerClient.DeleteAsync(analyst, $"/api/views/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/views/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ExplorerClient.DeleteAsync(analyst, $"/api/views/{id}")).StatusCode);
        var after = (await (await analyst.GetAsync("/api/views")).JsonAsync()).EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(id, after);
        Assert.Contains(keptId, after);
        await using (var db = store.NewContext())
        {
            Assert.False(await db.SavedViews.AnyAsync(v => v.Id == Guid.Parse(id)));
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.SubjectId == id).ToListAsync();
            Assert.Single(entries, a => a.Action == AuditAction.Delete && a.ActorName == "analist" && a.Detail!.Contains("verwijderd"));
        }
    }
}

public sealed class SqliteSavedViewDeleteTests(SqliteTestStore store) : SavedViewDeleteTests<SqliteTestStore>(store);

public sealed class PostgreSqlSavedViewDeleteTests(PostgreSqlTestStore store) : SavedViewDeleteTests<PostgreSqlTestStore>(store);
