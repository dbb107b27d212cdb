using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ketenaanpak.Graph.Web.Infrastructure;

/// <summary>
/// Turns exceptions on /api into ProblemDetails: a broken domain rule is the caller's 400 with the rule's Dutch message
/// and the field it concerns, a concurrent edit a 409; anything else a 500 without internals. Pages are not handled
/// here: they fall through to the error page.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return false;
        var (status, title) = exception switch
        {
            DomainException => (StatusCodes.Status400BadRequest, "De invoer is niet geldig."),
            ConcurrencyConflictException => (StatusCodes.Status409Conflict, "Gelijktijdige wijziging."),
            // Kestrel's refusal while the body is read (too large, cut off): the client's fault, never a 500.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Het verzoek is te groot."),
            BadHttpRequestException bad => (bad.StatusCode, "Het verzoek kon niet worden gelezen."),
            _ => (StatusCodes.Status500InternalServerError, "Er ging iets mis aan onze kant."),
        };
        if (status == StatusCodes.Status500InternalServerError)
            log.LogError(exception, "Unhandled exception on {Path}", context.Request.Path);
        var details = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = status switch
            {
                StatusCodes.Status500InternalServerError => "De fout is vastgelegd; probeer het later opnieuw.",
                StatusCodes.Status413PayloadTooLarge => "De server neemt zo'n groot verzoek niet aan. Stuur minder gegevens tegelijk.",
                _ when exception is BadHttpRequestException => "Het verzoek is onvolledig of onjuist verstuurd. Probeer het opnieuw.",
                _ => exception.Message,
            },
        };
        if (exception is DomainException { Field: { } field })
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [exception.Message] };
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
