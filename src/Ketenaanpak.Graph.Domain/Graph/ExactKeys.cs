namespace Ketenaanpak.Graph.Domain.Graph;

/// <summary>
/// The exact keys that identify an entity across partners (issue: entity resolution links these automatically).
/// Built from canonical statement values, so "NL91 ABNA 0417 1643 00" and "nl91abna0417164300" give one key.
/// Persons have no exact key: names are never enough.
/// </summary>
public static class ExactKeys
{
    public static string Address(string postcodeCanonical, string houseNumberCanonical) =>
        $"{postcodeCanonical.Replace(" ", "")}|{houseNumberCanonical.Replace(" ", "").ToUpperInvariant()}";

    public static string Document(string issuingCountry, string number) =>
        $"{issuingCountry.ToUpperInvariant()}:{new string(number.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant()}";

    /// <summary>The key of a node of <paramref name="kind"/> from its canonical property values, or null if it has none.</summary>
    public static string? For(NodeKind kind, IReadOnlyDictionary<string, string> values)
    {
        string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        return kind switch
        {
            NodeKind.Address when Get("postcode") is { } pc && Get("houseNumber") is { } hn => Address(pc, hn),
            NodeKind.Company => Get("kvkNumber"),
            NodeKind.Document when Get("issuingCountry") is { } c && Get("number") is { } n => Document(c, n),
            NodeKind.BankAccount => Get("iban"),
            NodeKind.Phone => Get("number"),
            NodeKind.Vehicle => Get("licencePlate"),
            NodeKind.OnlineAd => Get("url"),
            _ => null,
        };
    }
}
