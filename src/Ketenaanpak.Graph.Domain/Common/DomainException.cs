namespace Ketenaanpak.Graph.Domain.Common;

/// <summary>
/// A domain rule was broken. <see cref="Exception.Message"/> is written for the user (Dutch) and is safe to show;
/// <see cref="Field"/> names the input that was wrong, where there is one.
/// </summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
