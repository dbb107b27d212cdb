namespace Ketenaanpak.Graph.Domain.Barriers;

/// <summary>
/// One step of the criminal business process in the barrier model (barrièremodel), domain.md §3: what the traffickers
/// need, which legal facilitators they use, and who can raise a barrier. Sources divide the steps differently, so the
/// list is configuration (section "BarrierPhases"); <see cref="Default"/> is used when none is configured.
/// </summary>
public sealed record BarrierPhase(string Code, int Order, string DutchName, string Needs, string Facilitators, string BarrierOwners)
{
    public static IReadOnlyList<BarrierPhase> Default { get; } =
    [
        new("recruitment", 1, "Werving", "Slachtoffers bereiken: advertenties, bureaus, loverboymethode",
            "Uitzendbureaus, online platforms, uitgaansleven", "Gemeente (bewustwording), politie (monitoring vacatures)"),
        new("entry", 2, "Entree en vervoer", "Mensen binnenbrengen en verplaatsen",
            "Vervoersbedrijven, taxi's, reisbureaus", "KMar (grens- en documentcontrole)"),
        new("identity", 3, "Identiteit", "Inschrijving, identiteitspapieren, BSN",
            "Gemeentelijke BRP-balie, documentuitgevers", "Gemeente (baliemedewerkers, adresonderzoek), KMar (valse documenten)"),
        new("residence", 4, "Verblijfsstatus", "Vergunningen voor slachtoffers van buiten de EU",
            "IND", "IND (controles)"),
        new("housing", 5, "Huisvesting", "Slaapplaatsen dicht bij werk of klanten",
            "Verhuurders, huisjesmelkers, hotels, vakantieparken, campings", "Gemeente (woning- en brandveiligheidscontroles, sluiting)"),
        new("work", 6, "Werk", "Een werkplek en papieren",
            "Uitzendbureaus, werkgevers, vergunde seksbedrijven", "Inspectie SZW (inspecties), gemeente (vergunningvoorwaarden), KvK"),
        new("finance", 7, "Financiën", "Bankrekeningen, contant geld, witwassen",
            "Banken, geldtransfer, accountants, makelaars", "Banken (Wwft, klantonderzoek), Belastingdienst, FIOD, gemeente (Bibob)"),
    ];
}
