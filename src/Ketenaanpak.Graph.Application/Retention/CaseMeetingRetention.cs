using System.Text.RegularExpressions;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.CaseMeetings;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Retention;

/// <summary>
/// Retention reaches the case meetings too (issue 14.4): what a meeting froze of a dossier — the snapshot with its
/// members' names, the decision texts — goes when the dossier goes, and the names of deleted entities leave every other
/// snapshot, decision and the adopted minutes. The meeting keeps that the dossier (by number) was discussed and who
/// decided; the audit log records the deletion.
/// </summary>
internal static class CaseMeetingRetention
{
    public const string Removed = "[verwijderd]";

    /// <returns>How many agenda items and minutes were changed (tracked; saved with the rest of the run).</returns>
    public static async Task<int> ApplyAsync(IGraphDbContext db, IReadOnlyCollection<DossierId> deletedDossiers,
        IReadOnlyDictionary<NodeId, string> deletedNodes, CancellationToken ct)
    {
        if (deletedDossiers.Count == 0 && deletedNodes.Count == 0) return 0;
        var gone = deletedNodes.Keys.ToHashSet();
        var scrub = Scrubber(deletedNodes.Values);
        var meetings = await db.CaseMeetings.Include(m => m.Agenda).ThenInclude(a => a.Decisions).ToListAsync(ct);
        var changed = 0;
        foreach (var meeting in meetings)
        {
            foreach (var item in meeting.Agenda)
            {
                if (deletedDossiers.Contains(item.DossierId))
                {
                    item.RedactForRetention(Redacted(item.DossierNumber).ToJson());
                    changed++;
                    continue;
                }
                var snapshot = DossierSnapshot.FromJson(item.SnapshotJson);
                var touched = snapshot is not null && snapshot.Members.Any(m => Guid.TryParse(m.NodeId, out var id) && gone.Contains(new NodeId(id)))
                    || item.Decisions.Any(d => d.Concerns.Any(gone.Contains) || scrub(d.Text) != d.Text);
                if (!touched) continue;
                var kept = snapshot is null ? item.SnapshotJson : (snapshot with
                {
                    Members = snapshot.Members.Where(m => !Guid.TryParse(m.NodeId, out var id) || !gone.Contains(new NodeId(id))).ToList(),
                    PriorityExplanation = snapshot.PriorityExplanation is null ? null : scrub(snapshot.PriorityExplanation),
                    PlanOfApproach = snapshot.PlanOfApproach is null ? null : scrub(snapshot.PlanOfApproach),
                }).ToJson();
                item.ForgetEntities(kept, gone, scrub);
                changed++;
            }
            var before = meeting.Minutes;
            meeting.ScrubMinutes(scrub);
            if (!ReferenceEquals(before, meeting.Minutes)) changed++;
        }
        return changed;
    }

    private static DossierSnapshot Redacted(string number) =>
        new(number, "(verwijderd: de bewaartermijn is verstreken)", "", "", "", null, null, null, [], [], 0);

    /// <summary>Replaces every occurrence of the names (whole words, any case) by <see cref="Removed"/>.</summary>
    private static Func<string, string> Scrubber(IEnumerable<string> names)
    {
        var patterns = names.Where(n => n.Trim().Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length).Select(n => Regex.Escape(n.Trim())).ToList();
        if (patterns.Count == 0) return text => text;
        var regex = new Regex(@"(?<!\w)(" + string.Join('|', patterns) + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        return text => regex.Replace(text, Removed);
    }
}
