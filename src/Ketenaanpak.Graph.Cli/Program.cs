using Ketenaanpak.Graph.Cli;

// ketenaanpak <command> [flags]: the same configuration keys as the web app (--Storage:Provider, --ConnectionStrings:Graph,
// --Storage:DataDirectory) apply to every command that touches the store.
return await Commands.RunAsync(args, Console.Out, Console.Error);
