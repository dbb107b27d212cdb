using System.Diagnostics;
using System.Globalization;

namespace Ketenaanpak.Graph.Cli.Common;

/// <summary>
/// The peer libraries (igraph, networkx) of the benchmarks: bench/peers.py in the repository (a copy of shared/bench/peers.py), run under
/// Debian's python3, with the child's CPU seconds (GNU time) and the machine's load average for the record.
/// </summary>
public static class Peers
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Ketenaanpak.Graph.sln"))) continue;
            var p = Path.Combine(dir.FullName, "bench", "peers.py");
            if (File.Exists(p)) return p;
        }
        var cwd = Path.GetFullPath(Path.Combine("bench", "peers.py"));
        return File.Exists(cwd) ? cwd : throw new IOException("bench/peers.py not found: run from inside the repository.");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    public static string Python(string peers, string arguments) => Python(peers, arguments, out _);

    public static string Python(string peers, string arguments, out double cpuSeconds)
    {
        // Debian's interpreter has python3-igraph/python3-networkx; the python3 first on PATH may not. GNU time
        // (when present) reports the child's CPU seconds, which .NET cannot read after the process has exited.
        string python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        bool timed = File.Exists("/usr/bin/time");
        var psi = timed
            ? new ProcessStartInfo("/usr/bin/time", $"-f \"KETENAANPAK_CPU %U %S\" {python} {peers} {arguments}")
            : new ProcessStartInfo(python, $"{peers} {arguments}");
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi) ?? throw new IOException("cannot start python3");
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        cpuSeconds = double.NaN;
        var cpuLine = stderrTask.Result.Split('\n').FirstOrDefault(l => l.StartsWith("KETENAANPAK_CPU ", StringComparison.Ordinal));
        if (cpuLine is not null)
        {
            var f = cpuLine.Split(' ');
            cpuSeconds = double.Parse(f[1], CultureInfo.InvariantCulture) + double.Parse(f[2], CultureInfo.InvariantCulture);
        }
        if (p.ExitCode != 0) throw new IOException($"peers.py {arguments} failed: {stderrTask.Result}");
        return stdoutTask.Result;
    }
}
