using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Names;

namespace Ketenaanpak.Graph.Application.Resolution;

/// <summary>
/// Entity resolution against everything already known (issue 6.3), pure and in memory: exact keys link automatically
/// (IBAN, document + country, KvK, postcode + number + addition, phone, plate, ad URL); persons are compared fuzzily
/// (<see cref="PersonScoring"/>) only within blocks — a comparable name token plus the birth year, or the token alone
/// when a date of birth is missing — never all pairs.
/// </summary>
/// <remarks>
/// Index build O(stored · tokens); a query touches the stored persons sharing one of its blocks. Blocks larger than
/// <see cref="ResolverOptions.MaxBlock"/> are skipped (a name token that common says nothing on its own). The job (per
/// signal and bulk) and <c>ketenaanpak resolve-bench</c> run this class unchanged.
/// </remarks>
public sealed class EntityResolver
{
    private const string NoYear = "-";
    private const string AnyYear = "*";
    private readonly ResolverOptions _options;
    private readonly Dictionary<string, NodeId> _byKey = new(StringComparer.Ordinal);
    private readonly List<ResolutionRecord> _persons = [];
    private readonly Dictionary<string, List<int>> _blocks = new(StringComparer.Ordinal);
    // How many stored persons carry exactly this name (comparable tokens, any order): agreeing on "Anna Nowak" says less
    // than agreeing on a name nobody else has.
    private readonly Dictionary<string, int> _nameCounts = new(StringComparer.Ordinal);

    public EntityResolver(IEnumerable<ResolutionRecord> stored, ResolverOptions? options = null)
    {
        _options = options ?? ResolverOptions.Default;
        foreach (var r in stored)
        {
            if (r.ExactKey is { } key) _byKey.TryAdd(KeyOf(r.Kind, key), r.Id);
            if (r.Kind != NodeKind.Person || r.Name is null || r.Name.IsEmpty) continue;
            var index = _persons.Count;
            _persons.Add(r);
            var nameKey = NameKeyOf(r.Name);
            _nameCounts[nameKey] = _nameCounts.GetValueOrDefault(nameKey) + 1;
            var year = r.BirthDate?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? NoYear;
            foreach (var token in BlockTokens(r.Name))
            {
                Add($"{token}|{year}", index);
                Add($"{token}|{AnyYear}", index);
            }
        }
    }

    public int StoredPersons => _persons.Count;

    /// <summary>
    /// Links and candidates for <paramref name="incoming"/>. A pair for which <paramref name="decided"/> says true (already
    /// judged, directly or by inference) is never proposed again; an entity is never paired with itself.
    /// </summary>
    public ResolutionResult Resolve(IReadOnlyList<ResolutionRecord> incoming, Func<NodeId, NodeId, bool>? decided = null,
        CancellationToken cancellationToken = default)
    {
        var links = new List<ExactLink>();
        foreach (var r in incoming)
            if (r.ExactKey is { } key && _byKey.TryGetValue(KeyOf(r.Kind, key), out var stored) && stored != r.Id)
                links.Add(new ExactLink(r.Id, stored, r.Kind, ExactReason(r.Kind, key)));

        var persons = incoming.Where(r => r.Kind == NodeKind.Person && r.Name is { IsEmpty: false }).ToArray();
        var perPerson = new List<ResolutionCandidateScore>[persons.Length];
        long comparisons = 0;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = persons.Length > 256 ? Environment.ProcessorCount : 1 };
        Parallel.For(0, persons.Length, options, () => (Seen: new HashSet<int>(), Count: 0L), (i, _, local) =>
        {
            perPerson[i] = Candidates(persons[i], decided, local.Seen, ref local.Count);
            return local;
        }, local => Interlocked.Add(ref comparisons, local.Count));

        // One pair once, whichever side was "new" (the bulk run compares the store with itself).
        var seenPairs = new HashSet<(NodeId, NodeId)>();
        var candidates = new List<ResolutionCandidateScore>();
        foreach (var list in perPerson)
            foreach (var c in list)
                if (seenPairs.Add(Domain.Resolution.DecisionGraph.Ordered(c.New, c.Stored))) candidates.Add(c);
        return new ResolutionResult(links, candidates, comparisons);
    }

    private List<ResolutionCandidateScore> Candidates(ResolutionRecord person, Func<NodeId, NodeId, bool>? decided,
        HashSet<int> seen, ref long count)
    {
        seen.Clear();
        var scored = new List<ResolutionCandidateScore>();
        var year = person.BirthDate?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var homonyms = _nameCounts.GetValueOrDefault(NameKeyOf(person.Name!));
        var expectedHolders = ExpectedHolders(person.Name!);
        foreach (var token in BlockTokens(person.Name!))
        {
            // With a birth year: the same year, or stored persons without one. Without: every stored person with the token.
            string[] keys = year is null ? [$"{token}|{AnyYear}"] : [$"{token}|{year}", $"{token}|{NoYear}"];
            foreach (var key in keys)
            {
                if (!_blocks.TryGetValue(key, out var block) || block.Count > _options.MaxBlock) continue;
                foreach (var index in block)
                {
                    if (!seen.Add(index)) continue;
                    var stored = _persons[index];
                    if (stored.Id == person.Id || decided?.Invoke(person.Id, stored.Id) == true) continue;
                    count++;
                    if (PersonScoring.Score(person, stored, homonyms, expectedHolders) is { } s && s.Score >= _options.SuggestFrom) scored.Add(s);
                }
            }
        }
        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Stored.Value).Take(_options.TopK)];
    }

    /// <summary>
    /// How many namesakes a stored holder of this name is expected to have by chance: of the other stored persons, those
    /// with its rarest family token times the share with its rarest given name (all of them when only initials are
    /// known). Agreeing on the name alone means little when this is not far below one.
    /// </summary>
    private double ExpectedHolders(PersonName name)
    {
        var others = _persons.Count - 1;
        if (others <= 0) return 0;
        double Holders(string token) => _blocks.TryGetValue($"{token}|{AnyYear}", out var block) ? Math.Max(0, block.Count - 1) : 0;
        var family = name.Family.Count == 0 ? others : name.Family.Min(Holders);
        var givenShare = name.Given.Count == 0 ? 1.0 : name.Given.Min(Holders) / others;
        return family * givenShare;
    }

    // Tokens of two letters or more: initials and particles are too common to block on.
    private static IEnumerable<string> BlockTokens(PersonName name) => name.AllTokens.Where(t => t.Length >= 2).Distinct();

    private static string NameKeyOf(PersonName name) => string.Join(' ', name.AllTokens.Order(StringComparer.Ordinal));

    private void Add(string key, int index)
    {
        if (!_blocks.TryGetValue(key, out var list)) _blocks[key] = list = [];
        list.Add(index);
    }

    private static string KeyOf(NodeKind kind, string key) => $"{(int)kind}:{key}";

    private static string ExactReason(NodeKind kind, string key) => kind switch
    {
        NodeKind.BankAccount => $"zelfde IBAN ({key})",
        NodeKind.Document => $"zelfde documentnummer en land van afgifte ({key})",
        NodeKind.Company => $"zelfde KvK-nummer ({key})",
        NodeKind.Address => $"zelfde postcode, huisnummer en toevoeging ({key.Replace('|', ' ')})",
        NodeKind.Phone => $"zelfde telefoonnummer ({key})",
        NodeKind.Vehicle => $"zelfde kenteken ({key})",
        NodeKind.OnlineAd => $"zelfde advertentie-adres ({key})",
        _ => $"zelfde sleutel ({key})",
    };
}
