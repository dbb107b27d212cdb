using Ketenaanpak.Graph.Application.Intake;
using Ketenaanpak.Graph.Application.Knowledge;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Application.Tests.Intake;

public sealed class SignalIntakeValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>A complete, valid signal as a municipal desk would file it.</summary>
    public static SignalIntakeInput Valid() => new()
    {
        ReporterName = "Baliemedewerker Almelo",
        ObservedOn = "2026-11-20",
        Place = new PlaceInput { Municipality = "GM0141", Street = "Wierdensestraat", HouseNumber = "87", Postcode = "7601ab", Town = "Almelo" },
        Form = "Labour",
        Sector = "EmploymentAgency",
        Indicators = ["BRP.05", "brp.06"],
        Mentions =
        [
            new() { Ref = "begeleider", Kind = "Person", Role = "begeleider", Values = new() { ["firstName"] = "Ion", ["lastName"] = "Popescu", ["nationality"] = "ro" } },
            new() { Ref = "paspoort", Kind = "Document", Values = new() { ["documentType"] = "Paspoort", ["number"] = "ab 1234567", ["issuingCountry"] = "RO" } },
            new() { Ref = "tel", Kind = "Phone", Values = new() { ["number"] = "+31 6 1234 5678" } },
        ],
        Relations = [new() { From = "begeleider", Type = "HoldsOthersDocument", To = "paspoort", Detail = "hield paspoort vast" }],
        Grading = "b2",
        LegalBasis = "GdprPublicTask",
        HandlingCode = "H1",
        Note = "Zelfde begeleider als vorige maand.",
        Urgent = true,
    };

    [Fact]
    public void Validate_CompleteSignal_IsValidWithCanonicalValuesAndExactKeys()
    {
        var result = SignalIntakeValidator.Validate(Valid(), PartnerKind.Municipality, Today, complete: true);
        Assert.Empty(result.Errors);
        var s = result.Signal!;
        Assert.Equal(["BRP.05", "BRP.06"], s.Indicators);
        Assert.Equal("7601AB|87", s.Place!.ExactKey); // ExactKeys.Address: the same key the demo region's addresses have
        Assert.Equal("Wierdensestraat 87, 7601 AB Almelo", s.Place.Caption);
        Assert.Equal("Almelo", s.Place.Values["municipality"]);
        Assert.Null(s.Mentions.Single(m => m.Kind == NodeKind.Person).ExactKey); // persons never link by key
        Assert.Equal("RO:AB1234567", s.Mentions.Single(m => m.Kind == NodeKind.Document).ExactKey);
        Assert.Equal("+31612345678", s.Mentions.Single(m => m.Kind == NodeKind.Phone).ExactKey);
        Assert.Equal(RelationType.HoldsOthersDocument, s.Relations.Single().Type);
        Assert.True(s.Urgent);
        Assert.Equal("B2", s.Grading.Code);
    }

    public static IEnumerable<object[]> InvalidFields()
    {
        object[] Case(string name, Action<SignalIntakeInput> change, string field, string message) => [name, change, field, message];
        yield return Case("no reporter", i => i.ReporterName = " ", "ReporterName", "Vul de naam van de melder in.");
        yield return Case("no date", i => i.ObservedOn = "", "ObservedOn", "Vul de datum van de waarneming in.");
        yield return Case("bad date", i => i.ObservedOn = "31-02-2026", "ObservedOn", "Vul een datum in als");
        yield return Case("future date", i => i.ObservedOn = "2026-12-01", "ObservedOn", "in de toekomst");
        yield return Case("no municipality", i => i.Place.Municipality = null, "Place.Municipality", "Kies de gemeente");
        yield return Case("unknown municipality", i => i.Place.Municipality = "GM9999", "Place.Municipality", "Kies een gemeente uit de lijst.");
        yield return Case("bad postcode", i => i.Place.Postcode = "7601", "Place.Postcode", "Vul ook de twee letters van de postcode in");
        yield return Case("postcode SS", i => i.Place.Postcode = "7601 SS", "Place.Postcode", "worden in Nederlandse postcodes niet gebruikt");
        yield return Case("missing house number", i => i.Place.HouseNumber = "", "Place.HouseNumber", "Vul het huisnummer van het adres in.");
        yield return Case("bad house number", i => i.Place.HouseNumber = "0", "Place.HouseNumber", "Huisnummer 0 bestaat niet");
        yield return Case("no form", i => i.Form = null, "Form", "Kies de vermoede vorm van uitbuiting");
        yield return Case("numeric form", i => i.Form = "2", "Form", "Kies een vorm van uitbuiting uit de lijst.");
        yield return Case("bad sector", i => i.Sector = "Mijnbouw", "Sector", "Kies een sector uit de lijst.");
        yield return Case("unknown indicator", i => i.Indicators = ["XYZ.99"], "Indicators", "staat niet op de signaalkaart");
        yield return Case("no indicator", i => i.Indicators = [], "Indicators", "Kies minstens één indicator");
        yield return Case("bad grading", i => i.Grading = "Z9", "Grading", "zoals B2");
        yield return Case("police basis for a municipality", i => i.LegalBasis = "PoliceDataAct", "LegalBasis", "kan deze grondslag niet gebruiken");
        yield return Case("bad handling code", i => i.HandlingCode = "H7", "HandlingCode", "Kies een verstrekkingscode H1 tot en met H4.");
        yield return Case("long note", i => i.Note = new string('x', Signal.MaxNoteLength + 1), "Note", "De toelichting is te lang");
        yield return Case("unknown kind", i => i.Mentions[0].Kind = "Event", "Mentions[0].Kind", "Kies het soort entiteit");
        yield return Case("person without name", i => i.Mentions[0].Values = new() { ["nationality"] = "RO" }, "Mentions[0].Values[lastName]", "Vul minstens een voornaam");
        yield return Case("bad nationality", i => i.Mentions[0].Values["nationality"] = "Roemeens", "Mentions[0].Values[nationality]", "tweeletterige landcode");
        yield return Case("unknown property", i => i.Mentions[0].Values["shoeSize"] = "44", "Mentions[0].Values[shoeSize]", "heeft geen gegeven");
        yield return Case("document without country", i => i.Mentions[1].Values.Remove("issuingCountry"), "Mentions[1].Values[issuingCountry]", "Vul het land van afgifte in");
        yield return Case("bad phone", i => i.Mentions[2].Values["number"] = "12", "Mentions[2].Values[number]", "telefoonnummer");
        yield return Case("duplicate ref", i => { i.Mentions[1].Ref = "begeleider"; i.Relations.Clear(); }, "Mentions[1].Ref", "komt twee keer voor");
        yield return Case("reserved ref", i => { i.Mentions[0].Ref = "plaats"; i.Relations.Clear(); }, "Mentions[0].Ref", "gereserveerd");
        yield return Case("relation to unknown ref", i => i.Relations[0].To = "niemand", "Relations[0].To", "Er is geen genoemde entiteit");
        yield return Case("relation without type", i => i.Relations[0].Type = "", "Relations[0].Type", "Kies het soort relatie.");
        yield return Case("relation unknown type", i => i.Relations[0].Type = "Loves", "Relations[0].Type", "Kies een soort relatie uit de lijst.");
        yield return Case("relation to itself", i => i.Relations[0].To = "begeleider", "Relations[0].To", "twee verschillende entiteiten");
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void Validate_OneInvalidField_IsRefusedOnThatFieldInDutch(string name, Action<SignalIntakeInput> change, string field, string message)
    {
        var input = Valid();
        change(input);
        var result = SignalIntakeValidator.Validate(input, PartnerKind.Municipality, Today, complete: true);
        Assert.Null(result.Signal);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Field == field && error.Message.Contains(message, StringComparison.Ordinal),
            $"{name}: got {error.Field}: {error.Message}");
    }

    [Fact]
    public void Validate_Draft_AllowsEmptyFields_ButChecksEveryGivenValue()
    {
        var empty = SignalIntakeValidator.Validate(new SignalIntakeInput(), PartnerKind.HealthService, Today, complete: false);
        Assert.Empty(empty.Errors);
        Assert.Null(empty.Signal);

        var partial = new SignalIntakeInput { Place = new PlaceInput { Postcode = "12345" }, Mentions = [new() { Kind = "BankAccount", Values = new() { ["iban"] = "NL00 FOUT" } }] };
        var result = SignalIntakeValidator.Validate(partial, PartnerKind.HealthService, Today, complete: false);
        Assert.Equal(["Mentions[0].Values[iban]", "Place.Postcode"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_TwoRowsWithTheSameExactKey_BecomeOneIdentity()
    {
        var input = Valid();
        input.Mentions.Add(new() { Ref = "tel2", Kind = "Phone", Values = new() { ["number"] = "06-12345678" } });
        var s = SignalIntakeValidator.Validate(input, PartnerKind.Municipality, Today, complete: true).Signal!;
        Assert.Equal(s.Mentions.Single(m => m.Ref == "tel").Identity, s.Mentions.Single(m => m.Ref == "tel2").Identity);
        Assert.Equal(4, s.AllMentions.Count()); // place, person, document, one phone
    }

    [Fact]
    public void Validate_NonCovenantPartner_DefaultsToConsent()
    {
        var input = Valid();
        input.LegalBasis = null;
        var s = SignalIntakeValidator.Validate(input, PartnerKind.HealthService, Today, complete: true).Signal!;
        Assert.Equal(Domain.Provenance.LegalBasis.Consent, s.LegalBasis);
    }

    [Fact]
    public void SignalCardGuide_EveryIndicator_HasAnExplanationAndAnExample_AndTheTwoDeskExamples()
    {
        foreach (var indicator in IndicatorCatalog.All)
        {
            var guide = SignalCardGuide.For(indicator.Code);
            Assert.True(guide is { Explanation.Length: > 40, Example.Length: > 40 }, indicator.Code);
        }
        Assert.Equal(IndicatorCatalog.All.Count(), SignalCardGuide.Explanations.Count);
        var fromCard = SignalCardGuide.Explanations.Where(e => e.FromSignalCard).ToList();
        Assert.Equal(["BRP.01", "BRP.06"], fromCard.Select(e => e.Code));
        Assert.Contains("particuliere woning", fromCard[0].Example);
        Assert.Contains("In de wachtruimte zit een (jonge) vrouw", fromCard[1].Example);
    }
}
