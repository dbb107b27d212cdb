namespace Ketenaanpak.Graph.TestKit;

/// <summary>
/// The one way tests find files of the repository: its root (the folder with Ketenaanpak.Graph.sln), the real datasets
/// in <c>datasets/</c> (copies of shared/datasets with their SOURCES.md) and the peer script <c>bench/peers.py</c>. A clone
/// of the repository alone is enough.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Datasets
    {
        get
        {
            var path = Path.Combine(Root, "datasets");
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"The datasets were not found at {path}.");
            return path;
        }
    }

    public static string Dataset(string fileName) => Path.Combine(Datasets, fileName);

    /// <summary>bench/peers.py: the igraph/networkx peer of the benchmarks and slow sweeps.</summary>
    public static string PeersScript => Path.Combine(Root, "bench", "peers.py");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ketenaanpak.Graph.sln"))) return dir.FullName;
        throw new InvalidOperationException("Ketenaanpak.Graph.sln not found above " + AppContext.BaseDirectory + ": run the tests from inside the repository.");
    }
}
