using Ketenaanpak.Graph.Cli.Analyse;

// Minimal dispatch for the analytics branch; the lead merges these verbs into the real command line.
return args.FirstOrDefault() switch
{
    "analyse" or "analyze" => AnalyseCommand.Run(args[1..], Console.Out, Console.Error),
    "bench" => BenchCommand.Run(args[1..], Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ketenaanpak analyse <algo> --input FILE [options] | ketenaanpak bench <algo> [options]");
    return 2;
}
