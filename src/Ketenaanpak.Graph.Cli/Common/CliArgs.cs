using System.Globalization;

namespace Ketenaanpak.Graph.Cli.Common;

/// <summary>A wrong flag or value: printed as one line, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>
/// The flags of one command: "--name value" pairs and bare positional words. Configuration keys (with a colon) are
/// left to the host's configuration and ignored here.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string> _flags = new(StringComparer.OrdinalIgnoreCase);

    public CliArgs(IReadOnlyList<string> args, params string[] switches)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) { Positional.Add(arg); continue; }
            var name = arg[2..];
            var eq = name.IndexOf('=');
            if (eq > 0) { _flags[name[..eq]] = name[(eq + 1)..]; continue; }
            if (switches.Contains(name, StringComparer.OrdinalIgnoreCase)) { _flags[name] = "true"; continue; }
            if (i + 1 >= args.Count) throw new CliUsageException($"--{name} needs a value.");
            _flags[name] = args[++i];
        }
    }

    public List<string> Positional { get; } = [];

    public string? Get(string name) => _flags.TryGetValue(name, out var v) ? v : null;

    public string Require(string name) => Get(name) ?? throw new CliUsageException($"--{name} is required.");

    public bool Has(string name) => _flags.ContainsKey(name);

    /// <summary>
    /// Rejects positional words and flags outside <paramref name="known"/>, so that a typo such as --node is an error
    /// rather than silently ignored. Configuration keys (with a colon) stay allowed.
    /// </summary>
    public void RejectUnknown(params string[] known)
    {
        if (Positional.Count > 0) throw new CliUsageException($"unexpected argument '{Positional[0]}'.");
        foreach (var name in _flags.Keys)
            if (!name.Contains(':') && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new CliUsageException($"unknown flag --{name}; expected one of {string.Join(", ", known.Select(k => "--" + k))}.");
    }

    public long Long(string name, long? fallback = null, long min = long.MinValue, long max = long.MaxValue)
    {
        var text = Get(name);
        if (text is null) return fallback ?? throw new CliUsageException($"--{name} is required.");
        if (!long.TryParse(text.Replace("_", ""), NumberStyles.AllowExponent | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && !TryScientific(text, out value))
            throw new CliUsageException($"--{name} must be a whole number, got '{text}'.");
        if (value < min || value > max) throw new CliUsageException($"--{name} must be between {min} and {max}, got {value}.");
        return value;
    }

    private static bool TryScientific(string text, out long value)
    {
        value = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != Math.Floor(d) || d > long.MaxValue) return false;
        value = (long)d;
        return true;
    }
}
