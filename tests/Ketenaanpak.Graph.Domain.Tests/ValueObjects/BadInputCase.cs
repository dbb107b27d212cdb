using System.Text;
using Ketenaanpak.Graph.Domain.ValueObjects;
using Xunit.Abstractions;

namespace Ketenaanpak.Graph.Domain.Tests.ValueObjects;

/// <summary>
/// One row of the bad-input table. Serializable so that every row is its own test case, with a display name that
/// shows control characters and long strings escaped instead of garbling the runner's output.
/// </summary>
public sealed class BadInputCase : IXunitSerializable
{
    public BadInputCase()
    {
    }

    public BadInputCase(string type, string? input, string expectedMessage)
    {
        Type = type;
        Input = input;
        ExpectedMessage = expectedMessage;
    }

    public string Type { get; private set; } = string.Empty;

    public string? Input { get; private set; }

    /// <summary>The whole message, or a part of it that only this failure cause produces.</summary>
    public string ExpectedMessage { get; private set; } = string.Empty;

    /// <summary>Runs the type's TryParse.</summary>
    public (bool Ok, string Error) TryParse() => Type switch
    {
        nameof(Postcode) => Try<Postcode>(Input),
        nameof(HouseNumber) => Try<HouseNumber>(Input),
        nameof(Iban) => Try<Iban>(Input),
        nameof(KvkNumber) => Try<KvkNumber>(Input),
        nameof(PhoneNumber) => Try<PhoneNumber>(Input),
        nameof(LicencePlate) => Try<LicencePlate>(Input),
        nameof(DateOfBirth) => Try<DateOfBirth>(Input),
        _ => throw new InvalidOperationException($"Unknown type {Type}"),
    };

    /// <summary>Runs the type's Parse, which should throw.</summary>
    public void Parse()
    {
        _ = Type switch
        {
            nameof(Postcode) => (object)Postcode.Parse(Input),
            nameof(HouseNumber) => HouseNumber.Parse(Input),
            nameof(Iban) => Iban.Parse(Input),
            nameof(KvkNumber) => KvkNumber.Parse(Input),
            nameof(PhoneNumber) => PhoneNumber.Parse(Input),
            nameof(LicencePlate) => LicencePlate.Parse(Input),
            nameof(DateOfBirth) => DateOfBirth.Parse(Input),
            _ => throw new InvalidOperationException($"Unknown type {Type}"),
        };
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        Type = info.GetValue<string>(nameof(Type));
        var units = info.GetValue<int[]?>(nameof(Input));
        Input = units is null ? null : new string(units.Select(u => (char)u).ToArray());
        ExpectedMessage = info.GetValue<string>(nameof(ExpectedMessage));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Type), Type);
        // As UTF-16 code units: a string would pass through UTF-8 and lose a lone surrogate to U+FFFD.
        info.AddValue(nameof(Input), Input?.Select(c => (int)c).ToArray());
        info.AddValue(nameof(ExpectedMessage), ExpectedMessage);
    }

    public override string ToString() => $"{Type}: {Describe(Input)}";

    private static (bool, string) Try<T>(string? input) where T : class, IParsableValue<T> =>
        (T.TryParse(input, out _, out var error), error);

    private static string Describe(string? input)
    {
        if (input is null)
        {
            return "null";
        }

        if (input.Length > 40)
        {
            return $"<{input.Length} chars: {Describe(input[..12])}...>";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in input)
        {
            // Everything outside printable ASCII is escaped, so bidi overrides cannot reorder the runner's output.
            sb.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return sb.Append('"').ToString();
    }
}
