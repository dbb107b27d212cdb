using System.Collections;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ketenaanpak.Graph.Web.Infrastructure;

/// <summary>
/// The refused fields of a posted form, in the order they were found, for a view's summary ("Dit ging mis") and its
/// per-field messages. One type, so that every form page reads ModelState the same way.
/// </summary>
public sealed class FormErrors : IReadOnlyList<(string Field, string ErrorMessage)>
{
    private readonly List<(string Field, string ErrorMessage)> _errors;

    private FormErrors(List<(string Field, string ErrorMessage)> errors) => _errors = errors;

    public static FormErrors From(ModelStateDictionary state) =>
        new(state.Where(e => e.Value!.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => (Field: e.Key, x.ErrorMessage))).ToList());

    /// <summary>The first message for <paramref name="field"/>, or null when it was accepted.</summary>
    public string? Of(string field) => _errors.Where(e => e.Field == field).Select(e => e.ErrorMessage).FirstOrDefault();

    public int Count => _errors.Count;

    public (string Field, string ErrorMessage) this[int index] => _errors[index];

    public IEnumerator<(string Field, string ErrorMessage)> GetEnumerator() => _errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
