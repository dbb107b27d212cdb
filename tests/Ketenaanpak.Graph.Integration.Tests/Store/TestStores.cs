using Ketenaanpak.Graph.Infrastructure;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ketenaanpak.Graph.Integration.Tests.Store;

/// <summary>
/// A real, empty, migrated store per test class: a fresh SQLite file, or a fresh PostgreSQL database on the server
/// that the test command starts (KETENAANPAK_TEST_PG overrides where it is). Dropped afterwards.
/// </summary>
public abstract class TestStore : IAsyncLifetime
{
    public abstract StorageOptions Options { get; }

    public GraphDbContext NewContext() => new(ContextOptions);

    /// <summary>What the app registers for the context, for code under test that opens its own contexts (the audit log).</summary>
    public DbContextOptions<GraphDbContext> ContextOptions
    {
        get
        {
            var builder = new DbContextOptionsBuilder<GraphDbContext>();
            DependencyInjection.ConfigureStore(builder, Options);
            return builder.Options;
        }
    }

    public virtual async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public abstract Task DisposeAsync();
}

public sealed class SqliteTestStore : TestStore
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ketenaanpak-tests", Guid.NewGuid().ToString("N"));

    public override StorageOptions Options => new() { Provider = StorageProvider.Sqlite, DataDirectory = _directory };

    public string DataDirectory => _directory;

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return base.InitializeAsync();
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlTestStore : TestStore
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("KETENAANPAK_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=ketenaanpak;Password=ketenaanpak;Database=postgres";

    private readonly string _database = "ketenaanpak_test_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database, Pooling = true }.ConnectionString;

    public override StorageOptions Options => new() { Provider = StorageProvider.PostgreSql, ConnectionString = ConnectionString };

    public override async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(ServerConnectionString))
        {
            try { await admin.OpenAsync(); }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
            {
                throw new InvalidOperationException(
                    "PostgreSQL is not reachable. Run the tests with the README's test command, which installs and starts it, " +
                    "or point KETENAANPAK_TEST_PG at a server. " + e.Message, e);
            }
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
