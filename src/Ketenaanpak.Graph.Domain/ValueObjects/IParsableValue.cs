using System.Diagnostics.CodeAnalysis;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// The shape every value object in this namespace shares, so that model binders, importers and tests can treat them
/// generically instead of knowing each type.
/// </summary>
/// <typeparam name="TSelf">The value object type itself.</typeparam>
public interface IParsableValue<TSelf> where TSelf : class, IParsableValue<TSelf>
{
    /// <summary>The canonical (normalised) form; two inputs that mean the same value give the same text.</summary>
    string Value { get; }

    /// <summary>
    /// Parses user or import input. Never throws. On failure <paramref name="value"/> is <see langword="null"/> and
    /// <paramref name="error"/> is a Dutch sentence that says what is wrong and how it should look; on success
    /// <paramref name="error"/> is empty.
    /// </summary>
    static abstract bool TryParse(string? input, [MaybeNullWhen(false)] out TSelf value, out string error);

    /// <summary>Parses like <see cref="TryParse"/>, but throws <see cref="ValueParseException"/> on failure.</summary>
    /// <exception cref="ValueParseException">The input is not a valid value; the message says why, in Dutch.</exception>
    static abstract TSelf Parse(string? input);
}
