using Npgsql;
using Terminal.Host.Storage;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>
/// The cable-cut run against a real PostgreSQL: the server ./test starts (TERMINAL_TEST_POSTGRES), a new database per
/// test. Without that server the test fails saying so; it never skips.
/// </summary>
[TestClass]
[TestCategory("Database")]
public sealed class DockingOnPostgresTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Fault")]
    public async Task Docking_CableCutAtARandomByteAgainstPostgres_EveryRecordExactlyOnce()
    {
        var server = Environment.GetEnvironmentVariable("TERMINAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL is not running for the tests: TERMINAL_TEST_POSTGRES is unset (./test starts a private server; see tests/lib/postgres.sh)");
        var name = "dock_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            using var world = await DockWorld.CreateAsync(new DistrictDatabase(DatabaseKind.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString()));
            var report = await CableCuts.RunAsync(world, 60, 7);
            Assert.AreEqual(60, report.Cuts);
            TestContext.WriteLine($"{report.Cuts} cuts in {report.Dockings} dockings of {report.Records} records on PostgreSQL, {report.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
