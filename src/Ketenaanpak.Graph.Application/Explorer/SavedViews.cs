using System.Text.Json;
using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Network;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Explorer;

/// <param name="Mine">Whether the reader saved it (only the owner may delete a view).</param>
public sealed record SavedViewSummaryDto(string Id, string Name, string? Dossier, string Owner, DateTimeOffset CreatedAt, bool Mine);

/// <summary>The outcome of a delete: gone, not found (or not readable), or readable but someone else's.</summary>
public enum DeleteViewResult { Deleted, NotFound, NotOwner }

public sealed record SavedViewDto(string Id, string Name, string? Dossier, string Owner, DateTimeOffset CreatedAt, ViewState State,
    ExplorerGraphDto Elements, int Unavailable);

/// <summary>The outcome of saving: the new view's id, or a Dutch message for the field that was wrong.</summary>
public sealed record SaveViewResult(string? Id, string? Field, string? Error);

/// <summary>
/// Saves and reopens explorer views. A view is readable by its owner, and — when it belongs to a dossier — by whoever
/// may read that dossier; anything else answers as if it did not exist. Reopening re-checks every node against the
/// reader's visible snapshot, so a view shared through a dossier never shows the reader what they may not see.
/// </summary>
public sealed class SavedViews(IGraphDbContext db, GraphSnapshotService snapshots, ExplorerElements elements, IAuditLog audit, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SaveViewResult> SaveAsync(Actor actor, string? name, string? dossierNumber, ViewState? state, CancellationToken ct = default)
    {
        var title = name?.Trim() ?? "";
        if (title.Length == 0) return new(null, "name", "Geef de weergave een naam.");
        if (title.Length > SavedView.MaxNameLength) return new(null, "name", $"Een naam heeft hoogstens {SavedView.MaxNameLength} tekens.");
        if (title.Any(char.IsControl)) return new(null, "name", "De naam bevat een stuurteken; typ hem opnieuw in.");
        if (state is null || state.Nodes is null || state.Nodes.Count == 0) return new(null, "state", "Er staat nog niets in beeld om te bewaren.");
        if (state.Nodes.Count > ExplorerQueries.MaxViewNodes) return new(null, "state", $"Een weergave heeft hoogstens {ExplorerQueries.MaxViewNodes} entiteiten.");
        if (state.Nodes.Any(n => n is null || !Guid.TryParse(n.Id, out _) || !double.IsFinite(n.X) || !double.IsFinite(n.Y)))
            return new(null, "state", "De weergave bevat een ongeldige entiteit of positie.");
        DossierId? dossier = null;
        if (!string.IsNullOrWhiteSpace(dossierNumber))
        {
            var found = await db.Dossiers.AsNoTracking().Where(d => d.Number == dossierNumber).Select(d => d.Id).ToListAsync(ct);
            if (found.Count == 0 || !MayReadDossier(actor, found[0])) return new(null, "dossier", "Dit dossier bestaat niet, of u heeft er geen toegang toe.");
            dossier = found[0];
        }
        var json = JsonSerializer.Serialize(state, Json);
        if (json.Length > SavedView.MaxStateLength) return new(null, "state", "Deze weergave is te groot om te bewaren.");
        var view = new SavedView(Guid.CreateVersion7(), title, dossier, actor.UserId, actor.UserName, json, clock.GetUtcNow());
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Create, "Weergave", view.Id.ToString(),
            $"weergave '{title}' bewaard met {state.Nodes.Count} entiteiten{(dossierNumber is null ? " (persoonlijk)" : $" bij dossier {dossierNumber}")}", null), ct);
        return new(view.Id.ToString(), null, null);
    }

    /// <summary>The views this user may open: their own and those of dossiers they may read.</summary>
    public async Task<IReadOnlyList<SavedViewSummaryDto>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var rows = await db.SavedViews.AsNoTracking().OrderByDescending(v => v.CreatedAt).Take(500).ToListAsync(ct);
        var numbers = await DossierNumbersAsync(rows.Where(r => r.DossierId is not null).Select(r => r.DossierId!.Value).Distinct().ToList(), ct);
        return rows.Where(r => MayRead(actor, r)).Select(r => new SavedViewSummaryDto(r.Id.ToString(), r.Name,
            r.DossierId is { } d ? numbers.GetValueOrDefault(d) : null, r.OwnerUserName, r.CreatedAt, r.OwnerUserId == actor.UserId)).ToList();
    }

    public async Task<SavedViewDto?> OpenAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var view = await db.SavedViews.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (view is null || !MayRead(actor, view)) return null;
        var state = JsonSerializer.Deserialize<ViewState>(view.StateJson, Json)!;
        var scope = ViewerScope.For(actor, snapshots.Current);
        var visible = state.Nodes.Where(n => scope.Visible.IndexOf(n.Id) is not null).ToList();
        var vertices = visible.Select(n => scope.Visible.IndexOf(n.Id)!.Value).ToHashSet();
        var graph = await elements.BuildAsync(scope, vertices, 0, ct: ct);
        var number = view.DossierId is { } d ? (await DossierNumbersAsync([d], ct)).GetValueOrDefault(d) : null;
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Read, "Weergave", view.Id.ToString(),
            $"weergave '{view.Name}' geopend: {graph.Nodes.Count} entiteiten, {state.Nodes.Count - visible.Count} niet (meer) zichtbaar", null), ct);
        return new SavedViewDto(view.Id.ToString(), view.Name, number, view.OwnerUserName, view.CreatedAt, state with { Nodes = visible }, graph,
            state.Nodes.Count - visible.Count);
    }

    /// <summary>Deletes a view its owner no longer needs. Someone who may read it through its dossier but did not save it
    /// gets <see cref="DeleteViewResult.NotOwner"/>; a view the user may not read answers as missing.</summary>
    public async Task<DeleteViewResult> DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var view = await db.SavedViews.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (view is null || !MayRead(actor, view)) return DeleteViewResult.NotFound;
        if (view.OwnerUserId != actor.UserId) return DeleteViewResult.NotOwner;
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditRecord(actor, AuditAction.Delete, "Weergave", view.Id.ToString(), $"weergave '{view.Name}' verwijderd", null), ct);
        return DeleteViewResult.Deleted;
    }

    private bool MayRead(Actor actor, SavedView view) =>
        view.OwnerUserId == actor.UserId || (view.DossierId is { } d && MayReadDossier(actor, d));

    private bool MayReadDossier(Actor actor, DossierId dossier) =>
        snapshots.Current.Dossiers.TryGetValue(dossier.ToString(), out var info) && AccessPolicy.MayReadDossier(actor, info);

    private async Task<Dictionary<DossierId, string>> DossierNumbersAsync(List<DossierId> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
}
