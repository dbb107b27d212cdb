using Ketenaanpak.Graph.Domain.Common;

namespace Ketenaanpak.Graph.Domain.ValueObjects;

/// <summary>
/// Text could not be parsed into a value object. The message is the same Dutch sentence that the value object's
/// <c>TryParse</c> returns, so a form or import report can show it as is.
/// </summary>
public sealed class ValueParseException(string message, string valueType, string? field = null)
    : DomainException(message, field)
{
    /// <summary>The value object that was being parsed, e.g. <c>Postcode</c>.</summary>
    public string ValueType { get; } = valueType;
}
