using System.Data.Common;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Reports;

/// <summary>
/// Direct SQL over the tables, written by hand for both providers — the independent count the report must equal. It
/// knows the storage, not our query code: enum names as text, DateOnly as ISO text (SQLite) or date (PostgreSQL),
/// instants as Unix milliseconds (SQLite) or timestamptz (PostgreSQL). Years are Dutch calendar years, so the bounds
/// are 00:00 Europe/Amsterdam on 1 January, computed here from the time-zone database.
/// </summary>
public sealed class ReportSql(TestStore store) : IAsyncDisposable
{
    private readonly GraphDbContext _db = store.NewContext();
    public bool IsSqlite => store.Options.Provider == StorageProvider.Sqlite;

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTimeOffset StartOfYear(int year)
    {
        var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly DutchDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime);

    /// <summary>Runs <paramref name="sql"/> with @d0/@d1 (the year's first and next first day) and @t0/@t1 (its instants).</summary>
    public async Task<List<object?[]>> RowsAsync(string sql, int year)
    {
        var connection = _db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "d0", IsSqlite ? $"{year:D4}-01-01" : new DateOnly(year, 1, 1));
        Add(command, "d1", IsSqlite ? $"{year + 1:D4}-01-01" : new DateOnly(year + 1, 1, 1));
        Add(command, "t0", IsSqlite ? StartOfYear(year).ToUnixTimeMilliseconds() : StartOfYear(year));
        Add(command, "t1", IsSqlite ? StartOfYear(year + 1).ToUnixTimeMilliseconds() : StartOfYear(year + 1));
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A <c>SELECT key, COUNT(…) … GROUP BY key</c> as a dictionary.</summary>
    public async Task<Dictionary<string, int>> GroupsAsync(string sql, int year) =>
        (await RowsAsync(sql, year)).ToDictionary(r => Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture)!, r => Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture));

    public async Task<int> CountAsync(string sql, int year) => Convert.ToInt32((await RowsAsync(sql, year)).Single()[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant as the provider returns it.</summary>
    public DateTimeOffset Instant(object value) => value switch
    {
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto,
        _ => throw new InvalidOperationException($"unexpected instant {value.GetType()}"),
    };

    /// <summary>The two-digit month of a DateOnly column.</summary>
    public string Month(string column) => IsSqlite ? $"substr({column}, 6, 2)" : $"to_char({column}, 'MM')";

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
