using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Application.Knowledge;

/// <summary>The explanation of one indicator: what it means, an example from practice, and what one may ask.</summary>
/// <param name="FromSignalCard">The example is one of the two desk examples of the Twente signal card (2014 proposal, annex 2).</param>
public sealed record IndicatorExplanation(string Code, string Explanation, string Example, string? Ask = null, bool FromSignalCard = false);

/// <summary>
/// The content of the knowledge page (issue 6.6): per indicator of the <see cref="IndicatorCatalog"/> an explanation
/// and an example, written for desk staff, enforcement officers and coordinators. Grounded in domain.md §4 and the
/// signal card of the Twente proposal (seed); kept in code, not in the store, so it is reviewed like code and the same
/// in every installation. One indicator is never proof: it is the combination that makes a signal.
/// </summary>
public static class SignalCardGuide
{
    public static IReadOnlyList<IndicatorExplanation> Explanations { get; } =
    [
        // ---- BRP: the population register desk ----------------------------------------------------------------------
        new("BRP.01",
            "Op één adres staan meer mensen ingeschreven dan er redelijkerwijs kunnen wonen, of er komen in korte tijd steeds nieuwe inschrijvingen bij. Uitbuiters gebruiken zo'n adres om veel mensen aan een BSN en een bankrekening te helpen, of huisvesten ze er dicht op elkaar.",
            "Er komen met regelmaat buitenlandse vrouwen die zich op één bepaald adres laten inschrijven. Dit is geen opvanghuis of iets dergelijks, maar een particuliere woning. U hebt een onderbuikgevoel dat er iets niet klopt, maar kunt het niet verder omschrijven. Stel gerust controlevragen.",
            "Hoeveel personen staan er al ingeschreven op dit adres? Van wie moet u zich hier melden? Van wie huurt u het huis? Wie wonen er nog meer?",
            FromSignalCard: true),
        new("BRP.02",
            "Wie ergens echt woont, weet waar de woning ligt. Kent iemand de straat, de wijk of de plaats van het eigen inschrijfadres niet, dan is het adres mogelijk door een ander geregeld en woont de persoon er niet of nog maar net.",
            "Een man wil zich inschrijven op een adres in Almelo. Gevraagd waar dat is, kijkt hij op een briefje en weet hij niet of het in de stad of in een dorp ligt.",
            "Weet u waar de woning ligt? Hoe bent u hier vandaag gekomen?"),
        new("BRP.03",
            "De persoon weet niet wie de verhuurder is of betaalt de huur aan de werkgever of een tussenpersoon. Dat wijst op een afhankelijkheid: wie werk én huisvesting regelt, kan met ontslag ook het dak boven het hoofd afnemen.",
            "Een vrouw zegt dat ze 'aan de baas' betaalt voor een bed, maar weet niet wie dat is of wat de huur is; het bedrag wordt van haar loon ingehouden.",
            "Van wie huurt u? Hoeveel betaalt u en aan wie?"),
        new("BRP.04",
            "De persoon spreekt geen Nederlands, Engels of Duits en kan zich niet verstaanbaar maken, terwijl een ander het woord voert. Een taalprobleem op zich is geen signaal; wel als de persoon daardoor volledig afhankelijk is van de begeleider.",
            "Een jonge vrouw zegt niets aan de balie; de man naast haar beantwoordt alle vragen en vertaalt niet wat zij zegt.",
            "Kunt u mij zelf vertellen waarvoor u komt? Zo nodig: is er een tolk(telefoon) beschikbaar?"),
        new("BRP.05",
            "Steeds dezelfde persoon begeleidt verschillende mensen bij de inschrijving, vaak op hetzelfde of een klein aantal adressen. Zo'n begeleider regelt inschrijving, BSN en soms werk voor een groep: dat kan een ronselaar of controleur zijn.",
            "De baliemedewerker herkent een man die in een half jaar vijf keer met een andere persoon komt inschrijven, telkens op hetzelfde adres aan de Wierdensestraat.",
            "Begeleidt steeds één en dezelfde persoon verschillende personen bij de inschrijving? Noteer wie, wanneer en op welk adres."),
        new("BRP.06",
            "De persoon heeft het eigen paspoort of de ID-kaart niet zelf: de begeleider geeft het pas aan de balie af en neemt het na de inschrijving weer mee. Wie de papieren van een ander vasthoudt, houdt die persoon onder controle.",
            "In de wachtruimte zit een (jonge) vrouw. Naast haar zit een man. Als haar nummer aan de beurt is, geeft de man haar de ID-kaart of het paspoort en komt de vrouw naar uw loket. U vraagt (na enige tijd) wie de man is. Zij kent hem niet of doet daar wazig over. Je geeft je paspoort niet aan iemand die je niet (goed) kent.",
            "Beschikt u zelf over uw paspoort? Wie is de man die u begeleidt? In de landen van herkomst (bijvoorbeeld Oost-Europa en Afrika) is het gebruikelijk dat burgers vragen van een ambtenaar beantwoorden: vraag dus gerust door.",
            FromSignalCard: true),

        // ---- AFH: dependency (B8/3 list) ----------------------------------------------------------------------------
        new("AFH.01",
            "De werkgever of het uitzendbureau regelt behalve het werk ook de woning, het vervoer, de kleding of het eten en houdt de kosten in op het loon. Hoe meer er via één partij loopt, hoe groter de afhankelijkheid.",
            "Plukkers van een champignonkwekerij wonen in een huis van het uitzendbureau, worden dagelijks met een busje gebracht en krijgen hun loon pas na aftrek van huur en vervoer.",
            "Wie regelt uw woning en vervoer? Wat wordt er van uw loon ingehouden?"),
        new("AFH.02",
            "De persoon heeft een schuld bij de werkgever, de bemiddelaar of de 'vriend' die de reis regelde, of er is een overnamesom betaald. Een schuld die nooit kleiner wordt, is een klassiek middel om iemand vast te houden.",
            "Een vrouw vertelt dat ze eerst 'de reis moet terugbetalen' en dat de schuld elke week groeit door boetes en kosten.",
            "Moet u iemand geld terugbetalen? Hoeveel is er al afbetaald?"),
        new("AFH.03",
            "Reis, visum of werkvergunning zijn door een ander geregeld, die daar iets voor terug verwacht. De persoon weet vaak niet wat er betaald is of welke papieren er zijn aangevraagd.",
            "Een groep werknemers uit een land buiten de EU komt aan met een busje; de chauffeur heeft alle reisdocumenten bij zich.",
            null),
        new("AFH.04",
            "Een identiteitsdocument, verblijfsvergunning of diploma lijkt vals of vervalst, of hoort niet bij de persoon die het toont. Valse papieren maken iemand chantabel: wie ermee werkt, durft geen hulp te zoeken.",
            "Bij de inschrijving toont een man een ID-kaart waarvan de foto niet goed op hem lijkt; de begeleider dringt aan op snelheid.",
            "Controleer het document volgens de eigen werkinstructie; twijfel is genoeg voor een signaal."),
        new("AFH.05",
            "De persoon verblijft of werkt zonder de vereiste vergunning. Dat maakt de persoon kwetsbaar: uitbuiters dreigen met de politie of uitzetting. Een slachtoffer van mensenhandel heeft recht op bescherming, ongeacht de verblijfsstatus.",
            "Bij een controle in een naaiatelier werken mensen zonder werkvergunning die zeggen dat de baas hun paspoorten 'bewaart'.",
            null),
        new("AFH.06",
            "De persoon slaapt op of naast de werkplek: in de kas, de keuken, de salon of het bedrijfspand. Dan zijn werk en wonen niet meer te scheiden en is er geen vrije tijd of plek buiten het zicht van de werkgever.",
            "Bij een controle van een nagelstudio liggen matrassen in de achterruimte; de medewerkers zeggen dat ze daar 's nachts blijven.",
            null),

        // ---- VRH: restricted freedom --------------------------------------------------------------------------------
        new("VRH.01",
            "De persoon heeft geen eigen telefoon, mag niet zelf bellen, kent niemand buiten het werk en komt nergens alleen. Isolatie voorkomt dat een slachtoffer hulp zoekt of vergelijkt met hoe het hoort.",
            "Een vrouw zegt dat haar telefoon 'bij de baas' ligt en dat ze alleen met hem naar buiten gaat.",
            "Hebt u een eigen telefoon? Kunt u familie of vrienden bereiken?"),
        new("VRH.02",
            "De persoon kan niet gaan en staan waar hij of zij wil: wordt gebracht en gehaald, wordt in de gaten gehouden of mag het pand niet alleen verlaten.",
            "Werknemers worden elke ochtend om vijf uur opgehaald en 's avonds teruggebracht; bij het huis staat steeds dezelfde auto.",
            null),
        new("VRH.03",
            "De persoon krijgt geen medische zorg, ook niet bij letsel of ziekte, of mag alleen met de werkgever naar een arts. Zorgverleners zien vaak als eersten onverklaard letsel of uitputting.",
            "Op de huisartsenpost komt een man met een ontstoken hand; hij is al weken zo aan het werk en de 'chef' voert het woord.",
            null),
        new("VRH.04",
            "Paspoort, ID-kaart of verblijfsdocument is in handen van een ander (werkgever, begeleider, pooier) en de persoon kan er niet zelf over beschikken. Zie ook BRP.06 aan de balie.",
            "Bij een controle blijkt de werkgever de paspoorten van alle werknemers in een kluis te bewaren 'zodat ze niet kwijtraken'.",
            "Waar is uw paspoort? Kunt u het krijgen als u wilt?"),
        new("VRH.05",
            "De persoon beschikt niet over het eigen loon of de eigen verdiensten: het geld gaat naar de rekening van een ander, wordt contant afgepakt of de bankpas ligt bij iemand anders.",
            "Het loon van elf plukkers wordt gestort op één rekening die de voorman beheert; de plukkers krijgen wekelijks een klein bedrag contant.",
            "Op wiens rekening komt uw loon? Hebt u zelf uw bankpas?"),

        // ---- ARB: bad working conditions ----------------------------------------------------------------------------
        new("ARB.01",
            "Het loon ligt ver onder het minimumloon of het marktloon, of er worden zulke hoge bedragen ingehouden dat er vrijwel niets overblijft. Onderbetaling alleen is nog geen uitbuiting; samen met afhankelijkheid of dwang wel een sterk signaal.",
            "Medewerkers van een autowasstraat verdienen naar eigen zeggen vier euro per uur, contant, zonder loonstrook.",
            null),
        new("ARB.02",
            "Het werk is gevaarlijk of ongezond zonder bescherming: werken met chemicaliën zonder masker, op hoogte zonder zekering, in de hennepteelt met brand- en stroomgevaar.",
            "Bij een inval in een hennepkwekerij treft de politie een jonge man aan die in de ruimte met de planten woont en met blote handen met bestrijdingsmiddelen werkt.",
            null),
        new("ARB.03",
            "Extreem lange werkdagen, zeven dagen per week, zonder pauze of vrije dag. Uitputting is zowel gevolg als middel: wie alleen werkt en slaapt, zoekt geen hulp.",
            "De Inspectie stelt vast dat plukkers veertien uur per dag werken, ook in het weekend.",
            null),

        // ---- SEX: sexual exploitation -------------------------------------------------------------------------------
        new("SEX.01",
            "Zichtbaar of verteld geweld: blauwe plekken, brandwonden, angst voor een bepaalde persoon, of een tatoeage die als 'eigendomsmerk' dient. Let ook op angst, schrikken of schuldgevoel in het contact.",
            "Bij een controle van een seksinrichting heeft een vrouw blauwe plekken op haar armen en kijkt zij steeds naar de man bij de deur voordat zij antwoordt.",
            null),
        new("SEX.02",
            "Een plotselinge verandering: een meisje verzuimt ineens van school, heeft opeens dure kleding of telefoons, een veel oudere 'vriend', of trekt zich terug van familie. Bekend patroon bij loverboys.",
            "Een zeventienjarige leerling heeft sinds kort een nieuwe telefoon en merkkleding, wordt na school opgehaald door een oudere man en verzuimt steeds vaker.",
            null),
        new("SEX.03",
            "Een advertentie biedt seks of escort aan met '24/7' beschikbaarheid, wisselende locaties of dezelfde telefoonnummers en foto's bij verschillende vrouwen. Eén telefoonnummer in meerdere advertenties wijst op iemand die voor anderen regelt.",
            "Op een escortsite staan drie advertenties met verschillende namen maar hetzelfde 06-nummer, steeds op een ander vakantiepark in Twente.",
            "Noteer het webadres, het telefoonnummer en de datum waarop u de advertentie zag."),

        // ---- LOC: locations -----------------------------------------------------------------------------------------
        new("LOC.01",
            "Particuliere woningen worden gebruikt voor thuisprostitutie of als slaapplaats voor uitgebuite werknemers. Kenmerken: veel wisselende bezoekers, dichtgeplakte ramen, veel matrassen, veel inschrijvingen op het adres.",
            "Buren melden dat er in een rijtjeshuis 's avonds steeds andere mannen komen en dat er vier vrouwen wonen die nooit buiten komen.",
            null),
        new("LOC.02",
            "Recreatieparken, campings en hotels zijn anoniem en wisselen snel van bewoners: geschikt voor tijdelijke huisvesting van arbeidsmigranten en voor escort. Let op chalets met veel bedden of steeds wisselende korte boekingen.",
            "Op een vakantiepark huurt één persoon vier chalets voor een half jaar; er wonen wisselend twintig werknemers van hetzelfde uitzendbureau.",
            null),
        new("LOC.03",
            "In een vergunde seksinrichting kan ook gedwongen worden gewerkt. Let bij controles op wie het woord voert, wie de verdiensten int en of de vrouwen zelf over hun papieren beschikken.",
            "Tijdens een vergunningscontrole blijkt dat de huur van de kamers aan een derde wordt betaald en dat een vrouw geen eigen rekening heeft.",
            null),
        new("LOC.04",
            "Massagesalons zijn een bekende dekmantel voor seksuele uitbuiting en voor arbeidsuitbuiting. Signalen: lange openingstijden, medewerkers die er ook slapen, geen klantvriendelijke prijzen maar wel veel aanloop van mannen.",
            "Een salon is zeven dagen per week tot middernacht open; de medewerksters spreken geen Nederlands en worden door een man gehaald en gebracht.",
            null),
        new("LOC.05",
            "Nagelstudio's komen voor in zaken van arbeidsuitbuiting: lange werkdagen, slapen in het pand, loon in handen van de eigenaar, vaak met mensen uit Vietnam of China.",
            "Bij een controle werken vier medewerkers zonder contract; in de achterruimte liggen hun slaapspullen.",
            null),
        new("LOC.06",
            "Prostitutie verschuift van vergunde inrichtingen naar escort via websites. De vrouw werkt dan in de anonimiteit, vanuit woningen, hotels of parken, en het risico op dwang neemt sterk toe.",
            "Via een advertentiesite wordt escort aangeboden 'in hotels in Hengelo en Enschede'; de telefoon wordt door een man opgenomen.",
            null),

        // ---- SEC: sectors of labour exploitation --------------------------------------------------------------------
        new("SEC.01",
            "Land- en tuinbouw draaien in de seizoenen op veel tijdelijke krachten, vaak via uitzendbureaus en met huisvesting door de werkgever: een bekende sector voor arbeidsuitbuiting (denk aan de 'aspergezaak' in Someren).",
            "Oogstwerkers van een tuinbouwbedrijf wonen met twaalf man in één boerderijwoning en krijgen per kist betaald, ver onder het minimumloon.",
            null),
        new("SEC.02",
            "In naaiateliers wordt in besloten ruimten lang en onderbetaald gewerkt, soms door mensen zonder verblijfsvergunning die in het atelier slapen.",
            "Achter een gesloten winkelpand brandt tot diep in de nacht licht; er worden steeds balen stof afgeleverd.",
            null),
        new("SEC.03",
            "Champignonkwekerijen werken met veel uitzendkrachten die in ploegen plukken; uitbuiting zit vaak in de combinatie van uitzendbureau, huisvesting en loon via één rekening.",
            "Elf Poolse en Roemeense plukkers worden via één uitzendbureau geplaatst, wonen samen in één huis en krijgen hun loon via de rekening van de voorman.",
            null),
        new("SEC.04",
            "In de hennepteelt worden 'verzorgers' van de planten ingezet, soms minderjarigen of mensen met een schuld, die in de kwekerij wonen en niet weg kunnen. Dat is criminele uitbuiting.",
            "In een woning met een hennepkwekerij wordt een jongen aangetroffen die zegt dat hij er 'moet blijven tot de oogst'.",
            null),
        new("SEC.05",
            "Malafide uitzendbureaus regelen werk, woning en vervoer tegelijk en houden te veel in. Let op bureaus zonder SNA-keurmerk, wisselende bedrijfsnamen op hetzelfde adres of dezelfde bestuurder.",
            "Een uitzendbureau staat ingeschreven op een woonadres en verhuurt bedden aan de eigen uitzendkrachten tegen een hoge prijs per week.",
            null),
        new("SEC.06",
            "Huisjesmelkers verhuren overbewoonde, slecht onderhouden woningen per bed, vaak aan arbeidsmigranten. Zij faciliteren (bewust of onbewust) uitbuiting; de gemeente kan met woning- en brandveiligheidscontroles een barrière opwerpen.",
            "Bij een woningcontrole slapen veertien mensen in een eengezinswoning; de huur wordt per persoon contant geïnd door een tussenpersoon.",
            null),
        new("SEC.07",
            "In de horeca gaat het om lange diensten, onderbetaling en wonen boven de zaak, vaak bij familiebedrijven met personeel uit het land van herkomst.",
            "Een kok werkt zes dagen per week van 's ochtends tot sluitingstijd en slaapt op de zolder boven het restaurant.",
            null),
        new("SEC.08",
            "In de bouw werken ploegen via onderaannemers en schijnzelfstandigheid; loon wordt ingehouden voor huisvesting en vervoer, en bij ongelukken is er geen verzekering.",
            "Een bouwploeg wordt dagelijks met een busje van een ander kenteken gebracht; de mannen weten niet voor welk bedrijf ze werken.",
            null),
        new("SEC.09",
            "Schoonmaakwerk gebeurt vaak buiten kantoortijden en buiten het zicht; onderbetaling en afhankelijkheid van een tussenpersoon komen veel voor.",
            "Een schoonmaakster werkt 's nachts in drie panden en geeft haar loon af aan de man die het werk regelt.",
            null),
        new("SEC.10",
            "In transport en logistiek gaat het om chauffeurs die wekenlang in de cabine wonen, onderbetaald worden via buitenlandse constructies, of mensen die worden ingezet om anderen te vervoeren.",
            "Een vrachtwagenchauffeur staat al maanden op een parkeerplaats en zegt dat hij pas betaald krijgt als hij 'zijn schuld' heeft afgewerkt.",
            null),
        new("SEC.11",
            "Autowasstraten werken met contant geld, lange dagen en weinig toezicht; personeel woont soms op of bij het terrein.",
            "Medewerkers van een handwasstraat wonen in een container op het terrein en worden per auto contant betaald.",
            null),
    ];

