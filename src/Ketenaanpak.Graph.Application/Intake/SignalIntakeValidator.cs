using Ketenaanpak.Graph.Domain.Common;
using System.Globalization;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Application.Intake;

/// <summary>One refused field: <see cref="Field"/> is the form's input name (Place.Postcode, Mentions[2].Values[iban]).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>A mentioned entity after validation: canonical values, caption, and its exact key (null for persons).</summary>
public sealed record ValidatedMention(string Ref, NodeKind Kind, string? Role, IReadOnlyDictionary<string, string> Values, string Caption, string? ExactKey)
{
    /// <summary>Two mentions with the same identity become one node: the same exact key, or the same ref.</summary>
    public string Identity => ExactKey is null ? "ref:" + Ref : $"{Kind}:{ExactKey}";
}

public sealed record ValidatedRelation(string From, RelationType Type, string To, string? Detail);

/// <summary>A complete, valid signal, ready to be stored.</summary>
public sealed record ValidatedSignal(string ReporterName, DateOnly ObservedOn, string MunicipalityCode, ValidatedMention? Place,
    ExploitationForm Form, string? LegalQualification, Sector Sector, IReadOnlyList<string> Indicators,
    IReadOnlyList<ValidatedMention> Mentions, IReadOnlyList<ValidatedRelation> Relations, Grading Grading, LegalBasis LegalBasis,
    HandlingCode HandlingCode, string? Note, bool Urgent, string? Reference)
{
    /// <summary>The place first, then the mentions, each identity once.</summary>
    public IEnumerable<ValidatedMention> AllMentions => (Place is null ? Mentions : Mentions.Prepend(Place)).DistinctBy(m => m.Identity);
}

public sealed record IntakeValidation(IReadOnlyList<FieldError> Errors, ValidatedSignal? Signal)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a signal field by field, in Dutch. A draft (<c>complete: false</c>) may leave fields empty, but every value it
/// does give must be valid; a submission (<c>complete: true</c>) must be whole. Values are parsed by the value objects
/// (postcode, house number, IBAN, phone, …) through <see cref="NodeSchema"/>, so what is stored is canonical and exact
/// keys match what is already in the store.
/// </summary>
public static class SignalIntakeValidator
{
    public const int MaxMentions = 100;
    public const int MaxRelations = 200;
    public const int MaxRefLength = 40;
    public const int MaxRoleLength = 60;
    public const int MaxReferenceLength = 200;
    public const string PlaceRef = "plaats";
    public const string PlaceRole = "plaats van waarneming";

    /// <summary>Kinds a signal can mention (events are an import-only kind).</summary>
    public static readonly NodeKind[] MentionKinds =
        [NodeKind.Person, NodeKind.Address, NodeKind.Company, NodeKind.Document, NodeKind.BankAccount, NodeKind.Phone, NodeKind.Vehicle, NodeKind.OnlineAd];

