namespace Ketenaanpak.Graph.TestKit;

/// <summary>Finds the repository and the shared folder beside it, from wherever a test runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared relative to the repository (CI clones the repo with a copy of shared/ beside it).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Datasets
    {
        get
        {
            var path = Path.Combine(Shared, "datasets");
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"The shared datasets were not found at {path}; they must lie in ../shared/datasets beside the repository.");
            return path;
        }
    }

    public static string Dataset(string fileName) => Path.Combine(Datasets, fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ketenaanpak.Graph.sln"))) return dir.FullName;
        throw new InvalidOperationException("Ketenaanpak.Graph.sln not found above " + AppContext.BaseDirectory);
    }
}
