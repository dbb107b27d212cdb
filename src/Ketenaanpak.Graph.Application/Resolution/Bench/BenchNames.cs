using System.Text;

namespace Ketenaanpak.Graph.Application.Resolution.Bench;

/// <summary>
/// Name material for the resolve benchmark: given names and composed family names per nationality (Latin with their
/// diacritics; Bulgarian and Ukrainian in Cyrillic), the transliteration schemes partners actually use for Cyrillic
/// (English/passport, German, Polish, Dutch), and the noise: typos, dropped diacritics, swapped order.
/// </summary>
internal static class BenchNames
{
    public static readonly string[] Nationalities = ["NL", "PL", "RO", "HU", "BG", "UA"];

    private static readonly Dictionary<string, string[]> Given = new()
    {
        ["NL"] = ["Jan", "Pieter", "Kees", "Willem", "Henk", "Anna", "Maria", "Sanne", "Lotte", "Emma", "Daan", "Bram", "Thijs", "Femke", "Iris", "Joost", "Ruud", "Marieke", "Eva", "Sophie", "Lars", "Ruben", "Noor", "Mila", "Sem", "Gerrit", "Hendrik", "Johanna", "Wilma", "Bas"],
        ["PL"] = ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Krzysztof", "Piotr", "Tomasz", "Paweł", "Michał", "Łukasz", "Józef", "Zofia", "Wojciech", "Grzegorz", "Ewa", "Joanna", "Magdalena", "Jakub", "Mateusz", "Dariusz", "Marek", "Barbara", "Żaneta", "Bożena", "Jarosław", "Sławomir", "Przemysław", "Jadwiga", "Urszula", "Zbigniew"],
        ["RO"] = ["Ion", "Gheorghe", "Vasile", "Constantin", "Ștefan", "Mihai", "Andrei", "Florin", "Nicolae", "Maria", "Elena", "Ioana", "Andreea", "Mădălina", "Cristina", "Alexandra", "Răzvan", "Bogdan", "Cătălin", "Ionuț", "Daniela", "Georgiana", "Adrian", "Petru", "Simona", "Marius", "Ovidiu", "Viorica", "Lăcrămioara", "Costel"],
        ["HU"] = ["László", "István", "József", "János", "Zoltán", "Sándor", "Gábor", "Ferenc", "Attila", "Péter", "Mária", "Erzsébet", "Katalin", "Éva", "Ilona", "Anikó", "Zsuzsanna", "Krisztina", "Gyula", "Tamás", "Ödön", "Lőrinc", "Csaba", "Réka", "Dóra", "Bence", "Levente", "Tünde", "Győző", "Szilvia"],
        ["BG"] = ["Георги", "Иван", "Димитър", "Николай", "Петър", "Христо", "Стефан", "Тодор", "Атанас", "Мария", "Иванка", "Елена", "Йорданка", "Пенка", "Десислава", "Цветелина", "Радослав", "Любомир", "Васил", "Кирил", "Станислава", "Борислав", "Жельо", "Щилян", "Теодора", "Емил", "Светослав", "Веселина", "Юлиян", "Ясен"],
        ["UA"] = ["Олександр", "Сергій", "Андрій", "Володимир", "Микола", "Іван", "Дмитро", "Юрій", "Олена", "Наталія", "Тетяна", "Юлія", "Оксана", "Ірина", "Світлана", "Людмила", "Богдан", "Василь", "Тарас", "Євген", "Ярослав", "Марія", "Галина", "Віктор", "Жанна", "Орест", "Ганна", "Остап", "Мирослава", "Зоряна"],
    };

