using System.ComponentModel.DataAnnotations;

namespace Ketenaanpak.Graph.Infrastructure.Persistence;

/// <summary>Section "Demo": the fictional Twente region loaded on first start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo region into an empty store. Unset: on for SQLite (the embedded default), off for PostgreSQL.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Seed of the generator: the same seed gives the same region, name for name.</summary>
    [Range(1, int.MaxValue)]
    public int Seed { get; set; } = 2014;

    /// <summary>Password of the demo users (security issue); generated and printed once when empty.</summary>
    public string? Password { get; set; }

    public bool IsEnabledFor(StorageProvider provider) => Enabled ?? provider == StorageProvider.Sqlite;
}
