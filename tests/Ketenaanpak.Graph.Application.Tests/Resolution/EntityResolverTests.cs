using Ketenaanpak.Graph.Application.Resolution;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Names;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Application.Tests.Resolution;

/// <summary>Exact links, scored candidates with their Dutch reasons, and the blocking that keeps comparisons few.</summary>
public sealed class EntityResolverTests
{
    private static int _next;
    private static NodeId Id() => new(new Guid(Interlocked.Increment(ref _next), 0, 0, new byte[8]));

    private static ResolutionRecord Person(string given, string family, string? dob = null, string? nat = null, params string[] neighbours) =>
        new(Id(), NodeKind.Person, null, PersonName.FromParts(given, family), dob is null ? null : DateOfBirth.Parse(dob), nat, neighbours);

    private static ResolutionRecord Keyed(NodeKind kind, string property, string raw) =>
        new(Id(), kind, ExactKeys.For(kind, new Dictionary<string, string> { [property] = NodeSchema.Normalise(NodeSchema.Property(kind, property)!, raw) }));

    [Fact]
    public void Resolve_ExactKeysInOtherNotations_LinkWithReason()
    {
        var iban = Keyed(NodeKind.BankAccount, "iban", "NL91ABNA0417164300");
        var phone = Keyed(NodeKind.Phone, "number", "0612345678");
        var resolver = new EntityResolver([iban, phone]);
        var newIban = Keyed(NodeKind.BankAccount, "iban", "nl91 abna 0417 1643 00");
        var newPhone = Keyed(NodeKind.Phone, "number", "+31 6 1234 5678");
        var result = resolver.Resolve([newIban, newPhone]);
        Assert.Equal(2, result.Links.Count);
        Assert.Contains(result.Links, l => l.New == newIban.Id && l.Stored == iban.Id && l.Reason == "zelfde IBAN (NL91ABNA0417164300)");
        Assert.Contains(result.Links, l => l.New == newPhone.Id && l.Stored == phone.Id && l.Reason == "zelfde telefoonnummer (+31612345678)");
    }

    [Fact]
    public void Score_TransliteratedNameSameDateSharedAddress_ReasonPerProperty()
    {
        var stored = Person("Sergei", "Ivanov", "14-03-1985", "UA", "Address:7511AB|12");
        var incoming = Person("Sergej", "Iwanow", "14-03-1985", "UA", "Address:7511AB|12");
        var c = Assert.Single(new EntityResolver([stored]).Resolve([incoming]).Candidates);
        Assert.Equal(
            ["naam gelijk in andere schrijfwijze (Sergej Iwanow/Sergei Ivanov)", "geboortedatum gelijk (14 maart 1985)", "nationaliteit gelijk (UA)", "deelt een adres"],
            c.Reasons);
        Assert.Equal(1.0, c.Score);
    }

    [Fact]
    public void Score_TypoAndYearOnly_StrongNameAndBirthYear()
    {
        var stored = Person("Anna", "Lewandowski", "1990");
        var c = Assert.Single(new EntityResolver([stored]).Resolve([Person("Anna", "Lewandoski", "03-1990")]).Candidates);
        Assert.Equal(["naam lijkt sterk (Anna Lewandoski/Anna Lewandowski)", "geboortejaar gelijk (1990)"], c.Reasons);
        Assert.Equal(0.71, c.Score, 3);
    }

    [Fact]
    public void Score_ContradictingBirthDate_NotSuggested()
    {
        var stored = Person("Anna", "Nowak", "01-01-1990");
        var result = new EntityResolver([stored]).Resolve([Person("Anna", "Nowak", "02-01-1990")]);
        Assert.Empty(result.Candidates);
        Assert.Equal(1, result.Comparisons);
        var reasons = PersonScoring.Score(Person("Anna", "Nowak", "02-01-1990"), stored)!.Reasons;
        Assert.Contains("geboortedag verschilt (2 januari 1990/1 januari 1990)", reasons);
    }

    [Fact]
    public void Resolve_Blocking_ComparesOnlyPersonsSharingATokenAndYear()
    {
        // 1000 stored persons with other names and years: the new person meets only its own block.
        var stored = Enumerable.Range(0, 1000).Select(i => Person("Piet" + (char)('a' + i % 26) + (char)('a' + i / 26 % 26), "Jansen" + i, $"{1950 + i % 40}")).ToList();
        var target = Person("Mirela", "Ţurcanu", "1988", "RO");
        stored.Add(target);
        stored.Add(Person("Mirela", "Popescu", "1970")); // shares the given name, not the year
        var result = new EntityResolver(stored).Resolve([Person("Mirela", "Turcanu", "1988")]);
        Assert.Equal(target.Id, Assert.Single(result.Candidates).Stored);
        Assert.Equal(1, result.Comparisons);
    }

