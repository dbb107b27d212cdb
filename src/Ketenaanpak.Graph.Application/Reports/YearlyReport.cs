using Ketenaanpak.Graph.Application.Abstractions;
using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Interventions;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Application.Reports;

/// <summary>
/// The yearly account for the district safety meeting (domain.md §9): aard, omvang en ontwikkelingen of one calendar
/// year beside the year before. Pure queries over the store; every figure is a count (or a duration in days) defined in
/// <c>docs/decisions/ADR-012-yearly-report.md</c>, so that anyone can recount it with SQL. Years are Dutch calendar
/// years: a dossier opened at 00:30 on 1 January Dutch time belongs to the new year.
/// </summary>
public sealed class YearlyReport(IGraphDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const int FirstYear = 2000;

    /// <summary>The earliest and latest year a report can be asked for (the current Dutch year is the latest).</summary>
    public (int First, int Last) YearRange => (FirstYear, DutchCalendar.ToLocal(clock.GetUtcNow()).Year);

    /// <summary>Parses the <c>jaar</c> of a request; null when it is fine, otherwise the Dutch reason.</summary>
    public string? Validate(string? year, out int parsed)
    {
        var (first, last) = YearRange;
        parsed = last;
        if (string.IsNullOrWhiteSpace(year)) return null;
        if (!int.TryParse(year.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parsed))
            return $"Het jaar moet een jaartal zijn, bijvoorbeeld {last}.";
        if (parsed < first || parsed > last)
            return $"Kies een jaar van {first} tot en met {last}.";
        return null;
    }

    /// <summary>
    /// Compiles the report of <paramref name="year"/> for <paramref name="actor"/> and writes the reading (or the export,
    /// <paramref name="format"/> "pdf"/"csv") to the audit log.
    /// </summary>
    public async Task<YearlyReportResult> CompileAsync(Actor actor, string? year, string? format = null, CancellationToken ct = default)
    {
        if (ReportAccess.ScopeFor(actor) is not { } scope) return YearlyReportResult.Forbidden;
        if (Validate(year, out var y) is { } error) return YearlyReportResult.Invalid(error);
        var figures = await FiguresAsync(scope, y, ct);
        await audit.AppendAsync(new AuditRecord(actor, format is null ? AuditAction.Read : AuditAction.Export, "Jaarverslag", y.ToString(System.Globalization.CultureInfo.InvariantCulture),
            format is null ? $"jaarverslag {y} gelezen, {scope.Name}" : $"jaarverslag {y} als {format}, {scope.Name}", "Verantwoording aan het districtelijk veiligheidsoverleg"), ct);
        return new YearlyReportResult(figures, true, null);
    }

    /// <summary>The figures of one scope and year, without access check or audit (the use case and its tests).</summary>
    public async Task<YearlyReportFigures> FiguresAsync(ReportScope scope, int year, CancellationToken ct = default)
    {
        var current = new Period(year);
        var previous = new Period(year - 1);
        var code = scope.MunicipalityCode;

        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
        var partnerById = partners.ToDictionary(p => p.Id, p => (p.Code, p.Name));
        string PartnerLabel(string key) => partners.FirstOrDefault(p => p.Code == key)?.Name ?? key;

        // Signals: observed in the year, submitted (a draft is not yet a signal), in the municipality for a coordinator.
        var signalQuery = db.Signals.AsNoTracking()
            .Where(s => s.Status != SignalStatus.Draft && s.ObservedOn >= previous.FirstDay && s.ObservedOn < current.NextFirstDay)
            .Where(s => code == null || s.MunicipalityCode == code);
        var signals = await signalQuery
            .Select(s => new SignalRow(s.Id, s.ObservedOn, s.MunicipalityCode, s.Form, s.Sector, s.Provenance.SourcePartner)).ToListAsync(ct);
        var indicators = await db.SignalIndicators.AsNoTracking().Join(signalQuery, i => i.SignalId, s => s.Id, (i, s) => new { i.SignalId, i.Code }).ToListAsync(ct);
        var phasesOf = indicators
            .Select(i => (i.SignalId, Phase: ReportClassifications.PhaseOfIndicator.GetValueOrDefault(i.Code)))
            .Where(i => i.Phase is not null).Distinct().ToLookup(i => i.SignalId, i => i.Phase!);
        var sCur = signals.Where(s => current.Contains(s.ObservedOn)).ToList();
        var sPrev = signals.Where(s => previous.Contains(s.ObservedOn)).ToList();

        // Dossiers in scope (a coordinator: those that play in the municipality), with their weighings and qualifications.
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => code == null || d.LeadMunicipalityCode == code)
            .Select(d => new DossierRow(d.Id, d.OpenedAt, d.ClosedAt)).ToListAsync(ct);
        var inScope = dossiers.Select(d => d.Id).ToHashSet();
        var weighings = (await db.Dossiers.AsNoTracking().SelectMany(d => d.Weighings).Select(w => new { w.DossierId, w.At }).ToListAsync(ct))
            .Where(w => inScope.Contains(w.DossierId)).ToList();
        var qualifications = (await db.Dossiers.AsNoTracking().SelectMany(d => d.StageChanges)
                .Where(c => c.To == DossierStage.Assignment && c.From != DossierStage.Assignment).Select(c => new { c.DossierId, c.At }).ToListAsync(ct))
            .Where(c => inScope.Contains(c.DossierId)).ToList();
        int Opened(Period p) => dossiers.Count(d => p.Contains(d.OpenedAt));
        int Weighed(Period p) => weighings.Where(w => p.Contains(w.At)).Select(w => w.DossierId).Distinct().Count();
        int Qualified(Period p) => qualifications.Where(c => p.Contains(c.At)).Select(c => c.DossierId).Distinct().Count();
        int Closed(Period p) => dossiers.Count(d => d.ClosedAt is { } c && p.Contains(c));

        // Persons: the person members of the dossiers opened in the year; roles are per dossier (domain.md §5).
        var openedIn = dossiers.Where(d => previous.Contains(d.OpenedAt) || current.Contains(d.OpenedAt)).ToDictionary(d => d.Id, d => d.OpenedAt);
        var members = (await db.DossierMembers.AsNoTracking().Join(db.Nodes.Where(n => n.Kind == NodeKind.Person), m => m.NodeId, n => n.Id,
                (m, n) => new { m.DossierId, m.NodeId, m.Role }).ToListAsync(ct))
            .Where(m => openedIn.ContainsKey(m.DossierId))
            .Select(m => new MemberRow(m.DossierId, m.NodeId, m.Role, openedIn[m.DossierId])).ToList();
        var personIds = members.Select(m => m.NodeId).ToHashSet();
        var attributes = (await db.Statements.AsNoTracking()
                .Where(s => s.Property == "nationality" || s.Property == "sex" || s.Property == "birthDate")
                .Join(db.Nodes.Where(n => n.Kind == NodeKind.Person), s => s.NodeId, n => n.Id, (s, n) => new { s.NodeId, s.Property, s.Value }).ToListAsync(ct))
            .Where(s => personIds.Contains(s.NodeId))
            .GroupBy(s => (s.NodeId, s.Property)).ToDictionary(g => g.Key, g => g.Select(s => s.Value).Distinct().ToList());
        string Attribute(NodeId node, string property) => attributes.GetValueOrDefault((node, property)) switch
        {
            null or [] => PersonFigures.Unknown,
            [var only] => only,
            _ => PersonFigures.Ambiguous,
        };
        var mCur = members.Where(m => current.Contains(m.OpenedAt)).ToList();
        var mPrev = members.Where(m => previous.Contains(m.OpenedAt)).ToList();
        List<PersonRow> Persons(List<MemberRow> ms) => ms.GroupBy(m => m.NodeId).Select(g => new PersonRow(g.Key,
            Attribute(g.Key, "nationality"), Attribute(g.Key, "sex"), PersonFigures.AgeClass(Attribute(g.Key, "birthDate"), g.Min(m => m.OpenedAt)))).ToList();
        var pCur = Persons(mCur);
        var pPrev = Persons(mPrev);

        // Interventions: by the year of their due date, the only date an intervention carries (ADR-012).
        var interventions = (await db.Interventions.AsNoTracking()
                .Where(i => i.DueDate != null && i.DueDate >= previous.FirstDay && i.DueDate < current.NextFirstDay)
                .Select(i => new InterventionRow(i.DossierId, i.Type, i.Status, i.AssignedPartnerId, i.BarrierPhaseCode, i.Result, i.DueDate!.Value)).ToListAsync(ct))
            .Where(i => inScope.Contains(i.DossierId)).ToList();
        var iCur = interventions.Where(i => current.Contains(i.DueDate)).ToList();
        var iPrev = interventions.Where(i => previous.Contains(i.DueDate)).ToList();
        var dCur = iCur.Where(i => i.Status == InterventionStatus.Done).ToList();
        var dPrev = iPrev.Where(i => i.Status == InterventionStatus.Done).ToList();

        var sections = new List<ReportSection>
        {
            new("kerncijfers", "Kerncijfers", "Het jaar naast het jaar ervoor.", FigureUnit.Count, false,
            [
                new("signalen", "Signalen ontvangen", sCur.Count, sPrev.Count),
                new("dossiers-geopend", "Dossiers geopend", Opened(current), Opened(previous)),
                new("dossiers-gewogen", "Dossiers gewogen", Weighed(current), Weighed(previous)),
                new("dossiers-gekwalificeerd", "Dossiers gekwalificeerd voor interventie", Qualified(current), Qualified(previous)),
                new("dossiers-gesloten", "Dossiers gesloten", Closed(current), Closed(previous)),
                new("personen", "Personen in nieuwe dossiers", pCur.Count, pPrev.Count) { AboutPersons = true },
                new("interventies", "Interventies (vervaldatum in het jaar)", iCur.Count, iPrev.Count),
                new("interventies-afgerond", "Interventies afgerond", dCur.Count, dPrev.Count),
            ]),
            Section("signalen-partner", "Signalen per partner", "De partner die het signaal inbracht.", false,
                Count(sCur, s => partnerById.GetValueOrDefault(s.Partner).Code ?? "?"), Count(sPrev, s => partnerById.GetValueOrDefault(s.Partner).Code ?? "?"), PartnerLabel),
            Section("signalen-gemeente", "Signalen per gemeente", "De gemeente waar het signaal werd waargenomen.", false,
                Count(sCur, s => s.MunicipalityCode ?? "onbekend"), Count(sPrev, s => s.MunicipalityCode ?? "onbekend"), Municipality.NameOf),
            Section("signalen-maand", "Signalen per maand", "De maand waarin het signaal werd waargenomen.", false,
                Count(sCur, s => s.ObservedOn.Month.ToString("00")), Count(sPrev, s => s.ObservedOn.Month.ToString("00")), PersonFigures.MonthName,
                Enumerable.Range(1, 12).Select(m => m.ToString("00")).ToList(), keepZeros: true),
            Section("signalen-vorm", "Signalen per vorm van uitbuiting", "Art. 273f Sr; de juridische kwalificatie staat apart.", false,
                Count(sCur, s => s.Form.ToString()), Count(sPrev, s => s.Form.ToString()), k => Enum.Parse<ExploitationForm>(k).Dutch(), Enum.GetNames<ExploitationForm>()),
            Section("signalen-sector", "Signalen per sector", "De sector waarin de uitbuiting werd vermoed.", false,
                Count(sCur, s => s.Sector.ToString()), Count(sPrev, s => s.Sector.ToString()), k => Enum.Parse<Sector>(k).Dutch(), Enum.GetNames<Sector>()),
            Section("signalen-fase", "Signalen per fase van het barrièremodel",
                "Afgeleid uit de indicatoren van de signaalkaart; een signaal telt mee in elke fase waar een van zijn indicatoren op wijst.", false,
                CountMany(sCur, s => phasesOf[s.Id]), CountMany(sPrev, s => phasesOf[s.Id]), ReportClassifications.PhaseName, PhaseOrder),
            LeadTimes(dossiers, weighings.Select(w => (w.DossierId, w.At)).ToList(), current, previous),
            Section("personen-rol", "Personen per rol", "Rollen gelden per dossier: wie in twee dossiers een andere rol heeft, telt bij beide rollen.", true,
                Count(mCur.DistinctBy(m => (m.NodeId, m.Role)), m => m.Role.ToString()), Count(mPrev.DistinctBy(m => (m.NodeId, m.Role)), m => m.Role.ToString()),
                k => Enum.Parse<DossierRole>(k).Dutch(), Enum.GetNames<DossierRole>()),
            Section("personen-nationaliteit", "Personen per nationaliteit", "Niet eenduidig: partners noemen verschillende nationaliteiten.", true,
                Count(pCur, p => p.Nationality), Count(pPrev, p => p.Nationality), PersonFigures.CountryName) with { RowsAddUpToPersonTotal = true },
            Section("personen-geslacht", "Personen per geslacht", "Zoals vastgelegd door de bronpartner.", true,
                Count(pCur, p => p.Sex), Count(pPrev, p => p.Sex), PersonFigures.SexLabel) with { RowsAddUpToPersonTotal = true },
            Section("personen-leeftijd", "Minderjarigen en meerderjarigen",
                "Leeftijd bij opening van het dossier; bij een onvolledige geboortedatum en bij twijfel telt iemand als minderjarig.", true,
                Count(pCur, p => p.AgeClass), Count(pPrev, p => p.AgeClass), PersonFigures.AgeLabel, PersonFigures.AgeClasses) with { RowsAddUpToPersonTotal = true },
            Section("interventies-soort", "Interventies per soort", "Interventies met een vervaldatum in het jaar.", false,
                Count(iCur, i => i.Type.ToString()), Count(iPrev, i => i.Type.ToString()), k => Enum.Parse<InterventionType>(k).Dutch(), Enum.GetNames<InterventionType>()),
            Section("interventies-partner", "Interventies per partner", "De partner aan wie de interventie is toegewezen.", false,
                Count(iCur, i => partnerById.GetValueOrDefault(i.Partner).Code ?? "?"), Count(iPrev, i => partnerById.GetValueOrDefault(i.Partner).Code ?? "?"), PartnerLabel),
            Section("interventies-status", "Interventies per status", "De stand bij het opstellen van het verslag.", false,
                Count(iCur, i => i.Status.ToString()), Count(iPrev, i => i.Status.ToString()), k => Enum.Parse<InterventionStatus>(k).Dutch(), Enum.GetNames<InterventionStatus>()),
            Section("interventies-resultaat", "Resultaten van afgeronde interventies",
                "Uit de resultaattekst van afgeronde interventies; één interventie kan meerdere resultaten hebben.", false,
                CountMany(dCur, i => ReportClassifications.ResultKindsOf(i.Result)), CountMany(dPrev, i => ReportClassifications.ResultKindsOf(i.Result)),
                k => ReportClassifications.ResultKinds.First(r => r.Key == k).Label, ReportClassifications.ResultKinds.Select(r => r.Key).ToList(), keepZeros: true),
            Section("barrieres-fase", "Opgeworpen barrières per fase", "Afgeronde interventies per fase van het barrièremodel.", false,
                Count(dCur, i => i.Phase), Count(dPrev, i => i.Phase), ReportClassifications.PhaseName, PhaseOrder),
        };
        return new YearlyReportFigures(year, scope, clock.GetUtcNow(), sections);
    }

    private static readonly IReadOnlyList<string> PhaseOrder = Domain.Barriers.BarrierPhase.Default.OrderBy(p => p.Order).Select(p => p.Code).ToList();

    private static ReportSection LeadTimes(List<DossierRow> dossiers, List<(DossierId Dossier, DateTimeOffset At)> weighings, Period current, Period previous)
    {
        List<int> ToClose(Period p) => dossiers.Where(d => d.ClosedAt is { } c && p.Contains(c)).Select(d => Days(d.OpenedAt, d.ClosedAt!.Value)).ToList();
        // The first weighing of each dossier, counted in the year it happened.
        var firsts = weighings.GroupBy(w => w.Dossier).Select(g => (g.Key, At: g.Min(w => w.At))).ToList();
        List<int> ToWeigh(Period p) => firsts.Where(f => p.Contains(f.At))
            .Select(f => dossiers.FirstOrDefault(d => d.Id == f.Key) is { } d ? Days(d.OpenedAt, f.At) : -1).Where(x => x >= 0).ToList();
        var (cc, pc, cw, pw) = (ToClose(current), ToClose(previous), ToWeigh(current), ToWeigh(previous));
        return new ReportSection("doorlooptijden", "Doorlooptijden van dossiers (dagen)",
            "Van opening tot sluiting voor de dossiers die in het jaar sloten; van opening tot eerste weging voor de dossiers die in het jaar voor het eerst werden gewogen.",
            FigureUnit.Days, false,
            [
                Days("sluiting-gemiddeld", "Opening → sluiting, gemiddeld", cc, pc, Mean),
                Days("sluiting-mediaan", "Opening → sluiting, mediaan", cc, pc, Median),
                Days("sluiting-langste", "Opening → sluiting, langste", cc, pc, d => d.Count == 0 ? 0 : d.Max()),
                Days("weging-gemiddeld", "Opening → eerste weging, gemiddeld", cw, pw, Mean),
                Days("weging-mediaan", "Opening → eerste weging, mediaan", cw, pw, Median),
            ]);
    }

    private static ReportRow Days(string key, string label, List<int> year, List<int> previous, Func<IReadOnlyCollection<int>, int> measure) =>
        new(key, label, measure(year), measure(previous)) { NoYear = year.Count == 0, NoPreviousYear = previous.Count == 0 };

    /// <summary>Whole calendar days between two instants, counted on the Dutch calendar.</summary>
    public static int Days(DateTimeOffset from, DateTimeOffset to) =>
        DateOnly.FromDateTime(DutchCalendar.ToLocal(to)).DayNumber - DateOnly.FromDateTime(DutchCalendar.ToLocal(from)).DayNumber;

    /// <summary>Rounded half away from zero; 0 for an empty year.</summary>
    public static int Mean(IReadOnlyCollection<int> days) => days.Count == 0 ? 0 : (int)Math.Round(days.Average(), MidpointRounding.AwayFromZero);

    /// <summary>The middle value; for an even count the mean of the two middle values, rounded half away from zero.</summary>
    public static int Median(IReadOnlyCollection<int> days)
    {
        if (days.Count == 0) return 0;
        var sorted = days.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (int)Math.Round((sorted[mid - 1] + sorted[mid]) / 2.0, MidpointRounding.AwayFromZero);
    }

    private static Dictionary<string, int> Count<T>(IEnumerable<T> items, Func<T, string> key) =>
        items.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> CountMany<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> keys) =>
        items.SelectMany(i => keys(i).Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// A section from the two years' counts. With <paramref name="order"/> the rows follow it (an enumeration's order);
    /// otherwise the largest first. Rows that are zero in both years are left out unless <paramref name="keepZeros"/>.
    /// </summary>
    private static ReportSection Section(string code, string title, string explanation, bool aboutPersons, Dictionary<string, int> year,
        Dictionary<string, int> previous, Func<string, string> label, IReadOnlyList<string>? order = null, bool keepZeros = false)
    {
        var keys = year.Keys.Union(previous.Keys).ToList();
        if (order is not null) keys = [.. order.Where(k => keepZeros || keys.Contains(k)), .. keys.Where(k => !order.Contains(k)).Order(StringComparer.Ordinal)];
        var rows = keys.Select(k => new ReportRow(k, label(k), year.GetValueOrDefault(k), previous.GetValueOrDefault(k))).ToList();
        if (order is null)
            rows = [.. rows.OrderByDescending(r => r.Year).ThenByDescending(r => r.PreviousYear).ThenBy(r => r.Label, StringComparer.CurrentCulture)];
        return new ReportSection(code, title, explanation, FigureUnit.Count, aboutPersons, rows);
    }

    private sealed record SignalRow(Domain.Common.SignalId Id, DateOnly ObservedOn, string? MunicipalityCode, ExploitationForm Form, Sector Sector, Domain.Common.PartnerId Partner);
    private sealed record DossierRow(DossierId Id, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);
    private sealed record MemberRow(DossierId DossierId, NodeId NodeId, DossierRole Role, DateTimeOffset OpenedAt);
    private sealed record PersonRow(NodeId Id, string Nationality, string Sex, string AgeClass);
    private sealed record InterventionRow(DossierId DossierId, InterventionType Type, InterventionStatus Status, Domain.Common.PartnerId Partner,
        string Phase, string? Result, DateOnly DueDate);

    /// <summary>A Dutch calendar year: its days, and its instants from 00:00 on 1 January Dutch time.</summary>
    private sealed class Period(int year)
    {
        public DateOnly FirstDay { get; } = new(year, 1, 1);
        public DateOnly NextFirstDay { get; } = new(year + 1, 1, 1);
        private readonly DateTimeOffset _from = DutchCalendar.StartOf(new DateOnly(year, 1, 1));
        private readonly DateTimeOffset _to = DutchCalendar.StartOf(new DateOnly(year + 1, 1, 1));

        public bool Contains(DateOnly day) => day >= FirstDay && day < NextFirstDay;
        public bool Contains(DateTimeOffset at) => at >= _from && at < _to;
    }
}
