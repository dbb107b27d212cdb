using System.ComponentModel.DataAnnotations;

namespace Ketenaanpak.Graph.Infrastructure.Persistence;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Section "Storage": which store, and where the embedded one keeps its files.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite database and the embedded Hangfire store; relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up (on by default; a server install may migrate separately).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>From ConnectionStrings:Graph; required for PostgreSQL, derived from DataDirectory for SQLite.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult(
                "Storage:Provider is PostgreSql but ConnectionStrings:Graph is empty. Set it, e.g. " +
                "--ConnectionStrings:Graph \"Host=127.0.0.1;Database=ketenaanpak;Username=ketenaanpak;Password=...\".",
                [nameof(ConnectionString)]);
    }

    /// <summary>
    /// How long a write on the embedded store waits for another writer (a large import holds the write lock while it
    /// commits) before it gives up; a private cache per connection, not a shared one, whose table locks failed at once
    /// with "database table is locked" instead of waiting (ADR-013).
    /// </summary>
    public const int SqliteBusyTimeoutSeconds = 300;

    public string SqliteDatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "ketenaanpak.db"));

    public string HangfireSqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, "hangfire.db"));

    public string EffectiveConnectionString => Provider == StorageProvider.PostgreSql
        ? ConnectionString!
        : string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={SqliteDatabasePath};Pooling=True;Default Timeout={SqliteBusyTimeoutSeconds}" : ConnectionString!;
}
