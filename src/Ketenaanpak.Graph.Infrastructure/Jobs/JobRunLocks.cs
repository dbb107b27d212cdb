using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Ketenaanpak.Graph.Infrastructure.Jobs;

/// <summary>A lock that one job run holds across instances; null from <see cref="TryAcquire"/> when the wait ran out.</summary>
public interface IJobRunLocks
{
    IDisposable? TryAcquire(string name, TimeSpan wait, CancellationToken cancellationToken);
}

/// <summary>
/// PostgreSQL session advisory locks, one dedicated connection per held lock: the server releases the lock when the
/// connection ends, so an instance that is killed mid-job frees it at once instead of after a lock timeout.
/// </summary>
public sealed class PostgreSqlJobRunLocks(string connectionString) : IJobRunLocks
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    // Not from the pool: the lock lives exactly as long as this physical session.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public IDisposable? TryAcquire(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            connection.Open();
            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
                {
                    command.Parameters.AddWithValue("key", key);
                    if (command.ExecuteScalar() is true) return new Held(connection, key);
                }
                if (DateTime.UtcNow >= deadline) break;
                cancellationToken.WaitHandle.WaitOne(Poll);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        connection.Dispose();
        return null;
    }

    /// <summary>A stable 64-bit key per name (advisory locks are keyed by numbers), namespaced to this application.</summary>
    public static long KeyOf(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("ketenaanpak-job:" + name)), 0);

    private sealed class Held(NpgsqlConnection connection, long key) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                command.ExecuteScalar();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The session is gone (server restart, terminated backend): so is the lock.
            }
            finally
            {
                // Closing ends the session, which releases the lock even if the unlock above failed.
                connection.Dispose();
            }
        }
    }
}

/// <summary>The embedded store runs in one process: a named semaphore per job is enough there.</summary>
public sealed class InProcessJobRunLocks : IJobRunLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public IDisposable? TryAcquire(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return semaphore.Wait(wait, cancellationToken) ? new Held(semaphore) : null;
    }

    private sealed class Held(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;
        public void Dispose() { if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release(); }
    }
}
