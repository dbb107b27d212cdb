using Ketenaanpak.Graph.Application.Auditing;
using Microsoft.AspNetCore.WebUtilities;

namespace Ketenaanpak.Graph.Web.Features.Audit;

/// <summary>What the audit page shows: the form as typed, the page of results (null when the form has errors) and,
/// when asked for, the verification of the chain.</summary>
public sealed record AuditIndexModel(AuditForm Form, AuditPage? Results, AuditVerification? Verification, bool LogIsEmpty)
{
    public string PageLink(int page) => Link(Form.FilterValues().Append(KeyValuePair.Create("pagina", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public string VerifyLink => Link(Form.FilterValues().Append(KeyValuePair.Create("controle", "true")));

    private static string Link(IEnumerable<KeyValuePair<string, string>> values) =>
        QueryHelpers.AddQueryString("/audit", values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)));
}
