using Ketenaanpak.Graph.Domain.Alerts;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Alerts;

/// <summary>A node as the rules see it.</summary>
public sealed record NodeFact(NodeId Id, NodeKind Kind);

/// <summary>A relation as the rules see it; <paramref name="On"/> is its start date, else when it was observed or recorded.</summary>
public sealed record RelationFact(RelationId Id, RelationType Type, NodeId Source, NodeId Target, DateOnly On);

/// <summary>A node's membership of a dossier; <paramref name="Open"/> is false once the dossier is closed.</summary>
public sealed record MembershipFact(DossierId Dossier, NodeId Node, bool Open);

/// <summary>A submitted signal, the nodes it mentions and the dossiers it already belongs to.</summary>
public sealed record SignalFact(SignalId Id, string Number, DateOnly SubmittedOn, IReadOnlyList<NodeId> Mentions, IReadOnlyCollection<DossierId> InDossiers);

/// <summary>What the rules read, loaded from the store by set-based queries (<see cref="AlertDataLoader"/>).</summary>
public sealed record AlertGraphData(
    IReadOnlyDictionary<NodeId, NodeFact> Nodes,
    IReadOnlyList<RelationFact> Relations,
    IReadOnlyList<MembershipFact> Memberships,
    IReadOnlyList<SignalFact> Signals);

/// <summary>The settings of one enabled rule.</summary>
public sealed record RuleSetting(AlertRuleKind Kind, int Threshold, int? WindowDays);

/// <summary>A situation a rule found: the trigger node(s), the subgraph that shows it, and a key naming the situation.</summary>
public sealed record AlertFinding(AlertRuleKind Rule, string Key, string Summary, IReadOnlyList<NodeId> Triggers,
    IReadOnlyList<NodeId> Nodes, IReadOnlyList<RelationId> Relations, SignalId? Signal = null, DossierId? Dossier = null);

/// <summary>
/// The signal-card pattern detectors (domain.md §4), pure over <see cref="AlertGraphData"/>: no store, no clock but
/// <c>today</c>. "Within a window of W days" means: the earliest and latest dates differ by at most W days; the rule
/// looks at every such window (a sliding window), not only at the last W days, so a burst last year still shows.
/// </summary>
public static class AlertRuleEvaluator
{
    public static IReadOnlyList<AlertFinding> Evaluate(AlertGraphData data, IEnumerable<RuleSetting> rules, DateOnly today)
    {
        var findings = new List<AlertFinding>();
        foreach (var rule in rules)
        {
            findings.AddRange(rule.Kind switch
            {
                AlertRuleKind.AddressRegistrations => AddressRegistrations(data, rule),
                AlertRuleKind.CompanionRegistrations => CompanionRegistrations(data, rule),
                AlertRuleKind.PhoneInAds => PhoneInAds(data, rule),
                AlertRuleKind.AccountPersons => AccountPersons(data, rule),
                AlertRuleKind.CompanyInDossiers => CompanyInDossiers(data, rule),
                AlertRuleKind.SignalTouchesOpenDossier => SignalTouchesOpenDossier(data, rule, today),
                _ => [],
            });
        }
        return findings;
    }

    private static bool Is(AlertGraphData data, NodeId id, NodeKind kind) => data.Nodes.TryGetValue(id, out var n) && n.Kind == kind;

    /// <summary>One event in a window: a date, the distinct thing counted, and the relations that show it.</summary>
    private sealed record Event(DateOnly On, NodeId Counted, IReadOnlyList<RelationId> Relations, IReadOnlyList<NodeId> Extra);

    /// <summary>
    /// The window of at most <paramref name="windowDays"/> days with the most distinct counted nodes (the latest of equals),
    /// in O(k log k) for k events.
    /// </summary>
    private static List<Event>? BestWindow(IEnumerable<Event> events, int windowDays, int threshold)
    {
        var sorted = events.OrderBy(e => e.On).ToList();
        var counts = new Dictionary<NodeId, int>();
        int left = 0, bestLeft = -1, bestRight = -1, best = 0;
        for (var right = 0; right < sorted.Count; right++)
        {
            counts[sorted[right].Counted] = counts.GetValueOrDefault(sorted[right].Counted) + 1;
            while (sorted[right].On.DayNumber - sorted[left].On.DayNumber > windowDays)
            {
                var c = sorted[left].Counted;
                if (--counts[c] == 0) counts.Remove(c);
                left++;
            }
            if (counts.Count >= best) { best = counts.Count; bestLeft = left; bestRight = right; }
        }
        return best >= threshold && bestLeft >= 0 ? sorted.GetRange(bestLeft, bestRight - bestLeft + 1) : null;
    }

