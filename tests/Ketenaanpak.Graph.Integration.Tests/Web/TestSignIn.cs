using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Web;

/// <summary>
/// Signs in a test account of a given role through the real sign-in form, on a store without the demo region: the
/// account (and an RIEC partner for it) is provisioned as an administrator would, then the client posts the form.
/// </summary>
internal static class TestSignIn
{
    public const string UserName = "fg-test";
    public const string PartnerCode = "RIEC-TEST";

    /// <summary>The Identity id of the last account provisioned (audit entries name it).</summary>
    public static string UserId { get; private set; } = "";

    public static AppFactory WithTestSignIn(this AppFactory app) => app;

    public static async Task<HttpClient> CreateClientAsAsync(this AppFactory app, string? role)
    {
        if (role is null) return app.CreateClient();
        var userName = role == Application.Security.Roles.DataProtectionOfficer ? UserName : $"test-{role.ToLowerInvariant()}";
        using (app.CreateClient()) { } // start the host
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IGraphDbContext>();
            if (!await db.Partners.AnyAsync(p => p.Code == PartnerCode))
            {
                db.Partners.Add(new Partner(PartnerId.New(), PartnerCode, "RIEC (test)", PartnerKind.Riec));
                await db.SaveChangesAsync();
            }
        }
        await app.EnsureUserAsync(userName, role, PartnerCode);
        await using (var scope = app.Services.CreateAsyncScope())
            UserId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id;
        var client = await SignIn.AsAsync(app, userName);
        // The audit-page tests count exact entries; the sign-in itself is tested elsewhere, so its (last) entry goes.
        // Removing it is a truncation the head kept outside the store would report, so the test takes that head back too.
        await using var cleanup = app.Store.NewContext();
        var removed = await cleanup.AuditEntries.Where(e => e.ActorName == userName && e.Action == Application.Auditing.AuditAction.SignIn)
            .Select(e => e.Sequence).ToListAsync();
        await cleanup.Database.ExecuteSqlRawAsync("DELETE FROM audit_log WHERE \"ActorName\" = {0} AND \"Action\" = 'SignIn'", userName);
        var witness = app.Services.GetRequiredService<Application.Auditing.IAuditHeadWitness>().Location;
        if (removed.Count > 0 && File.Exists(witness))
            await File.WriteAllLinesAsync(witness, (await File.ReadAllLinesAsync(witness))
                .Where(l => l.Length > 0 && !removed.Any(r => l.StartsWith(r.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal))));
        return client;
    }
}
