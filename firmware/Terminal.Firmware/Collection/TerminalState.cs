using Terminal.Storage.Network;
using Terminal.Storage.Store;
using Terminal.Firmware.Web;

namespace Terminal.Firmware.Collection;

/// <summary>
/// The terminal's store as the app holds it: opened at start-up, or the reason it could not be (not provisioned,
/// in use by another program), which the pages show instead of a collection screen. Also the network guard.
/// </summary>
public sealed class TerminalState : IDisposable
{
    private readonly NetworkGuard _guard;

    /// <summary>Opens the store the options name.</summary>
    public TerminalState(TerminalAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _guard = new NetworkGuard(options.NetworkGuard);
        try
        {
            Store = TerminalStore.Open(new TerminalStoreOptions { Folder = options.StoreFolder });
        }
        catch (StoreException e)
        {
            StoreProblem = e.Message;
        }
    }

    /// <summary>The app's settings.</summary>
    public TerminalAppOptions Options { get; }

    /// <summary>The store, or null when it could not be opened (<see cref="StoreProblem"/> says why).</summary>
    public TerminalStore? Store { get; }

    /// <summary>Why the store could not be opened, in Chinese.</summary>
    public string? StoreProblem { get; }

    /// <summary>The network guard's reading now: collecting is refused while it is not safe.</summary>
    public NetworkCheck Network() => _guard.Check();

    /// <inheritdoc/>
    public void Dispose() => Store?.Dispose();
}