    private static AlertFinding WindowFinding(AlertRuleKind kind, NodeId trigger, List<Event> window, string what)
    {
        var persons = window.Select(e => e.Counted).Distinct().ToList();
        var from = window[0].On;
        var to = window[^1].On;
        var span = to.DayNumber - from.DayNumber;
        var summary = span == 0
            ? $"{persons.Count} {what} op één dag ({from:dd-MM-yyyy})"
            : $"{persons.Count} {what} binnen {span} {(span == 1 ? "dag" : "dagen")} ({from:dd-MM-yyyy} – {to:dd-MM-yyyy})";
        return new AlertFinding(kind, $"{kind}:{trigger}", summary, [trigger],
            persons.Concat(window.SelectMany(e => e.Extra)).Distinct().ToList(),
            window.SelectMany(e => e.Relations).Distinct().ToList());
    }

    /// <summary>An address with ≥ N different persons registered (RegisteredAt person → address) within W days.</summary>
    public static IEnumerable<AlertFinding> AddressRegistrations(AlertGraphData data, RuleSetting rule)
    {
        var byAddress = data.Relations
            .Where(r => r.Type == RelationType.RegisteredAt && Is(data, r.Target, NodeKind.Address) && Is(data, r.Source, NodeKind.Person))
            .GroupBy(r => r.Target);
        foreach (var address in byAddress)
        {
            var window = BestWindow(address.Select(r => new Event(r.On, r.Source, [r.Id], [])), rule.WindowDays ?? int.MaxValue / 2, rule.Threshold);
            if (window is not null)
                yield return WindowFinding(rule.Kind, address.Key, window, "personen ingeschreven op één adres");
        }
    }

    /// <summary>
    /// One companion (Accompanies companion → person) at the registrations (RegisteredAt) of ≥ N different persons within
    /// W days, dated by the accompaniment (or by the registration when the accompaniment has no date of its own).
    /// </summary>
    public static IEnumerable<AlertFinding> CompanionRegistrations(AlertGraphData data, RuleSetting rule)
    {
        var registrations = data.Relations
            .Where(r => r.Type == RelationType.RegisteredAt && Is(data, r.Source, NodeKind.Person))
            .GroupBy(r => r.Source).ToDictionary(g => g.Key, g => g.ToList());
        var byCompanion = data.Relations
            .Where(r => r.Type == RelationType.Accompanies && Is(data, r.Source, NodeKind.Person) && registrations.ContainsKey(r.Target))
            .GroupBy(r => r.Source);
        foreach (var companion in byCompanion)
        {
            var events = companion.Select(a =>
            {
                var regs = registrations[a.Target];
                return new Event(a.On, a.Target, [a.Id, .. regs.Select(x => x.Id)], regs.Select(x => x.Target).ToList());
            });
            var window = BestWindow(events, rule.WindowDays ?? int.MaxValue / 2, rule.Threshold);
            if (window is not null)
                yield return WindowFinding(rule.Kind, companion.Key, window, "verschillende personen begeleid bij inschrijving");
        }
    }

    /// <summary>One phone number in ≥ N online ads (AdvertisesVia or UsesPhone between an ad and the phone, either direction).</summary>
    public static IEnumerable<AlertFinding> PhoneInAds(AlertGraphData data, RuleSetting rule)
    {
        var links = data.Relations
            .Where(r => r.Type is RelationType.AdvertisesVia or RelationType.UsesPhone)
            .Select(r => Is(data, r.Target, NodeKind.Phone) && Is(data, r.Source, NodeKind.OnlineAd) ? (Phone: r.Target, Ad: r.Source, r.Id)
                : Is(data, r.Source, NodeKind.Phone) && Is(data, r.Target, NodeKind.OnlineAd) ? (Phone: r.Source, Ad: r.Target, r.Id)
                : (Phone: default(NodeId), Ad: default(NodeId), r.Id))
            .Where(x => x.Phone != default)
            .GroupBy(x => x.Phone);
        foreach (var phone in links)
        {
            var ads = phone.Select(x => x.Ad).Distinct().ToList();
            if (ads.Count < rule.Threshold) continue;
            yield return new AlertFinding(rule.Kind, $"{rule.Kind}:{phone.Key}", $"Eén telefoonnummer in {ads.Count} advertenties",
                [phone.Key], ads, phone.Select(x => x.Id).Distinct().ToList());
        }
    }

