namespace Ketenaanpak.Graph.Cli.Analyse;

public static class BenchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => 2;
}