    [Fact]
    public void Resolve_MissingBirthDate_ComparesTheWholeTokenBlock_AndSwappedOrderStillMatches()
    {
        var stored = Person("Lőrinc", "Kovács", "1975", "HU");
        var incoming = new ResolutionRecord(Id(), NodeKind.Person, null, PersonName.FromFull("Kovacs Lorinc"), null, "HU");
        var c = Assert.Single(new EntityResolver([stored]).Resolve([incoming]).Candidates);
        Assert.Contains("geboortedatum onbekend bij één van beide", c.Reasons);
        Assert.Contains(c.Reasons, r => r.Contains("volgorde van de namen omgedraaid", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_DecidedPair_NotProposedAgain()
    {
        var stored = Person("Ion", "Popescu", "1980");
        var incoming = Person("Ion", "Popescu", "1980");
        Assert.Empty(new EntityResolver([stored]).Resolve([incoming], (a, b) => true).Candidates);
    }

    [Fact]
    public void Resolve_CommonName_WeighsLess()
    {
        // Eight stored "Jan Jansen"s without a date of birth: a ninth is not put before an analyst on the name alone.
        var many = Enumerable.Range(0, 8).Select(_ => Person("Jan", "Jansen")).ToList();
        Assert.Empty(new EntityResolver(many).Resolve([Person("Jan", "Jansen")]).Candidates);
        var scored = PersonScoring.Score(Person("Jan", "Jansen"), many[0], homonyms: 8)!;
        Assert.Contains("veelvoorkomende naam (8 personen met deze naam bekend)", scored.Reasons);
        Assert.Equal(0.6 - 0.18, scored.Score, 3);
        // A rare name alone is enough to ask: one holder among twenty-one stored persons.
        var store = Enumerable.Range(0, 20).Select(i => Person($"Gerrit{(char)('a' + i)}", $"Jansen{(char)('a' + i)}")).Append(Person("Gerrit", "Oosterhuisman")).ToList();
        Assert.Single(new EntityResolver(store).Resolve([Person("Gerrit", "Oosterhuisman")]).Candidates);
    }

    [Fact]
    public void Resolve_CommonNameAlone_NotAsked_ButWithABirthYearOrASharedAddressItIs()
    {
        // Ten Bakkers and ten Jans, one of them Jan Bakker: besides him, by chance 9 × 9/18 = 4.5 of the others would
        // carry "Jan Bakker", so the name alone says little. Hand-computed: 0.6 name + 0.05 nationality − 0.15 = 0.50 < 0.55.
        var bakkers = new[] { "Piet", "Kees", "Henk", "Bram", "Daan", "Sem", "Bas", "Ruud", "Joost" }.Select(g => Person(g, "Bakker", nat: "NL"));
        var jans = new[] { "Visser", "Smit", "Mulder", "Bos", "Vos", "Post", "Dekker", "Kuiper", "Jonker" }.Select(f => Person("Jan", f, nat: "NL"));
        var janBakker = Person("Jan", "Bakker", "1980", "NL", "Address:7511AB|12");
        var resolver = new EntityResolver([.. bakkers, .. jans, janBakker]);

        Assert.Empty(resolver.Resolve([Person("Jan", "Bakker", nat: "NL")]).Candidates);
        var scored = PersonScoring.Score(Person("Jan", "Bakker", nat: "NL"), janBakker, expectedHolders: 9 * 9 / 18.0)!;
        Assert.Contains("alleen de naam komt overeen, en die naam is niet zeldzaam", scored.Reasons);
        Assert.Equal(0.50, scored.Score, 3);

        var withYear = Assert.Single(resolver.Resolve([Person("Jan", "Bakker", "1980", "NL")]).Candidates);
        Assert.Equal(janBakker.Id, withYear.Stored);
        var withAddress = Assert.Single(resolver.Resolve([Person("Jan", "Bakker", null, "NL", "Address:7511AB|12")]).Candidates);
        Assert.Contains("deelt een adres", withAddress.Reasons);
        Assert.Equal(0.8, withAddress.Score, 3); // 0.6 + 0.05 + 0.15
    }
}