    // Family names are composed (stem + middle + ending) so that each nationality has a few thousand, drawn Zipf-like:
    // common names recur (homonyms are what makes resolution hard), rare ones are rare.
    private static readonly Dictionary<string, (string[] Stems, string[] Middles, string[] Endings)> Family = new()
    {
        ["NL"] = (["Berg", "Dijk", "Veen", "Meer", "Brink", "Beek", "Hoek", "Bos", "Broek", "Heuvel", "Wal", "Linden", "Vliet", "Loon", "Wijk", "Dam", "Zand", "Horst", "Kamp", "Molen", "Haven", "Burg", "Hof", "Laar", "Donk", "Rijn", "Schoot", "Weerd", "Gaag", "Akker", "Smit", "Bakker", "Visser", "Mulder", "Kuiper", "Jonker", "Brouwer", "Dekker", "Vos", "Post"],
                  ["van den ", "van der ", "van de ", "ter ", "ten ", "van ", "", "de ", "", ""], ["", "s", "man", "huis", "ink", "stra", "ma", "ers"]),
        ["PL"] = (["Kowal", "Nowak", "Wiśniew", "Wójc", "Kamiń", "Lewandow", "Zieliń", "Szymań", "Woźni", "Dąbrow", "Kozłow", "Jankow", "Mazur", "Krawc", "Piotrow", "Grabow", "Pawłow", "Michal", "Adam", "Dud", "Zając", "Wieczor", "Jabłoń", "Król", "Majew", "Olszew", "Jawor", "Wróbl", "Malinow", "Pawl", "Witkow", "Walc", "Stępień", "Gór", "Rutkow", "Sikor", "Ostrow", "Baran", "Szewc", "Tomaszew", "Pietrz", "Marcin", "Zalew", "Jakubow", "Jasiń", "Zawadz", "Sadow", "Chmielew", "Włodar", "Borkow", "Czarn", "Sawic", "Sokołow", "Urbań", "Kubi", "Maciejew", "Szczepań", "Kuchar", "Kalinow", "Wysoc"],
                  ["", "ow", "an", "el", "icz"], ["ski", "ska", "ak", "czyk", "ewicz", "ek", "iński", "owicz"]),
        ["RO"] = (["Pop", "Ion", "Popes", "Dumitr", "Stoian", "Gheorgh", "Stan", "Munte", "Constantin", "Diac", "Moldov", "Ștefăn", "Lup", "Țurc", "Crăci", "Răduc", "Băl", "Moc", "Șerb", "Vasil", "Tud", "Dobr", "Neag", "Mar", "Nist", "Flor", "Cristi", "Barb", "Pred", "Opr", "Din", "Mate", "Sand", "Urs", "Tom", "Com", "Rus", "Ciob", "Țăr", "Mihail", "Nedel", "Andri", "Cost", "Iord", "Manol", "Zamf", "Laz", "Suci", "Voic", "Păun"],
                  ["", "ar", "in", "ed", "ăl"], ["escu", "eanu", "u", "ache", "ică", "aru", "oiu", "an"]),
        ["HU"] = (["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Balogh", "Papp", "Takács", "Juhász", "Lakatos", "Mészáros", "Oláh", "Rácz", "Fekete", "Szilágyi", "Török", "Fehér", "Balázs", "Gál", "Szűcs", "Kocsis", "Pintér", "Fodor", "Szalai", "Sipos", "Lukács", "Gulyás", "Bíró", "Király", "Katona", "Jakab", "Boros", "Fazekas", "Kelemen", "Antal", "Orosz", "Somogyi", "Fülöp", "Veres", "Vincze", "Hegedűs", "Deák", "Bálint", "Illés", "Szőke"],
                  ["", "", "-Kis", "-Nagy"], ["", "i", "fi", "házi", "völgyi", "hegyi", "falvi", "ő"]),
        ["BG"] = (["Иван", "Георги", "Димитр", "Петр", "Никол", "Христ", "Стоян", "Тодор", "Или", "Васил", "Атанас", "Петк", "Ангел", "Кол", "Йордан", "Марк", "Поп", "Стефан", "Кост", "Михайл", "Янк", "Щер", "Цветк", "Жек", "Чолак", "Шишк", "Пенч", "Рус", "Слав", "Кирил", "Лазар", "Божк", "Добр", "Генч", "Рад", "Младен", "Станч", "Тонч", "Хаджи", "Яким"],
                  ["", "ар", "ин", "ан", "уш"], ["ов", "ев", "ски", "ова", "ева"]),
        ["UA"] = (["Шевч", "Ковал", "Бондар", "Ткач", "Кравч", "Олійн", "Поліщ", "Бойк", "Мельн", "Лис", "Марч", "Руд", "Савч", "Петр", "Мороз", "Клим", "Павл", "Левч", "Харч", "Кузьм", "Панч", "Гонч", "Приход", "Кушн", "Роман", "Дмитр", "Юрч", "Щерб", "Жук", "Захарч", "Іван", "Гаврил", "Литвин", "Тимош", "Сидор", "Мартин", "Остап", "Гнат", "Федор", "Яцен"],
                  ["", "ен", "ак", "ар", "ик"], ["ко", "енко", "ук", "юк", "ич", "ський"]),
    };

