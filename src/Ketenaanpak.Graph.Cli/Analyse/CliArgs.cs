using System.Globalization;

namespace Ketenaanpak.Graph.Cli.Analyse;

/// <summary>Tiny "--flag value" parser: the analyse verbs have few options and must not pull a framework in.</summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CliArgs Parse(string[] args, params string[] switches)
    {
        var r = new CliArgs();
        for (int i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (switches.Contains(a)) { r._switches.Add(a); continue; }
                if (i + 1 >= args.Length) throw new ArgumentException($"{a} needs a value");
                r._flags[a] = args[++i];
            }
            else r.Positional.Add(a);
        }
        return r;
    }

    public string? Get(string flag) => _flags.GetValueOrDefault(flag);

    public bool Has(string flag) => _switches.Contains(flag);

    public int GetInt(string flag, int fallback) =>
        _flags.TryGetValue(flag, out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;
}
