namespace Ketenaanpak.Graph.Web;

/// <summary>
/// Finds the web root. Published, it sits beside the app (publish copies it there); from a source checkout it is the
/// repository's top-level wwwroot/, shared by the app and the front-end tooling (docs/decisions/ADR-003).
/// </summary>
public static class WebRootLocator
{
    public static string? Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(beside)) return beside;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Ketenaanpak.Graph.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                    return Path.Combine(dir.FullName, "wwwroot");
        }
        return null; // ASP.NET Core falls back to ContentRoot/wwwroot
    }
}
