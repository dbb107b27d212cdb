using System.Diagnostics;
using System.Globalization;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Names;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Application.Resolution.Bench;

/// <summary>The benchmark's size and seed.</summary>
/// <param name="DuplicateShare">Share of the new entities that are a (noisy) copy of a stored one.</param>
public sealed record ResolveBenchOptions(long Seed, int Stored, int New, double DuplicateShare = 0.6, ResolverOptions? Resolver = null);

/// <summary>Figures of one entity kind. Precision and recall as defined on <see cref="ResolveBench"/>.</summary>
public sealed record KindFigures(string Kind, int New, int WithTruth, int Answered, int Correct, double Precision, double Recall);

/// <summary>The one JSON line <c>ketenaanpak resolve-bench</c> prints.</summary>
public sealed record ResolveBenchReport(double Precision, double Recall, double PairPrecision, IReadOnlyList<KindFigures> PerKind,
    int NStored, int NNew, long Seed, double GenerateS, double LoadS, double ComputeS, long Comparisons, int Links, int Suggestions);

/// <summary>
/// Labelled benchmark for entity resolution (issue 6 targets): generates stored entities and new ones of which a share
/// are noisy copies (typos, transliteration schemes, dropped diacritics, swapped name order, missing or partial dates
/// of birth, reformatted phone numbers, IBANs, postcodes, house numbers, KvK numbers, plates and document numbers), runs
/// <see cref="EntityResolver"/> — the class the job runs — and scores automatic links plus the top-3 suggestions.
/// </summary>
/// <remarks>
/// Per new entity the answer is its automatic link, or its suggestions (at most three). It counts as answered when it
/// is not empty, and as correct when the true stored entity is in it. Precision = correct / answered; recall = correct /
/// new entities that have a true match. Truly new entities that get an answer count against precision. PairPrecision is
/// the stricter share of all proposed pairs that are true. Raw inputs pass the same parsers the intake uses
/// (<see cref="NodeSchema"/> value objects, <see cref="PersonName"/>); generation and parsing are not in ComputeS
/// (index build + resolve are).
/// </remarks>
public static class ResolveBench
{
    private static readonly NodeKind[] Kinds =
        [NodeKind.Person, NodeKind.Person, NodeKind.Person, NodeKind.Person, NodeKind.Address, NodeKind.Address,
         NodeKind.Phone, NodeKind.Phone, NodeKind.BankAccount, NodeKind.Company, NodeKind.Document, NodeKind.Vehicle];

    private sealed record Truth(NodeKind Kind, PersonTruth? Person, string? Value);

    private sealed record PersonTruth(string Nat, int Given, int Family, int Year, int Month, int Day, int StoredScheme, bool StoredPlain, string? Address);

