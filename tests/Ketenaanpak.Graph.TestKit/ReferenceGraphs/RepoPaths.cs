namespace Ketenaanpak.Graph.TestKit.ReferenceGraphs;

/// <summary>Finds the repository root (the folder holding Ketenaanpak.Graph.sln) and the shared datasets beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ketenaanpak.Graph.sln"))) return dir.FullName;
        throw new InvalidOperationException(
            $"No Ketenaanpak.Graph.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>../shared/datasets relative to the repository root; throws with a clear message when absent.</summary>
    public static string Datasets
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));
            return Directory.Exists(dir)
                ? dir
                : throw new DirectoryNotFoundException(
                    $"The shared datasets are missing: expected {dir} (clone shared/ as a sibling of the repository).");
        }
    }

    /// <summary>../shared/bench/peers.py relative to the repository root (may not exist).</summary>
    public static string PeersScript => Path.GetFullPath(Path.Combine(Root, "..", "shared", "bench", "peers.py"));

    /// <summary>A dataset file by name.</summary>
    public static string Dataset(string file) => Path.Combine(Datasets, file);
}
