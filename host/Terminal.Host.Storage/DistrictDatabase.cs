using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Terminal.Host.Storage;

/// <summary>Opens connections to the district database of either kind, set up the same way every time.</summary>
public sealed class DistrictDatabase
{
    /// <summary>A database of <paramref name="kind"/> at <paramref name="connectionString"/>.</summary>
    public DistrictDatabase(DatabaseKind kind, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Kind = kind;
        ConnectionString = connectionString;
    }

    /// <summary>The kind.</summary>
    public DatabaseKind Kind { get; }

    /// <summary>The connection string (never logged: it may hold a password).</summary>
    internal string ConnectionString { get; }

    /// <summary>An embedded SQLite database in <paramref name="path"/>.</summary>
    public static DistrictDatabase SqliteFile(string path) =>
        new(DatabaseKind.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false }.ToString());

    /// <summary>An open connection; SQLite is put in WAL mode with full sync so a commit survives a power cut.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (Kind == DatabaseKind.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