    public static ResolveBenchReport Run(ResolveBenchOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(unchecked((int)options.Seed));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var truths = new Truth[options.Stored];
        var addresses = new List<string>();
        for (var i = 0; i < options.Stored; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            truths[i] = kind == NodeKind.Person ? new Truth(kind, NewPerson(random, addresses), null) : new Truth(kind, null, NewValue(kind, random, used));
            if (kind == NodeKind.Address) addresses.Add(truths[i].Value!);
        }
        var newTruths = new List<(Truth Truth, int? Stored)>(options.New);
        for (var i = 0; i < options.New; i++)
        {
            if (random.NextDouble() < options.DuplicateShare && options.Stored > 0)
            {
                var s = random.Next(options.Stored);
                newTruths.Add((truths[s], s));
            }
            else
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                newTruths.Add((kind == NodeKind.Person ? new Truth(kind, NewPerson(random, addresses), null) : new Truth(kind, null, NewValue(kind, random, used)), null));
            }
        }
        var generateS = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var storedIds = new NodeId[options.Stored];
        var storedRecords = new List<ResolutionRecord>(options.Stored);
        for (var i = 0; i < options.Stored; i++)
        {
            storedIds[i] = new NodeId(new Guid(i, 0, 0, new byte[8]));
            if (StoredRecord(storedIds[i], truths[i], random) is { } r) storedRecords.Add(r);
        }
        var newRecords = new List<ResolutionRecord>(options.New);
        var expected = new Dictionary<NodeId, (NodeKind Kind, NodeId? Stored)>();
        for (var i = 0; i < newTruths.Count; i++)
        {
            var id = new NodeId(new Guid(i, 1, 0, new byte[8]));
            var (truth, stored) = newTruths[i];
            expected[id] = (truth.Kind, stored is { } s ? storedIds[s] : null);
            if (NoisyRecord(id, truth, stored is not null, random, addresses) is { } r) newRecords.Add(r);
        }
        var loadS = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var resolver = new EntityResolver(storedRecords, options.Resolver);
        var result = resolver.Resolve(newRecords, cancellationToken: cancellationToken);
        var computeS = clock.Elapsed.TotalSeconds;
        return Score(options, expected, result, generateS, loadS, computeS);
    }

    private static ResolveBenchReport Score(ResolveBenchOptions options, Dictionary<NodeId, (NodeKind Kind, NodeId? Stored)> expected,
        ResolutionResult result, double generateS, double loadS, double computeS)
    {
        var answers = new Dictionary<NodeId, List<NodeId>>();
        foreach (var l in result.Links) Answer(l.New).Add(l.Stored);
        foreach (var c in result.Candidates) Answer(c.New).Add(c.Stored);
        List<NodeId> Answer(NodeId id) => answers.TryGetValue(id, out var list) ? list : answers[id] = [];

        var perKind = new List<KindFigures>();
        int totalWith = 0, totalAnswered = 0, totalCorrect = 0, pairs = 0, truePairs = 0;
        foreach (var group in expected.GroupBy(e => e.Value.Kind).OrderBy(g => g.Key))
        {
            int withTruth = 0, answered = 0, correct = 0;
            foreach (var (id, (_, stored)) in group)
            {
                if (stored is not null) withTruth++;
                if (!answers.TryGetValue(id, out var list) || list.Count == 0) continue;
                answered++;
                pairs += list.Count;
                if (stored is { } s && list.Contains(s)) { correct++; truePairs++; }
            }
            perKind.Add(new KindFigures(group.Key.ToString(), group.Count(), withTruth, answered, correct, Ratio(correct, answered), Ratio(correct, withTruth)));
            totalWith += withTruth;
            totalAnswered += answered;
            totalCorrect += correct;
        }
        return new ResolveBenchReport(Ratio(totalCorrect, totalAnswered), Ratio(totalCorrect, totalWith), Ratio(truePairs, pairs), perKind,
            options.Stored, options.New, options.Seed, Math.Round(generateS, 3), Math.Round(loadS, 3), Math.Round(computeS, 3),
            result.Comparisons, result.Links.Count, result.Candidates.Count);
    }

    private static double Ratio(int a, int b) => b == 0 ? 1.0 : Math.Round((double)a / b, 4);

    private static PersonTruth NewPerson(Random random, List<string> addresses)
    {
        var nat = BenchNames.Nationalities[random.Next(BenchNames.Nationalities.Length)];
        var year = 1955 + random.Next(52);
        var month = 1 + random.Next(12);
        var day = 1 + random.Next(DateTime.DaysInMonth(year, month));
        var address = addresses.Count > 0 && random.NextDouble() < 0.7 ? addresses[random.Next(addresses.Count)] : null;
        return new PersonTruth(nat, Zipf(random, BenchNames.GivenCount(nat), 0.6), Zipf(random, BenchNames.FamilyCount(nat), 0.7),
            year, month, day, random.Next(BenchNames.Schemes + 1), random.NextDouble() < 0.3, address);
    }

    // Rank r drawn with weight 1/(r+1)^s by inversion of the continuous approximation.
    private static int Zipf(Random random, int n, double s)
    {
        var u = random.NextDouble();
        var max = Math.Pow(n + 1, 1 - s) - 1;
        var x = Math.Pow(1 + u * max, 1 / (1 - s)) - 1;
        return Math.Clamp((int)x, 0, n - 1);
    }

    private static ResolutionRecord? StoredRecord(NodeId id, Truth truth, Random random)
    {
        if (truth.Person is not { } p) return KeyRecord(id, truth.Kind, truth.Value!);
        var (given, family) = Written(p, p.StoredScheme, p.StoredPlain);
        // The store keeps a fifth of the persons without a date of birth, a tenth with only the year.
        var dob = random.NextDouble() switch { < 0.2 => null, < 0.3 => $"{p.Year}", _ => $"{p.Day:D2}-{p.Month:D2}-{p.Year}" };
        return PersonRecord(id, PersonName.FromParts(given, family), dob, random.NextDouble() < 0.85 ? p.Nat : null, p.Address);
    }

    private static ResolutionRecord? NoisyRecord(NodeId id, Truth truth, bool isCopy, Random random, List<string> addresses)
    {
        if (truth.Person is not { } p)
        {
            var raw = isCopy ? Reformat(truth.Kind, truth.Value!, random) : truth.Value!;
            return KeyRecord(id, truth.Kind, raw);
        }
        // Another way of writing: a fresh scheme for Cyrillic, diacritics dropped or kept.
        var (given, family) = isCopy ? Written(p, random.Next(BenchNames.Schemes + 1), random.NextDouble() < 0.4) : Written(p, p.StoredScheme, p.StoredPlain);
        if (isCopy && random.NextDouble() < 0.3)
        {
            if (random.Next(2) == 0) family = BenchNames.Typo(family, random); else given = BenchNames.Typo(given, random);
        }
        if (isCopy && random.NextDouble() < 0.05) given = given[..1] + ".";
        var dob = random.NextDouble() switch
        {
            < 0.25 => null,
            < 0.40 => $"{p.Year}",
            < 0.50 => $"{p.Month:D2}-{p.Year}",
            _ => $"{p.Day:D2}-{p.Month:D2}-{p.Year}",
        };
        var nat = random.NextDouble() < 0.75 ? p.Nat : null;
        var address = isCopy ? (random.NextDouble() < 0.5 ? p.Address : null)
            : addresses.Count > 0 && random.NextDouble() < 0.1 ? addresses[random.Next(addresses.Count)] : null;
        var order = random.NextDouble();
        var name = order switch
        {
            < 0.35 => PersonName.FromParts(given, family),
            < 0.55 => PersonName.FromFull($"{family} {given}", nat),        // swapped order, no comma
            < 0.65 => PersonName.FromFull($"{family}, {given}", nat),
            _ => PersonName.FromFull($"{given} {family}", nat),
        };
        return PersonRecord(id, name, dob, nat, address);
    }

    private static (string Given, string Family) Written(PersonTruth p, int scheme, bool plain)
    {
        var given = BenchNames.GivenName(p.Nat, p.Given);
        var family = BenchNames.FamilyName(p.Nat, p.Family);
        if (BenchNames.IsCyrillic(p.Nat))
            return scheme == BenchNames.Schemes ? (given, family) : (BenchNames.Transliterate(given, scheme), BenchNames.Transliterate(family, scheme));
        return plain ? (BenchNames.StripDiacritics(given), BenchNames.StripDiacritics(family)) : (given, family);
    }

    private static ResolutionRecord PersonRecord(NodeId id, PersonName name, string? dob, string? nat, string? address)
    {
        DateOfBirth? birth = dob is not null && DateOfBirth.TryParse(dob, out var d, out _) ? d : null;
        return new ResolutionRecord(id, NodeKind.Person, null, name, birth, nat, address is null ? null : [$"Address:{address}"]);
    }

    /// <summary>Parses a raw value as the intake does; null (counted as missed) when the partner's typo makes it invalid.</summary>
    private static ResolutionRecord? KeyRecord(NodeId id, NodeKind kind, string raw)
    {
        var values = new Dictionary<string, string>();
        bool Put(string property, string? value)
        {
            var definition = NodeSchema.Property(kind, property)!;
            if (!NodeSchema.TryNormalise(definition, value, out var normalised, out _)) return false;
            values[property] = normalised;
            return true;
        }
        var parts = raw.Split('|');
        var ok = kind switch
        {
            NodeKind.Address => Put("postcode", parts[0]) && Put("houseNumber", parts[1]),
            NodeKind.Phone => Put("number", raw),
            NodeKind.BankAccount => Put("iban", raw),
            NodeKind.Company => Put("kvkNumber", raw),
            NodeKind.Vehicle => Put("licencePlate", raw),
            NodeKind.Document => DocumentNumber.TryParse(parts[1], parts[0], out var doc, out _) && Put("issuingCountry", doc.IssuingCountry) && (values["number"] = doc.Number) is not null,
            _ => false,
        };
        return ok ? new ResolutionRecord(id, kind, ExactKeys.For(kind, values)) : null;
    }

    private const string Letters = "ABCDEFGHJKLMNPRTUVWXZ";

    private static string NewValue(NodeKind kind, Random random, HashSet<string> used)
    {
        while (true)
        {
            var v = kind switch
            {
                NodeKind.Address => $"{1000 + random.Next(9000)} {Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}|{1 + random.Next(400)}{(random.NextDouble() < 0.15 ? Letters[random.Next(6)].ToString() : "")}",
                NodeKind.Phone => $"+316{random.Next(10_000_000, 100_000_000)}",
                NodeKind.BankAccount => Iban(random),
                NodeKind.Company => $"{random.Next(10_000_000, 100_000_000)}",
                NodeKind.Vehicle => $"{Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}-{random.Next(100, 1000)}-{Letters[random.Next(Letters.Length)]}",
                _ => $"{BenchNames.Nationalities[random.Next(BenchNames.Nationalities.Length)]}|{Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}{random.Next(1_000_000, 10_000_000)}",
            };
            if (used.Add($"{kind}:{v}")) return v;
        }
    }

    private static string Iban(Random random)
    {
        string[] banks = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ", "KNAB", "ASNB"];
        var bban = banks[random.Next(banks.Length)] + random.NextInt64(1_000_000_000, 10_000_000_000).ToString(CultureInfo.InvariantCulture);
        var digits = string.Concat((bban + "NL00").Select(c => char.IsLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
        var check = 98 - (int)(System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
        return $"NL{check:D2}{bban}";
    }

    /// <summary>How partners write the same value otherwise; one in a hundred gets a digit wrong (then it cannot link).</summary>
    private static string Reformat(NodeKind kind, string v, Random random)
    {
        if (random.NextDouble() < 0.01)
        {
            var i = v.Length - 1 - random.Next(3);
            if (char.IsAsciiDigit(v[i])) v = v[..i] + (char)('0' + (v[i] - '0' + 1) % 10) + v[(i + 1)..];
        }
        var style = random.Next(3);
        switch (kind)
        {
            case NodeKind.Address:
                var parts = v.Split('|');
                var pc = style switch { 0 => parts[0].Replace(" ", "").ToLowerInvariant(), 1 => parts[0], _ => parts[0].Replace(" ", "") };
                var hn = parts[1];
                var letter = hn.Length > 0 && char.IsLetter(hn[^1]) ? hn[^1].ToString() : "";
                var number = letter.Length > 0 ? hn[..^1] : hn;
                hn = letter.Length == 0 ? number : style switch { 0 => number + letter.ToLowerInvariant(), 1 => $"{number} {letter}", _ => $"{number}-{letter}" };
                return $"{pc}|{hn}";
            case NodeKind.Phone:
                var local = v[3..];
                return style switch { 0 => "0" + local, 1 => $"+31 6 {local[1..5]} {local[5..]}", _ => $"06-{local[1..]}" };
            case NodeKind.BankAccount:
                var spaced = string.Join(' ', v.Chunk(4).Select(c => new string(c)));
                return style switch { 0 => spaced, 1 => v.ToLowerInvariant(), _ => spaced.ToLowerInvariant() };
            case NodeKind.Company:
                return style switch { 0 => $"{v[..4]} {v[4..]}", 1 => $"{v[..2]}.{v[2..4]}.{v[4..6]}.{v[6..]}", _ => v };
            case NodeKind.Vehicle:
                return style switch { 0 => v.Replace("-", "").ToLowerInvariant(), 1 => v.Replace("-", " "), _ => v };
            default:
                var doc = v.Split('|');
                var country = style == 0 ? doc[0] switch { "NL" => "NLD", "PL" => "POL", "RO" => "ROU", "HU" => "HUN", "BG" => "BGR", _ => "UKR" } : doc[0].ToLowerInvariant();
                return $"{country}|{(style == 2 ? $"{doc[1][..2]} {doc[1][2..]}" : doc[1].ToLowerInvariant())}";
        }
    }
}