    private static readonly Dictionary<string, IndicatorExplanation> ByCode = Explanations.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);

    public static IndicatorExplanation? For(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>Where to look (domain.md §4, signal card): the locations with a short reason.</summary>
    public static IReadOnlyList<(string Place, string Why)> Locations { get; } =
    [
        ("Particuliere woningen", "thuisprostitutie en overbewoning; veel inschrijvingen op één adres"),
        ("Recreatieparken en campings", "anonieme, tijdelijke huisvesting van werknemers en escort"),
        ("Hotels", "escort en kortdurend verblijf met wisselende gasten"),
        ("Bordelen en seksinrichtingen", "ook achter een vergunning kan dwang zitten"),
        ("Massagesalons en nagelstudio's", "dekmantel voor seksuele uitbuiting en arbeidsuitbuiting"),
        ("Websites met seks- en escortadvertenties", "prostitutie verschuift naar escort; het risico op dwang neemt sterk toe"),
    ];

    /// <summary>The sectors of labour exploitation to watch, as the signal card and domain.md §4 name them.</summary>
    public static IReadOnlyList<Sector> Sectors { get; } =
    [
        Sector.AgricultureHorticulture, Sector.SewingWorkshop, Sector.MushroomFarming, Sector.CannabisGrowing, Sector.EmploymentAgency,
        Sector.Housing, Sector.Hospitality, Sector.Construction, Sector.Cleaning, Sector.Transport, Sector.CarWash,
    ];
}
