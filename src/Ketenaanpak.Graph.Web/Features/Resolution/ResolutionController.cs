using Hangfire;
using Ketenaanpak.Graph.Application.Resolution;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Resolution;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Resolution;

/// <summary>
/// /koppelen: the RIEC analysts' review queue of candidate pairs, side by side with each statement's source partner
/// and grading, the score and the reasons; buttons Zelfde / Niet dezelfde / Weet niet; the inferred decisions after a
/// judgement; "ontkoppelen" for merged pairs; "alles opnieuw vergelijken" starts the bulk run as a background job.
/// </summary>
[Authorize(Policy = Policies.Resolution)]
public sealed class ResolutionController(ResolutionService resolution, ICurrentActor current, IBackgroundJobClient jobs) : Controller
{
    [HttpGet("/koppelen")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Nav"] = "koppelen";
        var queue = await resolution.QueueAsync(current.Actor, 25, "koppelen", ct);
        return View("Index", new ResolutionPageModel(queue, TempData["Melding"] as string, TempData["Fout"] as string,
            TempData["Afgeleid"] as string));
    }

    [HttpPost("/koppelen/oordeel")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Judge([FromForm] string? a, [FromForm] string? b, [FromForm] string? oordeel, [FromForm] string? toelichting, CancellationToken ct)
    {
        if (!TryPair(a, b, out var x, out var y) || ResolutionForms.Verdict(oordeel) is not { } verdict)
        {
            TempData["Fout"] = "Kies een paar en een oordeel: zelfde, niet dezelfde of weet niet.";
            return Redirect("/koppelen");
        }
        if (toelichting is { Length: > ResolutionJudgement.MaxNoteLength })
        {
            TempData["Fout"] = $"De toelichting is te lang (maximaal {ResolutionJudgement.MaxNoteLength} tekens).";
            return Redirect("/koppelen");
        }
        var result = await resolution.JudgeAsync(current.Actor, x, y, verdict, toelichting, "koppelen", ct);
        if (result is null) return NotFound();
        if (!result.Saved) TempData["Fout"] = result.Refusal;
        else
        {
            TempData["Melding"] = "Uw oordeel is vastgelegd.";
            if (result.Inferred.Count > 0)
                TempData["Afgeleid"] = string.Join('\n', result.Inferred.Select(i => $"{i.Verdict}: {i.Explanation}"));
        }
        return Redirect("/koppelen");
    }

    [HttpPost("/koppelen/ontkoppelen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Unmerge([FromForm] string? a, [FromForm] string? b, CancellationToken ct)
    {
        if (!TryPair(a, b, out var x, out var y))
        {
            TempData["Fout"] = "Kies een samengevoegd paar om te ontkoppelen.";
            return Redirect("/koppelen");
        }
        var result = await resolution.UnmergeAsync(current.Actor, x, y, null, "koppelen", ct);
        if (result is null) return NotFound();
        TempData[result.Saved ? "Melding" : "Fout"] = result.Saved ? "Ontkoppeld: beide entiteiten staan weer los, met al hun gegevens." : result.Refusal;
        return Redirect("/koppelen");
    }

    [HttpPost("/koppelen/alles")]
    [ValidateAntiForgeryToken]
    public IActionResult CompareAll()
    {
        jobs.Enqueue<ResolutionJob>(j => j.RunAllAsync(CancellationToken.None));
        TempData["Melding"] = "Alles wordt opnieuw vergeleken; nieuwe kandidaatparen verschijnen hier zodra de taak klaar is.";
        return Redirect("/koppelen");
    }

    private static bool TryPair(string? a, string? b, out NodeId x, out NodeId y)
    {
        x = y = default;
        if (!Guid.TryParse(a, out var ga) || !Guid.TryParse(b, out var gb) || ga == gb) return false;
        (x, y) = (new NodeId(ga), new NodeId(gb));
        return true;
    }
}

/// <summary>What the page shows: the queue, and the outcome of the last action.</summary>
public sealed record ResolutionPageModel(ResolutionQueueDto Queue, string? Message, string? Error, string? Inferred);

/// <summary>The words the form and the API use for a verdict.</summary>
public static class ResolutionForms
{
    public static Verdict? Verdict(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "zelfde" or "same" => Domain.Resolution.Verdict.Same,
        "niet-dezelfde" or "nietdezelfde" or "notsame" or "not-same" => Domain.Resolution.Verdict.NotSame,
        "weet-niet" or "weetniet" or "unsure" => Domain.Resolution.Verdict.Unsure,
        _ => null,
    };
}
