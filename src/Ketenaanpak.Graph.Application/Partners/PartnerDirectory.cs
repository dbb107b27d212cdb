using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Partners;

/// <summary>One partner in the directory with what the chain currently asks of it.</summary>
public sealed record PartnerEntry(Partner Partner, int OpenInterventions);

/// <summary>A partner as typed in the form (text, so each problem gets its own Dutch message).</summary>
public sealed record PartnerInput(string? Code, string? Name, string? Kind, string? MunicipalityCode, string? ContactPerson, string? ReportingPoint,
    string? CapacityPerQuarter = null);

/// <summary>The outcome of a change: the field errors in Dutch (empty when saved).</summary>
public sealed record PartnerResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Ok => Errors.Count == 0;
    public static readonly PartnerResult Saved = new(new Dictionary<string, string>());
}

/// <summary>
/// The partner directory (issue 7 §6): every partner with its covenant status, its contact person for the chain
/// approach and its internal reporting point, where feedback, alerts and intervention requests are routed. Everyone
/// signed in reads it; administrators add partners and keep the contacts current, each change audited.
/// </summary>
public sealed class PartnerDirectory(IGraphDbContext db, IAuditLog audit)
{
    public async Task<IReadOnlyList<PartnerEntry>> ListAsync(CancellationToken ct = default)
    {
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        var open = await db.Interventions.AsNoTracking()
            .Where(i => i.Status == InterventionStatus.Proposed || i.Status == InterventionStatus.Accepted || i.Status == InterventionStatus.InProgress)
            .GroupBy(i => i.AssignedPartnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return partners.OrderByDescending(p => p.IsCovenant).ThenBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new PartnerEntry(p, open.GetValueOrDefault(p.Id))).ToList();
    }

    public Task<Partner?> FindAsync(string code, CancellationToken ct = default) =>
        db.Partners.SingleOrDefaultAsync(p => p.Code == code, ct);

    public async Task<PartnerResult> CreateAsync(Actor actor, PartnerInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var code = input.Code?.Trim() ?? "";
        if (code.Length == 0) errors[nameof(input.Code)] = "Vul een korte code in, bijvoorbeeld GGD-TW.";
        else if (code.Length > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors[nameof(input.Code)] = "Een code bestaat uit hoogstens 40 letters, cijfers, '-' of '_'.";
        else if (await db.Partners.AnyAsync(p => p.Code == code, ct))
            errors[nameof(input.Code)] = "Er is al een partner met deze code.";
        if (!TypedInput.TryName<PartnerKind>(input.Kind, out var kind))
            errors[nameof(input.Kind)] = "Kies het soort organisatie.";
        Partner? partner = null;
        if (errors.Count == 0)
            partner = Build(() => new Partner(PartnerId.New(), code, input.Name ?? "", kind,
                kind == PartnerKind.Municipality ? input.MunicipalityCode : null), errors);
        if (partner is not null) Build(() => { partner.SetContact(input.ContactPerson, input.ReportingPoint); return partner; }, errors);
        if (partner is not null) SetCapacity(partner, input.CapacityPerQuarter, errors);
        if (errors.Count > 0) return new PartnerResult(errors);

        db.Partners.Add(partner!);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "Partner", partner!.Code,
            $"{partner.Kind.Dutch()}, {(partner.IsCovenant ? "convenantpartner" : "geen convenantpartner")}", "partnerregister"), ct);
        return PartnerResult.Saved;
    }

    public async Task<PartnerResult> UpdateContactAsync(Actor actor, string code, PartnerInput input, CancellationToken ct = default)
    {
        var partner = await FindAsync(code, ct) ?? throw new InvalidOperationException("Partner not found; check with FindAsync first.");
        var errors = new Dictionary<string, string>();
        int? before = partner.InterventionCapacityPerQuarter;
        Build(() => { partner.SetContact(input.ContactPerson, input.ReportingPoint); return partner; }, errors);
        SetCapacity(partner, input.CapacityPerQuarter, errors);
        if (errors.Count > 0) return new PartnerResult(errors);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException e)
        {
            return new PartnerResult(new Dictionary<string, string> { [""] = e.Message });
        }
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Update, "Partner", partner.Code,
            before == partner.InterventionCapacityPerQuarter ? "contactpersoon en meldpunt gewijzigd"
                : $"contactpersoon en meldpunt gewijzigd; capaciteit per kwartaal {Capacity(before)} → {Capacity(partner.InterventionCapacityPerQuarter)}",
            "partnerregister"), ct);
        return PartnerResult.Saved;
    }

    private static string Capacity(int? perQuarter) => perQuarter?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "niet ingesteld";

    /// <summary>Empty text clears the capacity; anything else must be a whole number.</summary>
    private static void SetCapacity(Partner partner, string? text, Dictionary<string, string> errors)
    {
        const string field = nameof(PartnerInput.CapacityPerQuarter);
        int? value = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                errors[field] = "Vul een heel getal in (aantal interventies per kwartaal), of laat het leeg.";
                return;
            }
            value = parsed;
        }
        try { partner.SetCapacity(value); }
        catch (DomainException e) { errors[field] = e.Message; }
    }

    private static Partner? Build(Func<Partner> make, Dictionary<string, string> errors)
    {
        try
        {
            return make();
        }
        catch (DomainException e)
        {
            errors[e.Field ?? ""] = e.Message;
            return null;
        }
    }
}