    public static bool IsCyrillic(string nationality) => nationality is "BG" or "UA";

    public static int GivenCount(string nat) => Given[nat].Length;

    public static int FamilyCount(string nat) { var f = Family[nat]; return f.Stems.Length * f.Middles.Length * f.Endings.Length; }

    public static string GivenName(string nat, int index) => Given[nat][index];

    public static string FamilyName(string nat, int index)
    {
        var (stems, middles, endings) = Family[nat];
        var stem = stems[index % stems.Length];
        index /= stems.Length;
        var middle = middles[index % middles.Length];
        var ending = endings[index / middles.Length];
        if (nat == "NL") return middle + stem + ending; // "van den" + "Berg" + "man"
        return stem + middle + ending;
    }

    /// <summary>Partners' transliteration schemes for Cyrillic: 0 passport/English, 1 German, 2 Polish, 3 Dutch.</summary>
    public const int Schemes = 4;

    private static readonly Dictionary<char, string[]> Scheme = new()
    {
        ['ж'] = ["zh", "sch", "ż", "zj"], ['х'] = ["kh", "ch", "ch", "ch"], ['ц'] = ["ts", "z", "c", "ts"],
        ['ч'] = ["ch", "tsch", "cz", "tsj"], ['ш'] = ["sh", "sch", "sz", "sj"], ['щ'] = ["sht", "schtsch", "szcz", "sjtsj"],
        ['й'] = ["y", "j", "j", "j"], ['ю'] = ["yu", "ju", "ju", "joe"], ['я'] = ["ya", "ja", "ja", "ja"], ['є'] = ["ye", "je", "je", "je"],
        ['ї'] = ["yi", "ji", "ji", "ji"], ['в'] = ["v", "w", "w", "v"], ['у'] = ["u", "u", "u", "oe"], ['и'] = ["i", "i", "y", "i"],
        ['ъ'] = ["a", "a", "a", "a"], ['ь'] = ["", "", "", ""], ['г'] = ["g", "g", "g", "g"], ['і'] = ["i", "i", "i", "i"],
        ['а'] = ["a"], ['б'] = ["b"], ['д'] = ["d"], ['е'] = ["e"], ['з'] = ["z"], ['к'] = ["k"], ['л'] = ["l"], ['м'] = ["m"],
        ['н'] = ["n"], ['о'] = ["o"], ['п'] = ["p"], ['р'] = ["r"], ['с'] = ["s"], ['т'] = ["t"], ['ф'] = ["f"],
    };

    /// <summary>Cyrillic written in one of the <see cref="Schemes"/>, capitalised like a name.</summary>
    public static string Transliterate(string cyrillic, int scheme)
    {
        var sb = new StringBuilder();
        foreach (var ch in cyrillic.ToLowerInvariant())
            sb.Append(Scheme.TryGetValue(ch, out var forms) ? forms[Math.Min(scheme, forms.Length - 1)] : ch.ToString());
        return Capitalise(sb.ToString());
    }

    /// <summary>Diacritics dropped as on a keyboard without them: "Wójcik" → "Wojcik", "Łukasz" → "Lukasz".</summary>
    public static string StripDiacritics(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'ł' => 'l', 'Ł' => 'L', _ => c });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private const string Keyboard = "qwertyuiopasdfghjklzxcvbnm";

    /// <summary>One typing error in a word of four letters or more: a neighbouring key, a letter dropped, doubled or two swapped.</summary>
    public static string Typo(string word, Random random)
    {
        if (word.Length < 4) return word;
        var i = 1 + random.Next(word.Length - 2); // the first letter is rarely wrong
        switch (random.Next(4))
        {
            case 0:
                var k = Keyboard.IndexOf(char.ToLowerInvariant(word[i]));
                var near = k < 0 ? 'e' : Keyboard[Math.Clamp(k + (random.Next(2) == 0 ? -1 : 1), 0, Keyboard.Length - 1)];
                return word[..i] + near + word[(i + 1)..];
            case 1: return word.Remove(i, 1);
            case 2: return word.Insert(i, word[i].ToString());
            default: return word[..(i - 1)] + word[i] + word[i - 1] + word[(i + 1)..];
        }
    }

    private static string Capitalise(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (i == 0 || chars[i - 1] is ' ' or '-') chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }
}
