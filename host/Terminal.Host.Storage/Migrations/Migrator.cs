using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Terminal.Host.Storage.Migrations;

/// <summary>
/// Applies the embedded migrations (Migrations/&lt;Kind&gt;/NNNN_name.sql) in order, each in its own transaction,
/// recording each in schema_migrations. Running it again applies only what is new.
/// </summary>
public static class Migrator
{
    /// <summary>The migrations shipped for a kind of database, by number.</summary>
    public static IReadOnlyList<(int Number, string Name, string Sql)> Shipped(DatabaseKind kind)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"Terminal.Host.Storage.Migrations.{kind}/";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (int.Parse(file[..4], CultureInfo.InvariantCulture), file, reader.ReadToEnd());
            })
            .OrderBy(m => m.Item1)];
    }

    /// <summary>Brings the database up to the newest schema; returns the migrations applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(DistrictDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var applied = (await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        var now = new List<int>();
        foreach (var (number, name, sql) in Shipped(database.Kind).Where(m => !applied.Contains(m.Number)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await Execute(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@number, @name, @at)",
                new { number, name, at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            now.Add(number);
        }
        return now;
    }

    /// <summary>The newest migration applied.</summary>
    public static async Task<int> VersionAsync(DistrictDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
