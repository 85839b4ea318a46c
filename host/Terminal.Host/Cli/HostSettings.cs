using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Terminal.Host.Configuration;
using Terminal.Host.Service;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Migrations;

namespace Terminal.Host.Cli;

/// <summary>
/// The settings the service reads (appsettings.json beside the program, then --settings, then TERMINAL_HOST_
/// variables), for the commands that work on the district database while the service may be running: the
/// database opened and migrated exactly as the service would.
/// </summary>
internal sealed class HostSettings
{
    private HostSettings(DistrictOptions district, DatabaseOptions database)
    {
        District = district;
        Database = database;
    }

    public DistrictOptions District { get; }

    public DatabaseOptions Database { get; }

    public static Option<string?> Option() => new("--settings") { Description = "另一个设置文件（JSON），在 appsettings.json 之后读取（与服务所用的相同）" };

    /// <summary>The validated settings; throws <see cref="HostStartupException"/> listing what is wrong.</summary>
    public static HostSettings Load(string? settingsFile)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (settingsFile is not null)
        {
            if (!File.Exists(settingsFile))
            {
                throw new HostStartupException($"设置文件不存在：{Path.GetFullPath(settingsFile)}");
            }
            builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }
        var configuration = builder.AddEnvironmentVariables(DistrictHostApp.EnvironmentPrefix).Build();
        var district = new DistrictOptions();
        configuration.GetSection(DistrictOptions.Section).Bind(district);
        var database = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(database);
        var problems = new List<string>();
        foreach (var result in new[] { new DistrictOptionsValidator().Validate(null, district), new DatabaseOptionsValidator().Validate(null, database) })
        {
            if (result.Failed)
            {
                problems.AddRange(result.Failures);
            }
        }
        return problems.Count > 0 ? throw new HostStartupException("设置有误：" + string.Join("；", problems)) : new HostSettings(district, database);
    }

    /// <summary>The district database of these settings.</summary>
    public DistrictDatabase OpenDatabase() => DatabaseOf(District, Database);

    /// <summary>The store on the migrated database.</summary>
    public async Task<DistrictStore> OpenStoreAsync(CancellationToken cancellationToken)
    {
        var database = OpenDatabase();
        Directory.CreateDirectory(District.DataFolder);
        await Migrator.MigrateAsync(database, cancellationToken).ConfigureAwait(false);
        return new DistrictStore(database);
    }

    /// <summary>The database the settings name (the service uses this too).</summary>
    public static DistrictDatabase DatabaseOf(DistrictOptions district, DatabaseOptions database) =>
        DatabaseOptionsValidator.KindOf(database) == DatabaseKind.Postgres
            ? new DistrictDatabase(DatabaseKind.Postgres, database.ConnectionString)
            : DistrictDatabase.SqliteFile(district.InDataFolder(database.SqliteFile));
}