    /// <summary>
    /// One bank account receiving from or paying ≥ N different persons: a PaysTo between the account and a person, or
    /// between the account and another account that a person uses (UsesAccount person → account).
    /// </summary>
    public static IEnumerable<AlertFinding> AccountPersons(AlertGraphData data, RuleSetting rule)
    {
        var holders = data.Relations
            .Where(r => r.Type == RelationType.UsesAccount && Is(data, r.Source, NodeKind.Person) && Is(data, r.Target, NodeKind.BankAccount))
            .GroupBy(r => r.Target).ToDictionary(g => g.Key, g => g.ToList());
        var payments = data.Relations.Where(r => r.Type == RelationType.PaysTo)
            .SelectMany(r => new[] { (Account: r.Source, Other: r.Target, Rel: r), (Account: r.Target, Other: r.Source, Rel: r) })
            .Where(x => Is(data, x.Account, NodeKind.BankAccount))
            .GroupBy(x => x.Account);
        foreach (var account in payments)
        {
            var persons = new Dictionary<NodeId, List<RelationId>>();
            var extra = new List<NodeId>();
            foreach (var (_, other, rel) in account)
            {
                if (Is(data, other, NodeKind.Person))
                    Add(persons, other, rel.Id);
                else if (Is(data, other, NodeKind.BankAccount) && holders.TryGetValue(other, out var uses))
                {
                    extra.Add(other);
                    foreach (var use in uses) { Add(persons, use.Source, rel.Id); Add(persons, use.Source, use.Id); }
                }
            }
            if (persons.Count < rule.Threshold) continue;
            yield return new AlertFinding(rule.Kind, $"{rule.Kind}:{account.Key}", $"Eén rekening met betalingen van of aan {persons.Count} personen",
                [account.Key], persons.Keys.Concat(extra).Distinct().ToList(), persons.Values.SelectMany(v => v).Distinct().ToList());
        }

        static void Add(Dictionary<NodeId, List<RelationId>> map, NodeId person, RelationId rel)
        {
            if (!map.TryGetValue(person, out var list)) map[person] = list = [];
            list.Add(rel);
        }
    }

    /// <summary>One company in ≥ N dossiers (open or closed: recurrence across cases is the signal).</summary>
    public static IEnumerable<AlertFinding> CompanyInDossiers(AlertGraphData data, RuleSetting rule) =>
        data.Memberships.Where(m => Is(data, m.Node, NodeKind.Company)).GroupBy(m => m.Node)
            .Select(g => (Company: g.Key, Dossiers: g.Select(m => m.Dossier).Distinct().Count()))
            .Where(x => x.Dossiers >= rule.Threshold)
            .Select(x => new AlertFinding(rule.Kind, $"{rule.Kind}:{x.Company}", $"Eén bedrijf komt voor in {x.Dossiers} dossiers",
                [x.Company], [], []));

    /// <summary>
    /// A signal submitted in the last W days that mentions a member of a dossier that is not closed and that the signal
    /// is not yet part of: one finding per signal and dossier.
    /// </summary>
    public static IEnumerable<AlertFinding> SignalTouchesOpenDossier(AlertGraphData data, RuleSetting rule, DateOnly today)
    {
        var openByNode = data.Memberships.Where(m => m.Open).GroupBy(m => m.Node).ToDictionary(g => g.Key, g => g.Select(m => m.Dossier).Distinct().ToList());
        foreach (var signal in data.Signals.Where(s => today.DayNumber - s.SubmittedOn.DayNumber <= (rule.WindowDays ?? 0)))
        {
            var touched = signal.Mentions.Distinct()
                .SelectMany(n => openByNode.GetValueOrDefault(n) ?? []).Select(d => d)
                .Distinct().Where(d => !signal.InDossiers.Contains(d));
            foreach (var dossier in touched)
            {
                var nodes = signal.Mentions.Distinct().Where(n => openByNode.GetValueOrDefault(n)?.Contains(dossier) == true).ToList();
                yield return new AlertFinding(rule.Kind, $"{rule.Kind}:{signal.Id}:{dossier}",
                    $"Signaal {signal.Number} noemt {nodes.Count} {(nodes.Count == 1 ? "entiteit" : "entiteiten")} uit een open dossier",
                    nodes, [], [], signal.Id, dossier);
            }
        }
    }
}
