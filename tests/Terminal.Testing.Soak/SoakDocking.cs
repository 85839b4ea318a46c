using System.Security.Cryptography;
using Terminal.Dock.Handheld;
using Terminal.Host.Dock;
using Terminal.Host.Storage;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Testing.Soak;

/// <summary>
/// The district office's side of the day: one host (its database, keys, staging and docking log) that every
/// terminal docks into over a pty pair, the cable pulled (socat ended: both device nodes vanish) once the host has
/// received a given number of bytes.
/// </summary>
public sealed class SoakDocking(DistrictStore host, ECDsa dockKey, DistrictKeyPair district, FileDockStaging staging, DockLog log)
{
    /// <summary>
    /// One docking; true when the cable was pulled before it ended. A docking whose cable was not pulled must end
    /// well: its failure is thrown.
    /// </summary>
    public async Task<bool> DockAsync(TerminalStore store, long? pullAfterBytes, CancellationToken cancellationToken)
    {
        using var pty = PtyPair.Start();
        using var hostEnd = PtyPair.OpenSerial(pty.HostEnd, 115200);
        using var terminalEnd = PtyPair.OpenSerial(pty.DeviceEnd, 115200);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(60));
        var docking = new HostDocking(host, dockKey, district, staging, log) { ChunkSize = 16 * 1024, AnswerTimeout = TimeSpan.FromSeconds(2) };
        var received = new CountingStream(hostEnd.BaseStream, pullAfterBytes ?? long.MaxValue);
        var terminal = Task.Run(() => new HandheldDock(store).ServeOneAsync(terminalEnd.BaseStream, stop.Token), CancellationToken.None);
        var run = docking.RunAsync(received, stop.Token);
        var pulled = false;
        if (pullAfterBytes is not null)
        {
            await Task.WhenAny(run, received.Reached).ConfigureAwait(false);
            if (!run.IsCompleted)
            {
                pty.Unplug();
                pulled = true;
            }
        }
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception) when (pulled)
        {
            // the docking broke off with the cable
        }
        try
        {
            await terminal.WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception) when (pulled)
        {
            // the terminal's side broke off too
        }
        return pulled;
    }

    /// <summary>Passes reads through, counting the bytes; <see cref="Reached"/> completes once there were enough.</summary>
    private sealed class CountingStream(Stream inner, long enough) : PassThroughStream(inner)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _read;

        public Task Reached => _reached.Task;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if ((_read += n) >= enough)
            {
                _reached.TrySetResult();
            }
            return n;
        }
    }
}
