using Microsoft.Extensions.Options;
using Terminal.Host.Configuration;
using Terminal.Host.Keys;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Migrations;
using Terminal.Records.Codes;

namespace Terminal.Host.Service;

/// <summary>
/// What must hold before the host serves anything (registered before every other hosted service, so systemd's
/// READY and Kestrel's listening come after it): the district key opens, the database opens and is migrated.
/// Anything else stops the start with a <see cref="HostStartupException"/> saying why.
/// </summary>
internal sealed partial class DistrictStartup : IHostedService
{
    private readonly IOptions<DistrictOptions> _districtOptions;
    private readonly IOptions<DistrictKeyOptions> _keyOptions;
    private readonly DistrictKeyRing _ring;
    private readonly IServiceProvider _services;
    private readonly ILogger<DistrictStartup> _logger;

    /// <summary>
    /// Nothing here reads an option's value or builds the database: the host constructs its hosted services before
    /// ValidateOnStart reports every settings problem at once, and reading one here would report only the first.
    /// </summary>
    public DistrictStartup(IOptions<DistrictOptions> district, IOptions<DistrictKeyOptions> key, DistrictKeyRing ring, IServiceProvider services,
        ILogger<DistrictStartup> logger)
    {
        _districtOptions = district ?? throw new ArgumentNullException(nameof(district));
        _keyOptions = key ?? throw new ArgumentNullException(nameof(key));
        _ring = ring ?? throw new ArgumentNullException(nameof(ring));
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var district = _districtOptions.Value;
        var key = _keyOptions.Value;
        var database = _services.GetRequiredService<DistrictDatabase>();
        var keyFile = district.InDataFolder(key.KeyFile);
        try
        {
            _ring.Open(keyFile, () => ServicePassphrase.Read(key, district, Environment.GetEnvironmentVariable));
        }
        catch (KeyFileException e)
        {
            throw new HostStartupException($"区县密钥打不开（{keyFile}）：{e.Message}", e);
        }
        try
        {
            Directory.CreateDirectory(district.DataFolder);
            var applied = await Migrator.MigrateAsync(database, cancellationToken).ConfigureAwait(false);
            var version = await Migrator.VersionAsync(database, cancellationToken).ConfigureAwait(false);
            LogDatabaseReady(database.Kind, version, applied.Count);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new HostStartupException($"区县数据库无法打开或升级（{database.Kind}）：{e.Message}", e);
        }
        await SeedCollectionPointsAsync(_services.GetRequiredService<IDistrictStore>(), district.Code, cancellationToken).ConfigureAwait(false);
        var districtName = AdministrativeDivisions.FullName(district.Code);
        var keyId = Convert.ToHexStringLower(_ring.Key.PublicKey.KeyId);
        LogStarted(district.Code, districtName, _ring.Key.Suite, keyId);
    }

    /// <summary>Adds the district's collection points of seed 000 that the database lacks (expected counts come with the roster).</summary>
    internal static async Task SeedCollectionPointsAsync(IDistrictStore store, string districtCode, CancellationToken cancellationToken)
    {
        var present = (await store.CollectionPointsAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var point in CollectionPoints.Of(districtCode).Where(p => !present.Contains(p.Code)))
        {
            await store.SaveCollectionPointAsync(new Storage.Model.CollectionPoint(point.Code, point.Name, point.Streets, 0), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "区县数据库已就绪：{DatabaseKind}，结构版本 {SchemaVersion}，本次升级 {AppliedCount} 步")]
    private partial void LogDatabaseReady(DatabaseKind databaseKind, int schemaVersion, int appliedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "区县主机已启动：区县 {DistrictCode} {DistrictName}，区县公钥 {KeySuite} 标识 {KeyId}")]
    private partial void LogStarted(string districtCode, string districtName, Terminal.Storage.Sealing.DistrictSuite keySuite, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "区县主机正在停止")]
    private partial void LogStopping();
}
