namespace Terminal.Host.Storage.Tests;

/// <summary>The contract on the embedded SQLite database (a file per test).</summary>
[TestClass]
[TestCategory("Database")]
public sealed class SqliteDistrictStoreTests : DistrictStoreContract
{
    private string _folder = "";

    protected override Task<DistrictDatabase> CreateDatabaseAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "district-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        return Task.FromResult(DistrictDatabase.SqliteFile(Path.Combine(_folder, "district.db")));
    }

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
