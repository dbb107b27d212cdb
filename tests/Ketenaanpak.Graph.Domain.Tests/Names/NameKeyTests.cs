using Ketenaanpak.Graph.Domain.Names;

namespace Ketenaanpak.Graph.Domain.Tests.Names;

/// <summary>One case per normalisation the search promises; the expected outcomes are written by hand.</summary>
public sealed class NameKeyTests
{
    private static int? Match(string query, string name) => NameKey.Match(NameKey.Tokens(query), NameKey.Tokens(name));

    [Theory]
    [InlineData("Wojcik", "Wójcik")]
    [InlineData("WÓJCIK", "wojcik")]
    [InlineData("Zielinski", "Zieliński")]
    [InlineData("Lodz", "Łódź")]
    [InlineData("Strasse", "Straße")]
    public void Match_Diacritics_AreIgnored(string query, string name) => Assert.Equal(0, Match(query, name));

    [Theory]
    [InlineData("Ivanov", "Іванов")]
    [InlineData("Іванов", "Ivanov")]
    [InlineData("Iwanow", "Ivanov")]
    [InlineData("Iwanow", "Іванов")]
    [InlineData("Chroesjtsjov", "Khrushchov")]
    [InlineData("Szewczenko", "Shevchenko")]
    [InlineData("Jelena", "Yelena")]
    [InlineData("Елена Петрова", "Jelena Petrova")]
    public void Match_CyrillicAndTransliterations_FindEachOther(string query, string name) => Assert.NotNull(Match(query, name));

    [Theory]
    [InlineData("Ivanov Sergei", "Sergei Ivanov")]
    [InlineData("Kowalczyk, Anna", "Anna Kowalczyk")]
    public void Match_SwappedNameOrder_IsAnExactMatch(string query, string name) => Assert.Equal(0, Match(query, name));

    [Theory]
    [InlineData("Wojcki", "Wójcik", 1)]    // two letters swapped
    [InlineData("Kowalczk", "Kowalczyk", 1)] // a letter left out
    [InlineData("Lewandowsky", "Lewandowski", 0)] // y and i are one sound
    [InlineData("Hanssen", "Hansen", 0)]
    public void Match_SmallTypos_AreTolerated(string query, string name, int expectedCost) => Assert.Equal(expectedCost, Match(query, name));

    [Theory]
    [InlineData("Jan", "Jansen")]   // prefix while typing
    [InlineData("Kowal", "Anna Kowalczyk")]
    public void Match_Prefix_OfThreeOrMoreLetters_Matches(string query, string name) => Assert.Equal(1, Match(query, name));

    [Theory]
    [InlineData("Nowak", "Novak Petrov Smith", true)]
    [InlineData("Bakker", "Visser", false)]
    [InlineData("Ana", "Ina", false)]        // three letters: no typo allowed
    [InlineData("Jansen Pietersen", "Jansen", false)] // every query word must be found
    [InlineData("", "Jansen", false)]
    public void Match_DifferentNames_DoNotMatch(string query, string name, bool expected) => Assert.Equal(expected, Match(query, name) is not null);

    [Fact]
    public void Distance_CountsEditsAndStopsAboveTheLimit()
    {
        Assert.Equal(0, NameKey.Distance("abc", "abc", 2));
        Assert.Equal(1, NameKey.Distance("abcd", "abdc", 2)); // transposition
        Assert.Equal(2, NameKey.Distance("kitten", "sittin", 2));
        Assert.Equal(3, NameKey.Distance("kitten", "sitting", 2)); // 3 edits: reported as limit + 1
    }

    [Fact]
    public void Fold_ScriptTagInName_StaysPlainText() => Assert.Equal(["skript", "alert", "1", "skript"], NameKey.Tokens("<script>alert(1)</script>"));
}
