namespace Ketenaanpak.Graph.Application.Demo;

/// <summary>
/// Word lists for the fictional region. Names are common given names and surnames, combined at random: any
/// resemblance to a real person is chance. Streets are generic Dutch street names; postcodes lie in each
/// municipality's real postcode range so that addresses look right to a Twente analyst.
/// </summary>
internal static class DemoNames
{
    public static readonly Dictionary<string, (string[] Male, string[] Female, string[] Last)> ByNationality = new()
    {
        ["NL"] = (["Jan", "Bas", "Tim", "Rick", "Mark", "Dennis", "Henk", "Gerrit", "Erik", "Jeroen"],
                  ["Sanne", "Lisa", "Femke", "Anouk", "Ilse", "Marieke", "Kim", "Esther", "Lotte", "Nienke"],
                  ["de Vries", "Jansen", "Bosch", "Nijhuis", "Oude Egbrink", "Kamphuis", "ter Horst", "Wolters", "Morsink", "van der Veen", "Brinkhuis", "Lammers"]),
        ["PL"] = (["Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek", "Łukasz"],
                  ["Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Ewa", "Magdalena"],
                  ["Wójcik", "Kowalczyk", "Nowak", "Lewandowski", "Zieliński", "Szymański", "Woźniak"]),
        ["RO"] = (["Ionuț", "Andrei", "Mihai", "Florin", "Gheorghe", "Marius"],
                  ["Elena", "Ioana", "Andreea", "Mihaela", "Alina", "Florentina"],
                  ["Popescu", "Ionescu", "Constantin", "Dumitru", "Stănescu", "Munteanu"]),
        ["BG"] = (["Georgi", "Dimitar", "Ivan", "Nikolai", "Stoyan"],
                  ["Maria", "Desislava", "Ralitsa", "Yana", "Tsvetelina"],
                  ["Ivanov", "Petrov", "Georgiev", "Dimitrov", "Stoyanov"]),
        ["HU"] = (["László", "Zoltán", "Gábor", "Attila"],
                  ["Zsófia", "Eszter", "Krisztina", "Réka"],
                  ["Nagy", "Kovács", "Szabó", "Horváth", "Tóth"]),
        ["UA"] = (["Oleksandr", "Andrii", "Serhii", "Mykola", "Yurii"],
                  ["Olena", "Iryna", "Natalia", "Oksana", "Tetiana"],
                  ["Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Melnyk"]),
        ["VN"] = (["Minh", "Tuan", "Duc", "Hoang", "Long"],
                  ["Linh", "Huong", "Thao", "Mai", "Trang"],
                  ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"]),
        ["NG"] = (["Chinedu", "Emeka", "Ifeanyi"],
                  ["Blessing", "Joy", "Precious", "Favour"],
                  ["Okafor", "Eze", "Obi", "Adeyemi"]),
        ["TH"] = (["Somchai"], ["Siriporn", "Kanya", "Nok", "Ploy"], ["Saetang", "Chaiyasit", "Wongsuwan"]),
    };

    public static readonly string[] Streets =
    [
        "Kerkstraat", "Molenstraat", "Stationsstraat", "Esweg", "Haaksbergerstraat", "Oldenzaalsestraat", "Bornsestraat",
        "Wierdensestraat", "Hengelosestraat", "Deurningerstraat", "Boekelosestraat", "Lonnekerweg", "Schoolstraat",
        "Dorpsstraat", "Veldweg", "Industrieweg", "Parallelweg", "Brinkstraat", "Marktstraat", "Enschedesestraat",
        "Kanaalweg", "Vlierstraat", "Berkenlaan", "Eikenlaan", "Twentepoort", "Hofstraat",
    ];

    /// <summary>Municipality → (town, first and last 4-digit postcode) pairs within its real range.</summary>
    public static readonly Dictionary<string, (string Town, int From, int To)[]> Towns = new()
    {
        ["GM0141"] = [("Almelo", 7601, 7609)],
        ["GM0147"] = [("Borne", 7621, 7623), ("Zenderen", 7625, 7625)],
        ["GM1774"] = [("Denekamp", 7591, 7591), ("Ootmarsum", 7631, 7631), ("Weerselo", 7595, 7595)],
        ["GM0153"] = [("Enschede", 7511, 7548), ("Glanerbrug", 7532, 7533)],
        ["GM0158"] = [("Haaksbergen", 7481, 7483), ("Buurse", 7481, 7481)],
        ["GM0163"] = [("Nijverdal", 7441, 7443), ("Hellendoorn", 7447, 7447)],
        ["GM0164"] = [("Hengelo", 7550, 7559)],
        ["GM1735"] = [("Goor", 7471, 7472), ("Delden", 7491, 7491)],
        ["GM0168"] = [("Losser", 7581, 7582), ("Overdinkel", 7586, 7586)],
        ["GM0173"] = [("Oldenzaal", 7571, 7577)],
        ["GM1742"] = [("Rijssen", 7461, 7463), ("Holten", 7451, 7451)],
        ["GM0183"] = [("Tubbergen", 7651, 7651), ("Albergen", 7611, 7611)],
        ["GM1700"] = [("Vriezenveen", 7671, 7672), ("Vroomshoop", 7681, 7681)],
        ["GM0189"] = [("Wierden", 7641, 7642), ("Enter", 7468, 7468)],
    };

    public static readonly string[] StaffFirst = ["Anja", "Willem", "Marloes", "Hans", "Ingrid", "Peter", "Yvonne", "Ruud", "Miriam", "Kees"];
    public static readonly string[] StaffLast = ["Hulshof", "Scholten", "Lansink", "Hofman", "Koopman", "Smit", "Meijer", "Grootenhuis"];
}
