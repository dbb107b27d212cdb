namespace Ketenaanpak.Graph.Application.Auditing;

/// <summary>Dutch labels of <see cref="AuditAction"/> for the data-protection officer's page.</summary>
public static class AuditActionText
{
    public static string Dutch(this AuditAction action) => action switch
    {
        AuditAction.Read => "Ingezien",
        AuditAction.Search => "Gezocht",
        AuditAction.Export => "Geëxporteerd",
        AuditAction.Share => "Gedeeld",
        AuditAction.Merge => "Samengevoegd",
        AuditAction.Unmerge => "Samenvoeging ongedaan gemaakt",
        AuditAction.StatusChange => "Status gewijzigd",
        AuditAction.Create => "Aangemaakt",
        AuditAction.Update => "Gewijzigd",
        AuditAction.Delete => "Verwijderd",
        AuditAction.RetentionExtended => "Bewaartermijn verlengd",
        AuditAction.SignIn => "Aangemeld",
        AuditAction.SignInFailed => "Aanmelden mislukt",
        AuditAction.SignOut => "Afgemeld",
        AuditAction.Judgement => "Weging vastgelegd",
        AuditAction.Analysis => "Analyse uitgevoerd",
        _ => action.ToString(),
    };
}
