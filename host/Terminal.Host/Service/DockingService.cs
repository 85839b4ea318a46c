using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Terminal.Host.Configuration;
using Terminal.Host.Dock;
using Terminal.Host.Storage;

namespace Terminal.Host.Service;

/// <summary>
/// The docking watcher inside the service: once <see cref="DistrictStartup"/> has opened the district key and the
/// database, it watches the serial ports where docked terminals appear (section "Dock": Ports, default the
/// platform's /dev/ttyACM* or COM ports; Enabled, default true) and runs each docking into the district database,
/// with the dock staging and the docking log in the data folder. The host's dock identity is derived from the
/// district key (<see cref="HostDockIdentity"/>); pushes come from the stored queue.
/// </summary>
internal sealed class DockingService : BackgroundService
{
    private readonly IOptions<DistrictOptions> _district;
    private readonly IConfiguration _configuration;
    private readonly DistrictKeyRing _ring;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;

    /// <summary>
    /// Nothing here reads an option or builds the database (as in <see cref="DistrictStartup"/>): ValidateOnStart must
    /// be the one to report every settings problem at once.
    /// </summary>
    public DockingService(IOptions<DistrictOptions> district, IConfiguration configuration, DistrictKeyRing ring, IServiceProvider services, ILoggerFactory loggers)
    {
        _district = district ?? throw new ArgumentNullException(nameof(district));
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _ring = ring ?? throw new ArgumentNullException(nameof(ring));
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var section = _configuration.GetSection("Dock");
        if (!section.GetValue("Enabled", true))
        {
            return;
        }
        var district = _district.Value;
        var ports = section.GetSection("Ports").Get<string[]>();
        var options = new HostDockOptions
        {
            StagingFolder = district.InDataFolder(section.GetValue("StagingFolder", "dock-staging")!),
            LogPath = district.InDataFolder(section.GetValue("LogPath", "dock-log.txt")!),
            Ports = ports is { Length: > 0 } ? ports : null,
        };
        var store = _services.GetRequiredService<DistrictStore>();
        using var dockKey = HostDockIdentity.Derive(_ring.Key);
        var docking = new HostDocking(store, dockKey, _ring.Key, new FileDockStaging(options.StagingFolder), new DockLog(options.LogPath), new DockPushes(store));
        using var watcher = new DockWatcher(docking, options, _loggers.CreateLogger<DockWatcher>());
        await watcher.StartAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping: the watcher ends each docking in progress; a cut docking resumes at the next one
        }
        await watcher.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
