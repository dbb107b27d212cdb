using System.Globalization;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Domain.Graph;

/// <summary>How the value of a property is parsed and normalised.</summary>
public enum PropertyType
{
    Text,
    Name,
    DateOfBirth,
    Date,
    Postcode,
    HouseNumber,
    Iban,
    KvkNumber,
    Phone,
    LicencePlate,
    Country,
    Boolean,
    Url,
    Enumeration,
}

/// <summary>One property a node of a kind can carry. <paramref name="FtmName"/> is the FollowTheMoney property.</summary>
public sealed record PropertyDefinition(string Name, string DutchLabel, PropertyType Type, string FtmName,
    IReadOnlyList<string>? AllowedValues = null);

/// <summary>
/// The properties of each node kind, aligned with FollowTheMoney so that FtM data imports and exports losslessly.
/// Every statement value passes <see cref="Normalise"/>: values are stored in one canonical form
/// (postcode "7511 AB", IBAN without spaces, phone E.164), which is what makes exact-key linking work.
/// </summary>
public static class NodeSchema
{
    private static readonly string[] Sexes = ["man", "vrouw", "anders", "onbekend"];

    private static readonly Dictionary<NodeKind, PropertyDefinition[]> Properties = new()
    {
        [NodeKind.Person] =
        [
            new("firstName", "Voornaam", PropertyType.Name, "firstName"),
            new("lastName", "Achternaam", PropertyType.Name, "lastName"),
            new("alias", "Alias", PropertyType.Name, "alias"),
            new("birthDate", "Geboortedatum", PropertyType.DateOfBirth, "birthDate"),
            new("nationality", "Nationaliteit", PropertyType.Country, "nationality"),
            new("sex", "Geslacht", PropertyType.Enumeration, "gender", Sexes),
        ],
        [NodeKind.Address] =
        [
            new("street", "Straat", PropertyType.Text, "street"),
            new("houseNumber", "Huisnummer", PropertyType.HouseNumber, "remarks"),
            new("postcode", "Postcode", PropertyType.Postcode, "postalCode"),
            new("town", "Plaats", PropertyType.Text, "city"),
            new("municipality", "Gemeente", PropertyType.Text, "region"),
            new("country", "Land", PropertyType.Country, "country"),
            new("locationType", "Soort locatie", PropertyType.Enumeration, "keywords", Enum.GetNames<LocationType>()),
        ],
        [NodeKind.Company] =
        [
            new("name", "Naam", PropertyType.Name, "name"),
            new("kvkNumber", "KvK-nummer", PropertyType.KvkNumber, "registrationNumber"),
            new("sector", "Sector", PropertyType.Enumeration, "sector", Enum.GetNames<Sector>()),
            new("isEmploymentAgency", "Uitzendbureau", PropertyType.Boolean, "classification"),
            new("country", "Land", PropertyType.Country, "jurisdiction"),
        ],
        [NodeKind.Document] =
        [
            new("documentType", "Soort document", PropertyType.Enumeration, "type",
                ["Paspoort", "IdentiteitsKaart", "Verblijfsvergunning", "Rijbewijs", "Tewerkstellingsvergunning", "Overig"]),
            new("number", "Documentnummer", PropertyType.Text, "number"),
            new("issuingCountry", "Land van afgifte", PropertyType.Country, "country"),
            new("suspectedFalse", "Vermoedelijk vals", PropertyType.Boolean, "summary"),
        ],
        [NodeKind.BankAccount] =
        [
            new("iban", "IBAN", PropertyType.Iban, "iban"),
            new("bankName", "Bank", PropertyType.Text, "bankName"),
        ],
        [NodeKind.Phone] =
        [
            new("number", "Telefoonnummer", PropertyType.Phone, "number"),
        ],
        [NodeKind.Vehicle] =
        [
            new("licencePlate", "Kenteken", PropertyType.LicencePlate, "registrationNumber"),
            new("make", "Merk en type", PropertyType.Text, "model"),
        ],
        [NodeKind.OnlineAd] =
        [
            new("platform", "Platform", PropertyType.Text, "publisher"),
            new("url", "Adres (URL)", PropertyType.Url, "sourceUrl"),
            new("title", "Titel", PropertyType.Text, "title"),
        ],
        [NodeKind.Event] =
        [
            new("name", "Naam", PropertyType.Text, "name"),
            new("date", "Datum", PropertyType.Date, "date"),
        ],
    };

    public static IReadOnlyList<PropertyDefinition> Of(NodeKind kind) => Properties[kind];

    public static PropertyDefinition? Property(NodeKind kind, string? name) =>
        Properties.TryGetValue(kind, out var list) ? list.FirstOrDefault(p => p.Name == name) : null;

    /// <summary>Parses <paramref name="value"/> as the property's type and returns its canonical form.</summary>
    /// <exception cref="DomainException">With a Dutch message that names the property.</exception>
    public static string Normalise(PropertyDefinition property, string? value)
    {
        if (TryNormalise(property, value, out var normalised, out var error)) return normalised;
        throw new DomainException($"{property.DutchLabel}: {error}", property.Name);
    }

    public static bool TryNormalise(PropertyDefinition property, string? value, out string normalised, out string error)
    {
        switch (property.Type)
        {
            case PropertyType.Postcode: return Parse<Postcode>(value, out normalised, out error);
            case PropertyType.HouseNumber: return Parse<HouseNumber>(value, out normalised, out error);
            case PropertyType.Iban: return Parse<Iban>(value, out normalised, out error);
            case PropertyType.KvkNumber: return Parse<KvkNumber>(value, out normalised, out error);
            case PropertyType.Phone: return Parse<PhoneNumber>(value, out normalised, out error);
            case PropertyType.LicencePlate: return Parse<LicencePlate>(value, out normalised, out error);
            case PropertyType.DateOfBirth: return Parse<DateOfBirth>(value, out normalised, out error);
        }

        normalised = "";
        if (!InputHygiene.TryClean(value, "een waarde", Statement.MaxValueLength, out var text, out error)) return false;
        switch (property.Type)
        {
            case PropertyType.Date:
                if (!TypedInput.TryDate(text, out var date))
                {
                    error = "Vul een datum in als 2024-03-14 of 14-3-2024.";
                    return false;
                }
                normalised = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return true;
            case PropertyType.Country:
                var upper = text.ToUpperInvariant();
                if (upper.Length != 2 || !upper.All(char.IsAsciiLetterUpper))
                {
                    error = "Gebruik de tweeletterige landcode, zoals NL, PL of RO.";
                    return false;
                }
                normalised = upper;
                return true;
            case PropertyType.Boolean:
                var lower = text.ToLowerInvariant();
                if (lower is "ja" or "true" or "1" or "yes") { normalised = "true"; return true; }
                if (lower is "nee" or "false" or "0" or "no") { normalised = "false"; return true; }
                error = "Vul ja of nee in.";
                return false;
            case PropertyType.Url:
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    error = "Vul een volledig webadres in dat begint met http:// of https://.";
                    return false;
                }
                normalised = uri.ToString();
                return true;
            case PropertyType.Enumeration:
                var match = property.AllowedValues?.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    error = $"Kies een van: {string.Join(", ", property.AllowedValues ?? [])}.";
                    return false;
                }
                normalised = match;
                return true;
            default: // Text, Name: collapse inner whitespace; names keep their diacritics (search folds them).
                normalised = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                return true;
        }
    }

    private static bool Parse<T>(string? input, out string normalised, out string error) where T : class, IParsableValue<T>
    {
        var ok = T.TryParse(input, out var value, out error);
        normalised = ok ? value!.Value : "";
        return ok;
    }
}