    public static IntakeValidation Validate(SignalIntakeInput input, PartnerKind partnerKind, DateOnly today, bool complete)
    {
        var errors = new List<FieldError>();
        void Error(string field, string message) => errors.Add(new FieldError(field, message));

        var reporter = Text(input.ReporterName, 200, "De naam van de melder", nameof(input.ReporterName), complete, errors, "Vul de naam van de melder in.");

        DateOnly? observed = null;
        if (Blank(input.ObservedOn)) { if (complete) Error(nameof(input.ObservedOn), "Vul de datum van de waarneming in."); }
        else if (!TypedInput.TryDate(input.ObservedOn, out var date))
            Error(nameof(input.ObservedOn), "Vul een datum in als 2026-03-14 of 14-3-2026.");
        else if (IntakeRules.CheckObservedOn(date, today) is { } dateError) Error(nameof(input.ObservedOn), dateError);
        else observed = date;

        var place = input.Place ?? new PlaceInput();
        string? municipality = null;
        if (Blank(place.Municipality)) { if (complete) Error("Place.Municipality", "Kies de gemeente waar het signaal speelt."); }
        else if (Municipality.Find(place.Municipality!.Trim()) is null) Error("Place.Municipality", "Kies een gemeente uit de lijst.");
        else municipality = place.Municipality.Trim();
        var placeMention = ValidatePlace(place, municipality, complete, errors);

        var form = EnumValue<ExploitationForm>(input.Form, nameof(input.Form), complete, errors,
            "Kies de vermoede vorm van uitbuiting (of Onbekend).", "Kies een vorm van uitbuiting uit de lijst.");
        var qualification = Text(input.LegalQualification, 200, "De juridische kwalificatie", nameof(input.LegalQualification), false, errors, null);
        var sector = EnumValue<Sector>(input.Sector, nameof(input.Sector), complete, errors,
            "Kies de sector (of Onbekend).", "Kies een sector uit de lijst.");

        var indicators = new List<string>();
        foreach (var code in input.Indicators ?? [])
        {
            if (Blank(code)) continue;
            if (IndicatorCatalog.Find(code) is { } indicator) { if (!indicators.Contains(indicator.Code)) indicators.Add(indicator.Code); }
            else Error(nameof(input.Indicators), $"Indicator '{Short(code)}' staat niet op de signaalkaart.");
        }
        if (complete && indicators.Count == 0 && !errors.Any(e => e.Field == nameof(input.Indicators)))
            Error(nameof(input.Indicators), "Kies minstens één indicator van de signaalkaart.");

        var mentions = ValidateMentions(input.Mentions ?? [], complete, errors);
        var relations = ValidateRelations(input.Relations ?? [], mentions, placeMention, input.Mentions ?? [], complete, errors);

        var grading = Grading.Default;
        if (!Blank(input.Grading) && !Grading.TryParse(input.Grading, out grading, out var gradingError)) Error(nameof(input.Grading), gradingError);

        var basis = partnerKind.DefaultLegalBasis();
        if (!Blank(input.LegalBasis))
        {
            if (!TryName(input.LegalBasis, out basis)) Error(nameof(input.LegalBasis), "Kies een grondslag uit de lijst.");
            else if (!partnerKind.MayClaim(basis))
                Error(nameof(input.LegalBasis), $"Uw organisatie ({partnerKind.Dutch()}) kan deze grondslag niet gebruiken: {basis.Dutch()}.");
        }

        var handling = HandlingCode.Chain;
        if (!Blank(input.HandlingCode) && !TryHandlingCode(input.HandlingCode!, out handling))
            Error(nameof(input.HandlingCode), "Kies een verstrekkingscode H1 tot en met H4.");

        string? note = null;
        if (!Blank(input.Note))
        {
            var trimmed = input.Note!.Trim();
            if (trimmed.Length > Signal.MaxNoteLength)
                Error(nameof(input.Note), $"De toelichting is te lang: maximaal {Signal.MaxNoteLength} tekens. Gebruik zo veel mogelijk indicatoren.");
            else if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                Error(nameof(input.Note), "De toelichting bevat een verborgen stuurteken; typ de tekst opnieuw in.");
            else note = trimmed;
        }
        var reference = Text(input.Reference, MaxReferenceLength, "De referentie", nameof(input.Reference), false, errors, null);

        if (errors.Count > 0 || !complete) return new IntakeValidation(errors, null);
        return new IntakeValidation(errors, new ValidatedSignal(reporter!, observed!.Value, municipality!, placeMention, form!.Value, qualification,
            sector!.Value, indicators, mentions.Where(m => m is not null).Select(m => m!).ToList(), relations, grading, basis, handling, note,
            input.Urgent, reference));
    }

