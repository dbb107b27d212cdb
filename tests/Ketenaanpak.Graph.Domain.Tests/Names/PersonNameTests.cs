using Ketenaanpak.Graph.Domain.Names;

namespace Ketenaanpak.Graph.Domain.Tests.Names;

/// <summary>Name parts and name comparison with variants partners really write; expected outcomes written by hand.</summary>
public sealed class PersonNameTests
{
    private static NameComparison? Compare(string a, string b, string? natA = null, string? natB = null) =>
        NameComparison.Compare(PersonName.FromFull(a, natA), PersonName.FromFull(b, natB));

    [Theory]
    [InlineData("Jan van der Berg", "ian", "van der", "berg")]
    [InlineData("Berg, J. van der", "", "van der", "berg")]
    [InlineData("Kees de Vries", "kes", "de", "vries")]
    [InlineData("Anna van den Heuvel-Jansen", "ana", "van den", "heuvel iansen")]
    [InlineData("Piet ter Horst", "piet", "ter", "horst")]
    [InlineData("Kowalczyk, Anna", "ana", null, "kovalchik")]
    public void FromFull_DutchPrefixes_KeptApartFromFamilyName(string full, string given, string? prefix, string family)
    {
        var name = PersonName.FromFull(full);
        Assert.Equal(given, string.Join(' ', name.Given));
        Assert.Equal(prefix, name.Prefix);
        Assert.Equal(family, string.Join(' ', name.Family));
    }

    [Fact]
    public void FromFull_Initials_AreCollected()
    {
        var name = PersonName.FromFull("J.P. Balkenende");
        Assert.Empty(name.Given);
        Assert.Equal(['j', 'p'], name.Initials);
        Assert.Equal(["balkenende"], name.Family);
    }

    [Fact]
    public void FromFull_Hungarian_FamilyNameFirst()
    {
        var name = PersonName.FromFull("Nagy László", "HU");
        Assert.Equal(["nag"], name.Family.Select(f => f[..3]));
        Assert.Equal(["lashlo"], name.Given); // Polish-style sz → sh in the shared form: consistent on both sides
    }

    [Fact]
    public void FromParts_KeepsTheFieldsAsGiven()
    {
        var name = PersonName.FromParts("Ştefan", "Ţurcanu");
        Assert.Equal(["stefan"], name.Given);
        Assert.Equal(["turkanu"], name.Family);
    }

    [Theory]
    [InlineData("Anna Wójcik", "Anna Wojcik")]
    [InlineData("Sergei Іванов", "Sergei Ivanov")]
    [InlineData("Sergei Ivanov", "Sergej Iwanow")]
    [InlineData("Ştefan Ţurcanu", "Ștefan Țurcanu")]         // Romanian cedilla and comma-below letters
    [InlineData("Ștefan Țurcanu", "Stefan Turcanu")]
    [InlineData("Георги Щерев", "Georgi Shterev")]          // Bulgarian scheme: щ → sht
    [InlineData("Georgi Shcherev", "Georgi Shterev")]       // Russian scheme vs Bulgarian scheme
    [InlineData("Kovács Lőrinc", "Lorinc Kovacs", "HU", null)]
    [InlineData("Szűcs Ödön", "Ödön Szücs", "HU", null)]    // ő/ű vs ö/ü
    public void Compare_TransliterationAndDiacriticVariants_AreTheSameName(string a, string b, string? natA = null, string? natB = null)
    {
        var c = Compare(a, b, natA, natB);
        Assert.NotNull(c);
        Assert.Equal(1.0, c.Score);
    }

    [Fact]
    public void Compare_IvanovIwanow_ReasonNamesBothSpellings()
    {
        var c = Compare("Sergei Ivanov", "Sergei Iwanow")!;
        Assert.Equal("naam gelijk in andere schrijfwijze (Sergei Ivanov/Sergei Iwanow)", c.Reason);
    }

    [Fact]
    public void Compare_OneTypo_IsStrongWithReason()
    {
        var c = Compare("Anna Lewandowski", "Anna Lewandoski")!;
        Assert.Equal(0.85, c.Score);
        Assert.Equal("naam lijkt sterk (Anna Lewandowski/Anna Lewandoski)", c.Reason);
    }

    [Fact]
    public void Compare_SwappedOrder_IsTheSameNameAndSaysSo()
    {
        var c = Compare("Ivanov Sergei", "Sergei Ivanov")!;
        Assert.Equal(1.0, c.Score);
        Assert.True(c.OrderSwapped);
        Assert.Contains("volgorde van de namen omgedraaid", c.Reason);
    }

    [Fact]
    public void Compare_ExtraFamilyName_IsWeaker()
    {
        var c = Compare("Jan Jansen", "Jan Janssens-Bakker")!;
        Assert.True(c.Score < 0.8);
        Assert.Contains("extra achternaam", c.Reason);
    }

    [Fact]
    public void Compare_InitialAgainstGivenName_PassesWithLowerScore()
    {
        var c = Compare("J. van der Berg", "Jan van der Berg")!;
        Assert.InRange(c.Score, 0.5, 0.9);
        Assert.Contains("voorletter past", c.Reason);
    }

    [Theory]
    [InlineData("van den Linden Joost", "Joost van den Linden", null)]  // register order without a comma
    [InlineData("van der Zands Ruben", "Ruben van der Zands", null)]
    [InlineData("Ruben van der Zands", "Zands, Ruben van der", null)]
    [InlineData("J. Tóth-Nagy", "József Tóth-Nagy", "HU")]            // an initial first: given-first, even for HU
    [InlineData("G. Deák", "Gabor Deak", "HU")]
    public void FromFull_OrderReadFromPrefixesAndInitials_SamePerson(string a, string b, string? nationality)
    {
        var c = NameComparison.Compare(PersonName.FromFull(a, nationality), PersonName.FromFull(b, nationality));
        Assert.NotNull(c);
        Assert.True(c.Score >= 0.75, $"{a} / {b}: {c.Reason}");
    }

    [Fact]
    public void FromFull_TrailingInitial_MeansFamilyNameFirst()
    {
        var name = PersonName.FromFull("Sawicelewicz J.");
        Assert.Equal(PersonName.FromParts(null, "Sawicelewicz").Family, name.Family);
        Assert.Equal(['j'], name.Initials);
        Assert.Empty(name.Given);
    }

    [Theory]
    [InlineData("Ivn Kirilski", "Ivan Kirilski")]     // a letter dropped from a short given name
    [InlineData("Dra Fodori", "Dóra Fodori")]
    [InlineData("Sem Bakker", "Sam Bakker")]
    public void Compare_TypoInGivenName_StillACandidate(string a, string b)
    {
        var c = Compare(a, b);
        Assert.NotNull(c);
        Assert.Equal(0.85, c.Score, 3);
    }

    [Theory]
    [InlineData("Anna Nowak", "Maria Nowak")]    // different given names
    [InlineData("K. Nowak", "Anna Nowak")]       // initial does not fit
    [InlineData("Jan Bakker", "Jan Visser")]
    public void Compare_DifferentPeople_AreNotCandidates(string a, string b) => Assert.Null(Compare(a, b));
}
