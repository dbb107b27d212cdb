using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Chain;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Web.Features.Dossiers;

/// <summary>Taking a member out of the dossier: which entity, in which role, and why.</summary>
public sealed class MemberRemovalForm
{
    public const string Key = "MemberRemoval";
    public string? Entiteit { get; set; }
    public string? Rol { get; set; }
    public string? Reden { get; set; }
}

public sealed record ProcessPageModel(DossierProcessView View, WeighingCriteria Criteria, WeighingForm Weighing, StepForm Step,
    EvaluationForm Evaluation, string? Done, string? FailedForm, IReadOnlyList<InterventionItem> Interventions,
    IReadOnlyList<(string Code, string Name)> Partners, InterventionForm Intervention);

/// <summary>
/// The chain process of one dossier (issue 7): its steps with what each next step still needs, the prosecutor's
/// consent for criminal-law signals, the weighing with its priority and the closing evaluation. Reading needs the
/// dossier; acting needs a role that works the case (see <see cref="DossierProcess.MayAct"/>).
/// </summary>
[Authorize(Policy = Policies.Network)]
[Route("/dossiers/{number}")]
public sealed class DossierProcessController(DossierProcess process, DossierInterventions interventions, DossierMembership membership,
    IGraphDbContext db, ICurrentActor current, IOptions<WeighingCriteria> criteria) : Controller
{
    [HttpGet("proces")]
    public async Task<IActionResult> Show(string number, [FromQuery] string? gedaan, CancellationToken ct)
    {
        if (await process.ViewAsync(current.Actor, number, ct) is not { } view) return NotFound();
        return await PageAsync(view, done: Done(gedaan), ct: ct);
    }

    [HttpPost("interventies")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Propose(string number, [FromForm] InterventionForm form, CancellationToken ct)
    {
        ModelState.Clear();
        if (await process.FindAsync(current.Actor, number, ct) is not { } dossier) return NotFound();
        var result = await interventions.ProposeAsync(current.Actor, dossier, form.ToInput(), ct);
        return await AnswerAsync(number, result, "interventie", "interventie", intervention: form, ct: ct);
    }

    [HttpPost("interventies/{id:guid}/antwoord")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Respond(string number, Guid id, [FromForm] string? actie, [FromForm] string? toelichting, CancellationToken ct)
    {
        ModelState.Clear();
        if (await process.FindAsync(current.Actor, number, ct) is not { } dossier) return NotFound();
        var result = await interventions.RespondAsync(current.Actor, dossier, new InterventionId(id), actie, toelichting, ct);
        return await AnswerAsync(number, result, "antwoord", "antwoord", ct: ct);
    }

    [HttpPost("interventies/{id:guid}/toewijzen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Reassign(string number, Guid id, [FromForm] string? partner, CancellationToken ct)
    {
        ModelState.Clear();
        if (await process.FindAsync(current.Actor, number, ct) is not { } dossier) return NotFound();
        var result = await interventions.ReassignAsync(current.Actor, dossier, new InterventionId(id), partner, ct);
        return await AnswerAsync(number, result, "toewijzing", "antwoord", ct: ct);
    }

    [HttpPost("stap")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Move(string number, [FromForm] StepForm form, CancellationToken ct)
    {
        ModelState.Clear();
        var stage = form.Stage(ModelState);
        var result = stage is { } to ? await process.MoveAsync(current.Actor, number, to, form.Reden, ct) : null;
        return await AnswerAsync(number, result, "stap", "stap", step: form, ct: ct);
    }

    [HttpPost("weging")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Weigh(string number, [FromForm] WeighingForm form, CancellationToken ct)
    {
        ModelState.Clear();
        if (await process.ViewAsync(current.Actor, number, ct) is not { } view) return NotFound();
        var scores = form.Scores(ModelState);
        ProcessResult? result = null;
        if (scores is not null)
        {
            var approaches = form.Approaches(view.Approaches.Select(a => (a.NodeId, a.Role)));
            result = await process.WeighAsync(current.Actor, number, scores, form.Plan, form.Resultaat, approaches, ct);
        }
        return await AnswerAsync(number, result, "weging", "weging", weighing: form, ct: ct);
    }

    [HttpPost("toestemming")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Consent(string number, [FromForm] ConsentForm form, CancellationToken ct)
    {
        ModelState.Clear();
        var granted = form.Granted(ModelState);
        var result = granted is { } g ? await process.DecideConsentAsync(current.Actor, number, form.Signaal ?? "", g, form.Toelichting, ct) : null;
        return await AnswerAsync(number, result, "toestemming", "toestemming", ct: ct);
    }

    [HttpPost("signalen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> LinkSignal(string number, [FromForm] string? signaal, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await membership.LinkSignalAsync(current.Actor, number, signaal, ct);
        return await AnswerAsync(number, result, "signaal", "signaal", ct: ct);
    }

    [HttpPost("leden/verwijderen")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RemoveMember(string number, [FromForm] MemberRemovalForm form, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await membership.RemoveMemberAsync(current.Actor, number, form.Entiteit, form.Rol, form.Reden, ct);
        ViewData[MemberRemovalForm.Key] = form; // a refused removal comes back with its reason as typed, in its own row
        return await AnswerAsync(number, result, "lid-verwijderd", "lid", ct: ct);
    }

    [HttpPost("evaluatie")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Evaluate(string number, [FromForm] EvaluationForm form, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await process.EvaluateAsync(current.Actor, number, form.Uitkomst, form.Lessen, ct);
        return await AnswerAsync(number, result, "evaluatie", "evaluatie", evaluation: form, ct: ct);
    }

    /// <summary>Post/redirect/get on success; otherwise the page again with the form as typed and its messages.</summary>
    private async Task<IActionResult> AnswerAsync(string number, ProcessResult? result, string done, string formName,
        StepForm? step = null, WeighingForm? weighing = null, EvaluationForm? evaluation = null, InterventionForm? intervention = null,
        CancellationToken ct = default)
    {
        if (result is { Found: false }) return NotFound();
        if (result is { Allowed: false }) return Forbid();
        if (result is { Succeeded: true })
            return Redirect($"/dossiers/{Uri.EscapeDataString(number)}/proces?gedaan={done}");
        foreach (var (field, message) in result?.Errors ?? new Dictionary<string, string>())
            ModelState.AddModelError(field, message);
        if (await process.ViewAsync(current.Actor, number, ct) is not { } view) return NotFound();
        Response.StatusCode = result?.Errors.ContainsKey("") == true ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return await PageAsync(view, step, weighing, evaluation, intervention, failedForm: formName, ct: ct);
    }

    private async Task<ViewResult> PageAsync(DossierProcessView view, StepForm? step = null, WeighingForm? weighing = null,
        EvaluationForm? evaluation = null, InterventionForm? intervention = null, string? done = null, string? failedForm = null,
        CancellationToken ct = default)
    {
        ViewData["Nav"] = "dossiers";
        var list = await interventions.ListAsync(current.Actor, view.Dossier, ct);
        var partners = (await db.Partners.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => (p.Code, p.Name)).ToList();
        return View("~/Features/Dossiers/Views/Process.cshtml", new ProcessPageModel(view, criteria.Value, weighing ?? Prefill(view), step ?? new StepForm(),
            evaluation ?? new EvaluationForm { Uitkomst = view.Dossier.Evaluation?.Outcome, Lessen = view.Dossier.Evaluation?.Lessons },
            done, failedForm, list, partners, intervention ?? new InterventionForm()));
    }

    /// <summary>The form starts from the current weighing, so a re-weighing changes what changed.</summary>
    private static WeighingForm Prefill(DossierProcessView view)
    {
        var w = view.Dossier.CurrentWeighing;
        var form = new WeighingForm
        {
            Ernst = w?.Severity.ToString(), Urgentie = w?.Urgency.ToString(), Omvang = w?.Scale.ToString(), Bewijs = w?.Evidence.ToString(),
            Slachtoffers = (w?.Victims ?? view.Approaches.Count(a => a.Role == DossierRole.Victim)).ToString(),
            Minderjarigen = w?.MinorsInvolved ?? false, Plan = w?.PlanOfApproach, Resultaat = w?.IntendedResult,
        };
        foreach (var a in view.Approaches) form.Aanpak[WeighingForm.Key(a.NodeId, a.Role)] = a.Approach;
        return form;
    }

    private static string? Done(string? what) => what switch
    {
        "stap" => "De stap is vastgelegd in de besluitgeschiedenis.",
        "weging" => "De weging is vastgelegd.",
        "toestemming" => "Het besluit van de officier van justitie is vastgelegd.",
        "evaluatie" => "De slotevaluatie is vastgelegd.",
        "interventie" => "De interventie is voorgesteld aan de partner.",
        "antwoord" => "Het antwoord op de interventie is vastgelegd.",
        "toewijzing" => "De interventie is aan de andere partner voorgesteld.",
        "lid" => "De entiteit is met haar rol en bron aan het dossier toegevoegd.",
        "signaal" => "Het signaal is aan het dossier gekoppeld.",
        "lid-verwijderd" => "De entiteit is in deze rol uit het dossier gehaald. De reden staat in het auditlog; de entiteit zelf blijft in het netwerk.",
        _ => null,
    };
}
