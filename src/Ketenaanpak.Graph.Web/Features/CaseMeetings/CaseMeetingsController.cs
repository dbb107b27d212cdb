using Ketenaanpak.Graph.Application.CaseMeetings;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Web.Infrastructure;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.CaseMeetings;

public sealed record MeetingsIndexModel(IReadOnlyList<Domain.CaseMeetings.CaseMeeting> Meetings, bool MayPrepare, MeetingInput Input,
    IReadOnlyDictionary<string, string> Errors);

public sealed record MeetingPageModel(MeetingPage Page, string? Done, IReadOnlyDictionary<string, string> Errors, string? FailedItem);

/// <summary>
/// The case meetings (issue 7 §5): /casusoverleg lists them and plans a new one; /casusoverleg/{id} is the meeting
/// with its participants, the generated agenda with each dossier frozen as discussed, decisions and actions, and the
/// minutes; /casusoverleg/{id}/verslag is the printable minutes and /casusoverleg/{id}/verslag.pdf the same as PDF.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class CaseMeetingsController(CaseMeetingService meetings, MeetingView view, ICurrentActor current, PdfPrinter pdf) : Controller
{
    private static readonly Dictionary<string, string> DoneMessages = new()
    {
        ["gepland"] = "Het overleg is gepland; de vaste leden zijn uitgenodigd.",
        ["agenda"] = "De agenda is samengesteld uit de dossiers die het overleg nodig hebben.",
        ["dossier"] = "Het dossier staat op de agenda.",
        ["besluit"] = "Het besluit is vastgelegd.",
        ["verslag"] = "Het verslag is vastgesteld. Het overleg is nu een afgesloten verslag.",
    };

    [HttpGet("/casusoverleg")]
    public async Task<IActionResult> Index([FromQuery] string? soort, CancellationToken ct) =>
        View(new MeetingsIndexModel(await meetings.ListAsync(ct), CaseMeetingService.MayPrepare(current.Actor),
            new MeetingInput(soort == "adhoc" ? "adhoc" : "kwartaal", null, null, "13:00", null), new Dictionary<string, string>()));

    [HttpPost("/casusoverleg")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] MeetingInput input, CancellationToken ct)
    {
        if (!CaseMeetingService.MayPrepare(current.Actor)) return Forbid();
        var (errors, id) = await meetings.CreateAsync(current.Actor, input, ct);
        if (id is { } created) return Redirect($"/casusoverleg/{created}?gedaan=gepland");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), new MeetingsIndexModel(await meetings.ListAsync(ct), true, input, errors));
    }

    [HttpGet("/casusoverleg/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromQuery] string? gedaan, CancellationToken ct) =>
        await PageAsync(id, DoneMessages.GetValueOrDefault(gedaan ?? ""), new Dictionary<string, string>(), null, ct);

    [HttpPost("/casusoverleg/{id:guid}/agenda")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> GenerateAgenda(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await meetings.GenerateAgendaAsync(current.Actor, new CaseMeetingId(id), ct), "agenda", null, ct);

    [HttpPost("/casusoverleg/{id:guid}/dossiers")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> AddDossier(Guid id, [FromForm] string? dossier, CancellationToken ct) =>
        await AnswerAsync(id, await meetings.AddDossierAsync(current.Actor, new CaseMeetingId(id), dossier, ct), "dossier", null, ct);

    [HttpPost("/casusoverleg/{id:guid}/agendapunten/{item:guid}/besluiten")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Decide(Guid id, Guid item, [FromForm] string? soort, [FromForm] string? tekst, [FromForm] string? partner,
        [FromForm] string? termijn, [FromForm] List<string>? betreft, CancellationToken ct)
    {
        var result = await meetings.DecideAsync(current.Actor, new CaseMeetingId(id), new AgendaItemId(item),
            new DecisionInput(soort, tekst, partner, termijn, betreft ?? []), ct);
        return await AnswerAsync(id, result, "besluit", item.ToString(), ct);
    }

    [HttpPost("/casusoverleg/{id:guid}/verslag")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> AdoptMinutes(Guid id, [FromForm] string? verslag, CancellationToken ct) =>
        await AnswerAsync(id, await meetings.AdoptMinutesAsync(current.Actor, new CaseMeetingId(id), verslag, ct), "verslag", null, ct);

    [HttpGet("/casusoverleg/{id:guid}/verslag")]
    public async Task<IActionResult> Minutes(Guid id, CancellationToken ct)
    {
        if (await view.ForAsync(current.Actor, new CaseMeetingId(id), "verslag afgedrukt", ct) is not { } page) return NotFound();
        return View("Minutes", page);
    }

    /// <summary>The minutes as PDF, printed by headless Chromium from the same page the browser prints.</summary>
    [HttpGet("/casusoverleg/{id:guid}/verslag.pdf")]
    public async Task<IActionResult> MinutesAsPdf(Guid id, CancellationToken ct)
    {
        if (await view.ForAsync(current.Actor, new CaseMeetingId(id), "verslag als pdf", ct) is not { } page) return NotFound();
        ViewData[PdfPrinter.StylesheetFolderKey] = ""; // the stylesheet lies beside the HTML in Chromium's temporary folder
        var html = await this.RenderViewAsync("Minutes", page);
        var result = await pdf.PrintAsync(html, ["minutes.css"], ct);
        if (result.Pdf is null)
            return Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF niet beschikbaar",
                detail: result.Error + " Open het verslag en kies Afdrukken → Opslaan als PDF.");
        return File(result.Pdf, "application/pdf", $"verslag-casusoverleg-{page.Meeting.ScheduledAt:yyyy-MM-dd}.pdf");
    }

    private async Task<IActionResult> AnswerAsync(Guid id, ProcessResult result, string done, string? item, CancellationToken ct)
    {
        if (!result.Found) return NotFound();
        if (!result.Allowed) return Forbid();
        if (result.Errors.Count == 0) return Redirect($"/casusoverleg/{id}?gedaan={done}#{(item is null ? "agenda" : "punt-" + item)}");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await PageAsync(id, null, result.Errors, item, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, string? done, IReadOnlyDictionary<string, string> errors, string? failedItem, CancellationToken ct)
    {
        if (await view.ForAsync(current.Actor, new CaseMeetingId(id), "overleg geopend", ct) is not { } page) return NotFound();
        ViewData["Nav"] = "casusoverleg";
        return View("Show", new MeetingPageModel(page, done, errors, failedItem));
    }
}
