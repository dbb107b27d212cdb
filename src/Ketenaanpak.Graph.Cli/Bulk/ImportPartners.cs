using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Cli.Bulk;

/// <summary>The partner an import is attributed to: a named existing partner, or the "import" partner (created once).</summary>
public static class ImportPartners
{
    public const string DefaultCode = "import";

    public static async Task<Partner> ResolveAsync(GraphDbContext db, string? code, CancellationToken ct)
    {
        var wanted = code ?? DefaultCode;
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Code == wanted, ct);
        if (partner is not null) return partner;
        if (code is not null) throw new CliUsageException($"--partner: no partner with code '{code}'.");
        partner = new Partner(PartnerId.New(), DefaultCode, "Bulkimport (bestanden)", PartnerKind.Riec);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return partner;
    }
}