    private static ValidatedMention? ValidatePlace(PlaceInput place, string? municipality, bool complete, List<FieldError> errors)
    {
        if (!place.HasAddress && Blank(place.LocationType)) return null;
        var values = new Dictionary<string, string?>
        {
            ["street"] = place.Street, ["houseNumber"] = place.HouseNumber, ["postcode"] = place.Postcode, ["town"] = place.Town,
            ["locationType"] = place.LocationType,
        };
        var canonical = new Dictionary<string, string>();
        var ok = true;
        foreach (var (name, value) in values)
        {
            if (Blank(value)) continue;
            var field = "Place." + char.ToUpperInvariant(name[0]) + name[1..];
            if (NodeSchema.TryNormalise(NodeSchema.Property(NodeKind.Address, name)!, value, out var normalised, out var error)) canonical[name] = normalised;
            else { errors.Add(new FieldError(field, error)); ok = false; }
        }
        if (complete && place.HasAddress)
        {
            if (Blank(place.Postcode)) { errors.Add(new FieldError("Place.Postcode", "Vul de postcode van het adres in, zoals 7511 AB.")); ok = false; }
            if (Blank(place.HouseNumber)) { errors.Add(new FieldError("Place.HouseNumber", "Vul het huisnummer van het adres in.")); ok = false; }
        }
        if (!ok || !place.HasAddress || !canonical.ContainsKey("postcode") || !canonical.ContainsKey("houseNumber")) return null;
        if (municipality is not null) canonical["municipality"] = Municipality.NameOf(municipality);
        canonical["country"] = "NL";
        return Mention(PlaceRef, NodeKind.Address, PlaceRole, canonical);
    }

    private static List<ValidatedMention?> ValidateMentions(List<MentionInput> inputs, bool complete, List<FieldError> errors)
    {
        var result = new List<ValidatedMention?>();
        if (inputs.Count > MaxMentions)
        {
            errors.Add(new FieldError("Mentions", $"Noem hoogstens {MaxMentions} entiteiten in één signaal."));
            return result;
        }
        var refs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var m = inputs[i] ?? new MentionInput();
            var prefix = $"Mentions[{i}]";
            var ok = true;
            void Error(string field, string message) { errors.Add(new FieldError(prefix + field, message)); ok = false; }

            var reference = string.IsNullOrWhiteSpace(m.Ref) ? $"m{i + 1}" : m.Ref.Trim();
            if (reference.Length > MaxRefLength || !reference.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                Error(".Ref", $"Een verwijzing bestaat uit hoogstens {MaxRefLength} letters, cijfers, - of _.");
            else if (string.Equals(reference, PlaceRef, StringComparison.OrdinalIgnoreCase))
                Error(".Ref", $"De verwijzing '{PlaceRef}' is gereserveerd voor de plaats van waarneming.");
            else if (!refs.Add(reference)) Error(".Ref", $"De verwijzing '{reference}' komt twee keer voor.");

            NodeKind kind = default;
            if (Blank(m.Kind) || !TryName(m.Kind, out kind) || !MentionKinds.Contains(kind))
            {
                Error(".Kind", "Kies het soort entiteit: persoon, adres, bedrijf, document, rekening, telefoon, voertuig of advertentie.");
                result.Add(null);
                continue;
            }
            string? role = null;
            if (!Blank(m.Role))
            {
                role = m.Role!.Trim();
                if (role.Length > MaxRoleLength || role.Any(char.IsControl)) Error(".Role", $"De rol heeft hoogstens {MaxRoleLength} tekens, zoals begeleider.");
            }

            var canonical = new Dictionary<string, string>();
            foreach (var (name, value) in m.Values ?? [])
            {
                if (Blank(value)) continue;
                var definition = NodeSchema.Property(kind, name);
                if (definition is null || (kind == NodeKind.Address && name == "municipality"))
                {
                    Error($".Values[{Short(name)}]", $"Een {NodeKindInfo.Of(kind).DutchLabel.ToLowerInvariant()} heeft geen gegeven '{Short(name)}'.");
                    continue;
                }
                if (NodeSchema.TryNormalise(definition, value, out var normalised, out var error)) canonical[name] = normalised;
                else Error($".Values[{name}]", error);
            }
            if (complete)
                foreach (var (field, message) in MissingRequired(kind, canonical, m.Values ?? []))
                    Error($".Values[{field}]", message);

            var empty = canonical.Count == 0 && !errors.Any(e => e.Field.StartsWith(prefix, StringComparison.Ordinal));
            if (empty && complete) Error(".Kind", "Deze regel is leeg; vul de gegevens in of verwijder de regel.");
            result.Add(ok && canonical.Count > 0 ? Mention(reference, kind, role, canonical) : null);
        }
        return result;
    }

