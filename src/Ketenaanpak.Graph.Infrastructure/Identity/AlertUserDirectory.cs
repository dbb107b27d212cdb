using Ketenaanpak.Graph.Application.Alerts;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Infrastructure.Identity;

/// <summary>The case workers among the accounts, read with one join over users, roles and partners.</summary>
internal sealed class AlertUserDirectory(GraphDbContext db, TimeProvider clock) : IAlertUserDirectory
{
    private static readonly string[] CaseWorkerRoles = [Roles.RiecAnalyst, Roles.MunicipalCoordinator, Roles.CaseMeetingMember];

    public async Task<IReadOnlyList<AlertUser>> CaseWorkersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
            join p in db.Partners.AsNoTracking() on u.PartnerId equals p.Id
            where CaseWorkerRoles.Contains(r.Name!)
            select new { u.Id, u.DisplayName, u.UserName, Role = r.Name!, u.PartnerId, p.Kind, p.IsCovenant, p.MunicipalityCode, u.LockoutEnd })
            .ToListAsync(ct);
        // Locked accounts (blocked users) get nothing assigned; compared in memory, SQLite cannot order DateTimeOffset.
        return rows.Where(r => r.LockoutEnd is null || r.LockoutEnd <= now)
            .Select(r => new AlertUser(r.Id, string.IsNullOrWhiteSpace(r.DisplayName) ? r.UserName ?? r.Id : r.DisplayName, r.Role, r.PartnerId, r.Kind, r.IsCovenant, r.MunicipalityCode))
            .ToList();
    }
}
