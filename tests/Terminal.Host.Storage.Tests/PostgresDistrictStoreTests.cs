using Npgsql;

namespace Terminal.Host.Storage.Tests;

/// <summary>
/// The contract on a real PostgreSQL: the server ./test starts (TERMINAL_TEST_POSTGRES), a new database per test.
/// Without that server the tests fail saying so; they never skip.
/// </summary>
[TestClass]
[TestCategory("Database")]
public sealed class PostgresDistrictStoreTests : DistrictStoreContract
{
    private string _name = "";
    private string _server = "";

    protected override async Task<DistrictDatabase> CreateDatabaseAsync()
    {
        _server = Environment.GetEnvironmentVariable("TERMINAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL is not running for the tests: TERMINAL_TEST_POSTGRES is unset (./test starts a private server; see tests/lib/postgres.sh)");
        _name = "district_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new DistrictDatabase(DatabaseKind.Postgres, new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString());
    }

    protected override async Task DropDatabaseAsync()
    {
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
