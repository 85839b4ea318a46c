using Microsoft.Extensions.Hosting;
using Terminal.Dock.Handheld;

namespace Terminal.Firmware.Collection;

/// <summary>
/// The terminal's end of the dock cable while the app runs: serves dockings on <see cref="Web.TerminalAppOptions.DockPort"/>
/// (the USB gadget's port) one after the other. A docking needs a logged-in operator (<see cref="HandheldDock"/>);
/// a cut cable ends the docking in progress and the next one resumes it. Nothing runs when the store did not open
/// or no port is set.
/// </summary>
internal sealed class DockService : BackgroundService
{
    private readonly TerminalState _state;

    public DockService(TerminalState state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    /// <summary>Dockings served since the app started.</summary>
    public int Served => _dock?.Served ?? 0;

    private HandheldDock? _dock;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_state.Store is not { } store || string.IsNullOrWhiteSpace(_state.Options.DockPort))
        {
            return Task.CompletedTask;
        }
        _dock = new HandheldDock(store);
        return _dock.RunAsync(_state.Options.DockPort, stoppingToken);
    }
}
