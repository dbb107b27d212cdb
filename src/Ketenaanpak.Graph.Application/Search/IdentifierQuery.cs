using System.Text.RegularExpressions;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.ValueObjects;

namespace Ketenaanpak.Graph.Application.Search;

/// <summary>One way to read a query as an identifier: the node kind, its exact key (or key prefix) and what matched.</summary>
/// <param name="Prefix">True when <paramref name="Key"/> is the start of keys (a postcode without house number) or, for
/// documents, the number after the country (keys are COUNTRY:NUMBER).</param>
public sealed record IdentifierCandidate(NodeKind Kind, string Key, string MatchedOn, bool Prefix = false);

/// <summary>
/// Reads a search query as the identifiers it could be, with the domain's value objects doing the normalisation, so
/// the query meets the exact keys the store holds (<see cref="ExactKeys"/>): <c>7511 AB 12</c> and <c>7511ab12</c> give
/// the same address key, an IBAN with or without spaces one account, <c>+31 6 1234 5678</c> and <c>0612345678</c> one
/// phone. A query can be several things at once (eight digits are a KvK number and perhaps a phone fragment).
/// </summary>
public static partial class IdentifierQuery
{
    [GeneratedRegex(@"^\s*(\d{4})\s*([A-Za-z]{2})(?:[\s,\-]*(\d{1,5}(?:[\s\-]*[A-Za-z0-9]{1,4})?))?\s*$")]
    private static partial Regex PostcodeAndNumber();

    [GeneratedRegex(@"^[\d\s+()\-./]+$")]
    private static partial Regex PhoneLike();

    public static IReadOnlyList<IdentifierCandidate> Read(string query)
    {
        var found = new List<IdentifierCandidate>();
        var text = query.Trim();
        if (PostcodeAndNumber().Match(text) is { Success: true } m && Postcode.TryParse(m.Groups[1].Value + m.Groups[2].Value, out var postcode, out _))
        {
            if (!m.Groups[3].Success)
                found.Add(new(NodeKind.Address, ExactKeys.Address(postcode.Value, "") , "postcode", Prefix: true));
            else if (HouseNumber.TryParse(SplitNumber(m.Groups[3].Value), out var number, out _))
                found.Add(new(NodeKind.Address, ExactKeys.Address(postcode.Value, number.Value), "postcode en huisnummer"));
        }
        if (Iban.TryParse(text, out var iban, out _)) found.Add(new(NodeKind.BankAccount, iban.Value, "IBAN"));
        if (KvkNumber.TryParse(text, out var kvk, out _)) found.Add(new(NodeKind.Company, kvk.Value, "KvK-nummer"));
        if (PhoneLike().IsMatch(text) && text.Count(char.IsAsciiDigit) >= 9 && PhoneNumber.TryParse(text, out var phone, out _))
            found.Add(new(NodeKind.Phone, phone.Value, "telefoonnummer"));
        if (LicencePlate.TryParse(text, out var plate, out _)) found.Add(new(NodeKind.Vehicle, plate.Value, "kenteken"));
        var compact = new string(text.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (compact.Length >= 6 && compact.Any(char.IsAsciiDigit) && compact.Length == text.Count(c => !char.IsWhiteSpace(c) && c != '-'))
            found.Add(new(NodeKind.Document, ":" + compact, "documentnummer", Prefix: true));
        return found;
    }

    /// <summary>"12a" → "12 a": HouseNumber wants the addition apart from the number when they are written together.</summary>
    private static string SplitNumber(string value)
    {
        var digits = value.TakeWhile(char.IsAsciiDigit).Count();
        return digits < value.Length && char.IsAsciiLetter(value[digits]) ? $"{value[..digits]} {value[digits..]}" : value;
    }
}