    /// <summary>What a submitted mention must carry to be an entity: a name, or the identifier that makes it findable.</summary>
    private static IEnumerable<(string Field, string Message)> MissingRequired(NodeKind kind, Dictionary<string, string> values,
        Dictionary<string, string?> raw)
    {
        // A value that failed to parse already has its own message; only report what was left empty.
        bool Missing(string name) => !values.ContainsKey(name) && Blank(raw.GetValueOrDefault(name));
        switch (kind)
        {
            case NodeKind.Person when Missing("firstName") && Missing("lastName") && Missing("alias"):
                yield return ("lastName", "Vul minstens een voornaam, achternaam of alias in."); break;
            case NodeKind.Address:
                if (Missing("postcode")) yield return ("postcode", "Vul de postcode van het adres in, zoals 7511 AB.");
                if (Missing("houseNumber")) yield return ("houseNumber", "Vul het huisnummer van het adres in.");
                break;
            case NodeKind.Company when Missing("name") && Missing("kvkNumber"):
                yield return ("name", "Vul de naam of het KvK-nummer van het bedrijf in."); break;
            case NodeKind.Document:
                if (Missing("number")) yield return ("number", "Vul het documentnummer in.");
                if (Missing("issuingCountry")) yield return ("issuingCountry", "Vul het land van afgifte in, zoals RO.");
                break;
            case NodeKind.BankAccount when Missing("iban"): yield return ("iban", "Vul het IBAN-nummer in."); break;
            case NodeKind.Phone when Missing("number"): yield return ("number", "Vul het telefoonnummer in."); break;
            case NodeKind.Vehicle when Missing("licencePlate"): yield return ("licencePlate", "Vul het kenteken in."); break;
            case NodeKind.OnlineAd when Missing("url"): yield return ("url", "Vul het webadres van de advertentie in."); break;
        }
    }

    private static List<ValidatedRelation> ValidateRelations(List<RelationInput> inputs, List<ValidatedMention?> mentions, ValidatedMention? place,
        List<MentionInput> rawMentions, bool complete, List<FieldError> errors)
    {
        var result = new List<ValidatedRelation>();
        if (inputs.Count > MaxRelations)
        {
            errors.Add(new FieldError("Relations", $"Leg hoogstens {MaxRelations} relaties vast in één signaal."));
            return result;
        }
        // Refs as typed (also of rows that did not validate), so a wrong row does not give a second, misleading error.
        var known = rawMentions.Select((m, i) => string.IsNullOrWhiteSpace(m?.Ref) ? $"m{i + 1}" : m.Ref.Trim())
            .Append(PlaceRef).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byRef = mentions.Where(m => m is not null).Select(m => m!).Concat(place is null ? [] : [place])
            .ToDictionary(m => m.Ref, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var r = inputs[i] ?? new RelationInput();
            var prefix = $"Relations[{i}]";
            var before = errors.Count;
            if (Blank(r.From) && Blank(r.Type) && Blank(r.To) && Blank(r.Detail)) continue; // an empty row from the form
            string? End(string? value, string field, string what)
            {
                if (Blank(value)) { if (complete) errors.Add(new FieldError(prefix + field, $"Kies {what} van de relatie.")); return null; }
                var v = value!.Trim();
                if (!known.Contains(v)) { errors.Add(new FieldError(prefix + field, $"Er is geen genoemde entiteit met verwijzing '{Short(v)}'.")); return null; }
                if (string.Equals(v, PlaceRef, StringComparison.OrdinalIgnoreCase) && place is null && complete)
                    errors.Add(new FieldError(prefix + field, "Vul eerst het adres van de plaats van waarneming in."));
                return v;
            }
            var from = End(r.From, ".From", "het begin");
            var to = End(r.To, ".To", "het einde");
            RelationType type = default;
            if (Blank(r.Type)) { if (complete) errors.Add(new FieldError(prefix + ".Type", "Kies het soort relatie.")); }
            else if (!TryName(r.Type, out type) || type == RelationType.LinkedTo) errors.Add(new FieldError(prefix + ".Type", "Kies een soort relatie uit de lijst."));
            string? detail = null;
            if (!Blank(r.Detail))
            {
                detail = r.Detail!.Trim();
                if (detail.Length > Domain.Graph.Relation.MaxDetailLength || detail.Any(char.IsControl))
                    errors.Add(new FieldError(prefix + ".Detail", $"De toelichting bij een relatie heeft hoogstens {Domain.Graph.Relation.MaxDetailLength} tekens op één regel."));
            }
            if (from is not null && to is not null && byRef.TryGetValue(from, out var a) && byRef.TryGetValue(to, out var b) && a.Identity == b.Identity)
                errors.Add(new FieldError(prefix + ".To", "Een relatie verbindt twee verschillende entiteiten; deze twee zijn dezelfde."));
            if (errors.Count == before && from is not null && to is not null && !Blank(r.Type))
                result.Add(new ValidatedRelation(from, type, to, detail));
        }
        return result;
    }

