namespace Ketenaanpak.Graph.Cli;

/// <summary>
/// ketenaanpak &lt;command&gt; [flags]: the same configuration keys as the web app (--Storage:Provider,
/// --ConnectionStrings:Graph, --Storage:DataDirectory) apply to every command that touches the store.
/// A named class rather than top-level statements, so that tests can reference both the web app's Program and this.
/// </summary>
public static class EntryPoint
{
    public static Task<int> Main(string[] args) => Commands.RunAsync(args, Console.Out, Console.Error);
}
