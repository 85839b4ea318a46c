using System.IO.Ports;
using System.Security.Cryptography;
using System.Text;
using Terminal.Dock.Framing;
using Terminal.Dock.Pull;
using Terminal.Dock.Session;
using Terminal.Storage.Store;

namespace Terminal.Dock.Handheld;

/// <summary>
/// The terminal's end of the cable: serves dockings on the USB gadget's serial port (/dev/ttyGS0), one after the
/// other, for as long as it runs. A docking needs a logged-in operator (the terminal's dock key and the pushes are
/// under the data key); without one the host is refused with a Chinese reason. A cut cable ends the docking in
/// progress; the port is opened again and the next docking resumes where the last one stopped.
/// </summary>
public sealed class HandheldDock
{
    private readonly TerminalStore _store;
    private readonly StoreDockTarget _target;

    /// <summary>The dock of the terminal whose store is <paramref name="store"/> (not owned).</summary>
    public HandheldDock(TerminalStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _target = new StoreDockTarget(store);
    }

    /// <summary>The gadget's port on the handheld.</summary>
    public const string GadgetPort = "/dev/ttyGS0";

    /// <summary>Time to wait before opening the port again after it failed or the link dropped.</summary>
    public TimeSpan ReopenDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Dockings served since start (each that ended with the host's goodbye).</summary>
    public int Served { get; private set; }

    /// <summary>Serves dockings on <paramref name="portName"/> until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(string portName, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var port = new SerialPort(portName, 115200) { ReadBufferSize = 1 << 20, WriteBufferSize = 1 << 20 };
                port.Open();
                while (!cancellationToken.IsCancellationRequested)
                {
                    await ServeOneAsync(port.BaseStream, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // stopped: a docking in progress is abandoned, and resumes at the next one
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or DockSecurityException or DockProtocolException or InvalidOperationException)
            {
                // the cable was pulled, the host went away or could not be trusted: wait and listen again
            }
            try
            {
                await Task.Delay(ReopenDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Serves one docking over <paramref name="stream"/> (not owned): handshake, then the host's requests until its
    /// goodbye. Throws when the link drops or the host cannot be trusted; nothing is purged without a verified receipt.
    /// </summary>
    public async Task ServeOneAsync(Stream stream, CancellationToken cancellationToken)
    {
        var link = new DockLink(stream);
        var districtPoint = _store.DistrictDockKey.ToArray();
        if (districtPoint.Length != DockKeys.PointLength)
        {
            await RefuseAsync(link, "本终端未登记区县对接密钥：请由技术人员重新初始化", cancellationToken).ConfigureAwait(false);
            throw new DockSecurityException("no district dock key provisioned");
        }
        ECDsa signer;
        try
        {
            signer = _store.CreateDockSigner();
        }
        catch (StoreException e) when (e.Error == StoreError.NotLoggedIn)
        {
            await RefuseAsync(link, "终端未登录：请操作员先登录，再插上对接线", cancellationToken).ConfigureAwait(false);
            throw new DockSecurityException("nobody is logged in on the terminal");
        }
        using (signer)
        {
            using var channel = await DockHandshake.TerminalAsync(link, _store.TerminalId, signer, districtPoint, cancellationToken).ConfigureAwait(false);
            _store.RecordAction(Storage.Audit.AuditAction.Dock, "", "start");
            await new DockResponder(_store.TerminalId, districtPoint, _target, _target).ServeAsync(link, channel, cancellationToken).ConfigureAwait(false);
            Served++;
        }
    }

    /// <summary>Waits for the host's hello and answers it with a refusal.</summary>
    private static async Task RefuseAsync(DockLink link, string reason, CancellationToken cancellationToken)
    {
        var (type, _) = await link.ReceiveAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        if (type == DockFrameType.HostHello)
        {
            await link.SendAsync(DockFrameType.Refused, Encoding.UTF8.GetBytes(reason), cancellationToken).ConfigureAwait(false);
        }
    }
}