    private static ValidatedMention Mention(string reference, NodeKind kind, string? role, Dictionary<string, string> values) =>
        new(reference, kind, role, values, Caption(kind, values), kind == NodeKind.Person ? null : ExactKeys.For(kind, values));

    /// <summary>What the network shows for a new node, built from the values the reporter gave.</summary>
    public static string Caption(NodeKind kind, IReadOnlyDictionary<string, string> v)
    {
        string G(string name) => v.TryGetValue(name, out var s) ? s : "";
        static string Join(string sep, params string[] parts) => string.Join(sep, parts.Where(p => p.Length > 0));
        var caption = kind switch
        {
            NodeKind.Person => Join(" ", G("firstName"), G("lastName")) is { Length: > 0 } name ? name : G("alias"),
            NodeKind.Address => Join(", ", Join(" ", G("street"), G("houseNumber")), Join(" ", G("postcode"), G("town"))),
            NodeKind.Company => G("name") is { Length: > 0 } n ? n : "KvK " + G("kvkNumber"),
            NodeKind.Document => Join(" ", G("documentType") is { Length: > 0 } t ? t : "Document", G("issuingCountry"), G("number")),
            NodeKind.BankAccount => G("iban"),
            NodeKind.Phone => G("number"),
            NodeKind.Vehicle => G("make") is { Length: > 0 } make ? $"{G("licencePlate")} ({make})" : G("licencePlate"),
            NodeKind.OnlineAd => G("title") is { Length: > 0 } title ? Join(" ", title, G("platform") is { Length: > 0 } p ? $"({p})" : "") : G("url"),
            _ => "",
        };
        caption = caption.Trim();
        if (caption.Length == 0) caption = NodeKindInfo.Of(kind).DutchLabel;
        return caption.Length > Node.MaxCaptionLength ? caption[..(Node.MaxCaptionLength - 1)] + "…" : caption;
    }

    private static string? Text(string? value, int max, string what, string field, bool required, List<FieldError> errors, string? requiredMessage)
    {
        if (Blank(value))
        {
            if (required) errors.Add(new FieldError(field, requiredMessage!));
            return null;
        }
        var trimmed = value!.Trim();
        if (trimmed.Length > max) { errors.Add(new FieldError(field, $"{what} heeft hoogstens {max} tekens.")); return null; }
        if (trimmed.Any(char.IsControl)) { errors.Add(new FieldError(field, $"{what} bevat een verborgen stuurteken; typ de tekst opnieuw in.")); return null; }
        return trimmed;
    }

    private static T? EnumValue<T>(string? value, string field, bool required, List<FieldError> errors, string requiredMessage, string invalidMessage)
        where T : struct, Enum
    {
        if (Blank(value)) { if (required) errors.Add(new FieldError(field, requiredMessage)); return null; }
        if (TryName<T>(value, out var parsed)) return parsed;
        errors.Add(new FieldError(field, invalidMessage));
        return null;
    }

    /// <summary>Enum by name only (case-insensitive): "3" or "Sexual, Labour" are not names.</summary>
    public static bool TryName<T>(string? value, out T result) where T : struct, Enum => TypedInput.TryName(value, out result);

    private static bool TryHandlingCode(string value, out HandlingCode code)
    {
        var text = value.Trim().ToUpperInvariant();
        if (text.Length == 2 && text[0] == 'H' && text[1] is >= '1' and <= '4') { code = (HandlingCode)(text[1] - '0'); return true; }
        return TryName(value, out code);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string Short(string? s) => s is null ? "" : s.Length <= 20 ? s : s[..20] + "…";
}
