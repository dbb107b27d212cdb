using System.Globalization;
using System.Runtime.CompilerServices;
using Ketenaanpak.Graph.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>What the data-protection officer searches for; every part is optional.</summary>
/// <param name="Actor">Part of the user's name or id, any case.</param>
/// <param name="From">First day (Dutch time), inclusive.</param>
/// <param name="To">Last day (Dutch time), inclusive.</param>
public sealed record AuditFilter(string? Actor = null, AuditAction? Action = null, string? SubjectType = null, string? SubjectId = null,
    DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The filter in words, for the detail of the export's own audit entry.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Actor)) parts.Add($"gebruiker bevat '{Actor.Trim()}'");
        if (Action is { } action) parts.Add($"actie {action}");
        if (!string.IsNullOrWhiteSpace(SubjectType)) parts.Add($"onderwerp {SubjectType.Trim()}");
        if (!string.IsNullOrWhiteSpace(SubjectId)) parts.Add($"id {SubjectId.Trim()}");
        if (From is { } from) parts.Add($"van {from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        if (To is { } to) parts.Add($"tot en met {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return parts.Count == 0 ? "geen filter" : string.Join("; ", parts);
    }
}

/// <summary>One page of entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Searching and exporting the audit log for the data-protection officer's page and the CLI.</summary>
public sealed class AuditSearch(IGraphDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Page <paramref name="page"/> (from 1; out-of-range pages show the nearest one) of the matching entries, newest first.</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var query = Apply(filter);
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await query.OrderByDescending(e => e.Sequence).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, total, page, PageSize);
    }

    public Task<int> CountAsync(AuditFilter filter, CancellationToken cancellationToken = default) =>
        Apply(filter).CountAsync(cancellationToken);

    /// <summary>
    /// All matching entries in chain order (oldest first, so an export can be re-verified line by line), read in
    /// batches rather than all at once.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> AllAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = Apply(filter);
        var last = long.MinValue;
        while (true)
        {
            var after = last;
            var batch = await query.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(1000).ToListAsync(cancellationToken);
            foreach (var entry in batch) yield return entry;
            if (batch.Count < 1000) yield break;
            last = batch[^1].Sequence;
        }
    }

    private IQueryable<AuditEntry> Apply(AuditFilter filter)
    {
        var query = db.AuditEntries;
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // lower() on both sides: case-insensitive on PostgreSQL and SQLite alike (for the letters SQLite folds).
            var actor = filter.Actor.Trim().ToLowerInvariant();
            query = query.Where(e => e.ActorName.ToLower().Contains(actor) || e.ActorId.ToLower().Contains(actor));
        }
        if (filter.Action is { } action) query = query.Where(e => e.Action == action);
        if (!string.IsNullOrWhiteSpace(filter.SubjectType))
        {
            var type = filter.SubjectType.Trim();
            query = query.Where(e => e.SubjectType == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.SubjectId))
        {
            var id = filter.SubjectId.Trim();
            query = query.Where(e => e.SubjectId == id);
        }
        if (filter.From is { } from)
        {
            var start = DutchCalendar.StartOf(from);
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = DutchCalendar.StartOf(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        return query;
    }
}
