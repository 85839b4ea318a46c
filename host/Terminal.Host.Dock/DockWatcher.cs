using System.IO.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Terminal.Host.Dock;

/// <summary>
/// The host's docking watcher: lists the serial ports every <see cref="HostDockOptions.PollInterval"/>; when a port
/// appears, opens it and runs a docking. After a docking that ended well it waits for the terminal to be unplugged
/// (the port to vanish); after one that failed while the terminal stays plugged in it tries again after
/// <see cref="HostDockOptions.RetryDelay"/>; on a cable cut it closes the port and waits for it to come back.
/// </summary>
public sealed class DockWatcher : BackgroundService
{
    private readonly HostDocking _docking;
    private readonly HostDockOptions _options;
    private readonly Func<string, Stream> _open;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Task> _ports = [];

    /// <summary>A watcher running <paramref name="docking"/> on each port that appears, opened by <paramref name="open"/> (default: a <see cref="SerialPort"/>).</summary>
    public DockWatcher(HostDocking docking, HostDockOptions options, ILogger<DockWatcher>? logger = null, Func<string, Stream>? open = null)
    {
        _docking = docking ?? throw new ArgumentNullException(nameof(docking));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _open = open ?? OpenSerial;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Dockings that ended well since start.</summary>
    public int Docked => _docked;

    private int _docked;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        do
        {
            foreach (var port in SerialPortScan.List(_options.Ports))
            {
                if (!_ports.TryGetValue(port, out var running) || running.IsCompleted)
                {
                    _ports[port] = Task.Run(() => WatchPortAsync(port, stoppingToken), stoppingToken);
                }
            }
        }
        while (await Tick(timer, stoppingToken).ConfigureAwait(false));
        await Task.WhenAll(_ports.Values).ConfigureAwait(false);
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Docks on one port for as long as it is there.</summary>
    private async Task WatchPortAsync(string port, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && Present(port))
        {
            var docked = false;
            try
            {
                using var stream = _open(port);
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Terminal on {Port}: docking", port);
                }
                var entry = await _docking.RunAsync(stream, stoppingToken).ConfigureAwait(false);
                docked = true;
                Interlocked.Increment(ref _docked);
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Terminal {TerminalId} on {Port}: {Committed} records committed", entry.TerminalId, port, entry.Committed.Count);
                }
                if (entry.Quarantined.Count > 0 && _logger.IsEnabled(LogLevel.Warning))
                {
                    _logger.LogWarning("Terminal {TerminalId} on {Port}: {Quarantined} packages quarantined (see the docking log)", entry.TerminalId, port, entry.Quarantined.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException
                                           or Terminal.Dock.Session.DockSecurityException or Terminal.Dock.Pull.DockProtocolException or Terminal.Host.Storage.IngestConflictException)
            {
                if (_logger.IsEnabled(LogLevel.Warning))
                {
                    _logger.LogWarning("Docking on {Port} ended: {Reason}", port, e.Message);
                }
            }
            // done: wait for the cable to be pulled; failed: try again later while it stays plugged in
            var waited = TimeSpan.Zero;
            while (!stoppingToken.IsCancellationRequested && Present(port) && (docked || waited < _options.RetryDelay))
            {
                try
                {
                    await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                waited += _options.PollInterval;
            }
        }
    }

    private bool Present(string port) => SerialPortScan.List(_options.Ports).Contains(port);

    private static SerialPortStream OpenSerial(string port)
    {
        var serial = new SerialPort(port, 115200) { ReadBufferSize = 1 << 20, WriteBufferSize = 1 << 20 };
        serial.Open();
        return new SerialPortStream(serial);
    }

    /// <summary>The port's stream, closing the port with it.</summary>
    private sealed class SerialPortStream(SerialPort port) : Stream
    {
        private readonly Stream _inner = port.BaseStream;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => _inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                port.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
