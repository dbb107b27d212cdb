using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Features.Signals;

/// <summary>
/// The signal intake pages (issue 6.1): the form for a new signal or a draft, the reporter's list with status and
/// feedback, one signal, and — for the RIEC — all submitted signals. A refused submission redisplays the form with a
/// Dutch message next to each wrong field and stores nothing.
/// </summary>
[Authorize(Policy = Policies.ReportSignals)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SignalsController(SignalIntake intake, SignalQueries queries, ICurrentActor current, TimeProvider clock) : Controller
{
    private const string SaveDraft = "concept";

    [HttpGet("/signalen")]
    public async Task<IActionResult> Index([FromQuery(Name = "alle")] string? all, CancellationToken ct)
    {
        ViewData["Nav"] = "signalen";
        if (all is "1" or "true")
        {
            var list = await queries.AllAsync(current.Actor, ct);
            return list is null ? Forbid() : View("All", list);
        }
        ViewData["SeesAll"] = SignalQueries.SeesAllSignals(current.Actor);
        return View(await queries.OwnAsync(current.Actor, ct));
    }

    [HttpGet("/signalen/nieuw")]
    public IActionResult New()
    {
        var actor = current.Actor;
        var input = new SignalIntakeInput
        {
            ReporterName = User.FindFirst(ActorClaims.DisplayName)?.Value ?? actor.UserName,
            ObservedOn = DateOnly.FromDateTime(Application.Auditing.DutchCalendar.ToLocal(clock.GetUtcNow())).ToString("yyyy-MM-dd"),
            Place = new PlaceInput { Municipality = actor.MunicipalityCode },
            Grading = Grading.Default.Code,
            LegalBasis = actor.PartnerKind.DefaultLegalBasis().ToString(),
            HandlingCode = HandlingCode.Chain.ToString(),
        };
        return Form(input, null);
    }

    [HttpPost("/signalen/nieuw")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] SignalIntakeInput input, [FromForm(Name = "actie")] string? action, CancellationToken ct)
    {
        Normalise(input);
        var outcome = action == SaveDraft
            ? await intake.CreateDraftAsync(current.Actor, input, ct)
            : await intake.SubmitNewAsync(current.Actor, input, ct);
        return Answer(outcome, input, null);
    }

    [HttpGet("/signalen/concept/{id:guid}")]
    public async Task<IActionResult> Draft(Guid id, [FromQuery(Name = "opgeslagen")] string? saved, CancellationToken ct)
    {
        var input = await intake.LoadDraftAsync(current.Actor, new SignalId(id), ct);
        if (input is null) return NotFound();
        Normalise(input);
        return Form(input, id, saved is "1" ? "Het concept is opgeslagen. U kunt later verdergaan; pas bij indienen komt het signaal bij het RIEC." : null);
    }

    [HttpPost("/signalen/concept/{id:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> UpdateDraft(Guid id, [FromForm] SignalIntakeInput input, [FromForm(Name = "actie")] string? action, CancellationToken ct)
    {
        Normalise(input);
        var outcome = action == SaveDraft
            ? await intake.UpdateDraftAsync(current.Actor, new SignalId(id), input, ct)
            : await intake.SubmitDraftAsync(current.Actor, new SignalId(id), input, ct);
        return Answer(outcome, input, id);
    }

    [HttpGet("/signalen/{number}")]
    public async Task<IActionResult> Show(string number, [FromQuery(Name = "ingediend")] string? submitted, CancellationToken ct)
    {
        ViewData["Nav"] = "signalen";
        if (number.Length > 30 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return NotFound();
        var signal = await queries.ShowAsync(current.Actor, number, ct);
        if (signal is null) return NotFound();
        ViewData["JustSubmitted"] = submitted is "1";
        return View(signal);
    }

    private IActionResult Answer(IntakeOutcome outcome, SignalIntakeInput input, Guid? draftId)
    {
        switch (outcome.Status)
        {
            case IntakeStatus.NotFound: return NotFound();
            case IntakeStatus.Forbidden: return Forbid();
            case IntakeStatus.AlreadySubmitted:
                ModelState.AddModelError("", "Dit signaal is al ingediend en kan niet meer worden gewijzigd. Een correctie of aanvulling meldt u als nieuw signaal.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Form(input, draftId);
            case IntakeStatus.Invalid:
                foreach (var error in outcome.Errors) ModelState.AddModelError(error.Field, error.Message);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Form(input, draftId);
        }
        return outcome.Number is { } number
            ? Redirect($"/signalen/{number}?ingediend=1")
            : Redirect($"/signalen/concept/{outcome.Id}?opgeslagen=1");
    }

    private ViewResult Form(SignalIntakeInput input, Guid? draftId, string? saved = null)
    {
        ViewData["Nav"] = "signalen";
        var actor = current.Actor;
        var partner = User.FindFirst(ActorClaims.PartnerId) is not null ? PartnerName(actor) : "";
        return View("Form", new SignalFormModel { Input = input, DraftId = draftId, PartnerName = partner, PartnerKind = actor.PartnerKind, Saved = saved });
    }

    private string PartnerName(Actor actor) =>
        HttpContext.RequestServices.GetRequiredService<Application.Abstractions.IGraphDbContext>().Partners
            .Where(p => p.Id == actor.PartnerId).Select(p => p.Name).FirstOrDefault() ?? actor.PartnerKind.Dutch();

    /// <summary>Rows in the order the form shows them, so error keys (Mentions[3]…) point at the row the user sees.</summary>
    private static void Normalise(SignalIntakeInput input)
    {
        input.Place ??= new PlaceInput();
        input.Indicators ??= [];
        var mentions = (input.Mentions ?? []).Where(m => m is not null).ToList();
        // A row without a ref is known as m1, m2, … by its place in the list as sent (what relations from the API use).
        for (var i = 0; i < mentions.Count; i++)
            if (string.IsNullOrWhiteSpace(mentions[i].Ref)) mentions[i].Ref = $"m{i + 1}";
        input.Mentions = mentions.OrderBy(m => SignalFormModel.SectionOrder(m.Kind)).ToList();
        foreach (var m in input.Mentions) m.Values ??= [];
        input.Relations = (input.Relations ?? []).Where(r => r is not null).ToList();
    }
}
