using System.IO.Ports;
using Microsoft.Extensions.Logging;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Firmware.Signing;

/// <summary>
/// The signature pad as the review page uses it: <see cref="Begin"/> opens the pad's serial port for one record,
/// sends the start command and records the pen samples (the real <see cref="SerialPad"/> driver) into strokes as
/// they come; the page polls <see cref="Ink"/> to show them live; <see cref="Clear"/> starts the signature over;
/// <see cref="End"/> closes the port. One signing at a time: beginning another record's ends the previous one.
/// The strokes stay in memory until the worker accepts them (then the store holds them).
/// </summary>
public sealed class SignaturePadService : IDisposable
{
    private readonly SignaturePadOptions _options;
    private readonly ILogger<SignaturePadService> _log;
    private readonly Lock _gate = new();
    private Session? _session;
    private string? _problem;

    /// <summary>The pad of <paramref name="options"/>.</summary>
    public SignaturePadService(SignaturePadOptions options, ILogger<SignaturePadService> log)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>True when the pad's port is there (a device node; the pad answers once a signing begins).</summary>
    public bool Present => File.Exists(_options.PortName);

    /// <summary>The pad's state for the field worker.</summary>
    public string State
    {
        get
        {
            lock (_gate)
            {
                if (_problem is not null)
                {
                    return _problem;
                }
                if (_session is { } s)
                {
                    return s.Samples > 0 ? "签字板正在接收签名" : "签字板已就绪：请本人在签字板上签名";
                }
            }
            return Present ? "签字板已连接" : $"未找到签字板（{_options.PortName}）：请检查签字板连线";
        }
    }

    /// <summary>Opens the pad for <paramref name="recordId"/> (again, if it was open: the strokes start over). False when the pad cannot be opened (<see cref="State"/> says why).</summary>
    public bool Begin(Guid recordId)
    {
        lock (_gate)
        {
            EndLocked(); // a new start command each time: the pad (and its simulator) starts sending afresh
            if (!Present)
            {
                _problem = $"未找到签字板（{_options.PortName}）：请检查签字板连线后点击“清除重签”";
                return false;
            }
            SerialPort port = new(_options.PortName, _options.BaudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None };
            try
            {
                port.Open();
                port.DiscardInBuffer();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                port.Dispose();
                _problem = e is UnauthorizedAccessException
                    ? $"签字板（{_options.PortName}）没有权限打开：请技术人员检查 udev 规则"
                    : $"签字板（{_options.PortName}）无法打开：请检查签字板连线后点击“清除重签”";
                _log.LogWarning(e, "signature pad {Port} could not be opened", _options.PortName);
                return false;
            }
            _problem = null;
            var session = new Session(recordId, port, new StrokeRecorder(_options.Width, _options.Height, WacomIvPacket.MaxPressure(_options.ExtraPressureBits)));
            session.Reading = Task.Run(() => ReadAsync(session));
            _session = session;
            return true;
        }
    }

    /// <summary>The strokes so far of the signing for <paramref name="recordId"/>, or null when none is open for it.</summary>
    public SignatureInk? Ink(Guid recordId)
    {
        lock (_gate)
        {
            return _session is { } s && s.RecordId == recordId ? s.Recorder.Ink() : null;
        }
    }

    /// <summary>How many pen samples the signing for <paramref name="recordId"/> has received (the page redraws when it changes).</summary>
    public long Samples(Guid recordId)
    {
        lock (_gate)
        {
            return _session is { } s && s.RecordId == recordId ? s.Samples : 0;
        }
    }

    /// <summary>Starts the signature over (清除重签): the strokes are dropped and the pad is started again.</summary>
    public bool Clear(Guid recordId) => Begin(recordId);

    /// <summary>Closes the pad when it is open for <paramref name="recordId"/>.</summary>
    public void End(Guid recordId)
    {
        lock (_gate)
        {
            if (_session?.RecordId == recordId)
            {
                EndLocked();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            EndLocked();
        }
    }

    private void EndLocked()
    {
        if (_session is not { } s)
        {
            return;
        }
        _session = null;
        s.Ended = true;
        s.Stop.Cancel();
        s.Port.Dispose(); // ends a read that does not see the cancellation
        s.Stop.Dispose();
    }

    private async Task ReadAsync(Session session)
    {
        try
        {
            var pad = new SerialPad(session.Port.BaseStream, _options.ExtraPressureBits);
            await foreach (var (sample, milliseconds) in pad.ReadAsync(session.Stop.Token).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    if (session.Ended)
                    {
                        return;
                    }
                    session.Recorder.Add(sample, milliseconds);
                    session.Samples++;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            lock (_gate)
            {
                if (!session.Ended)
                {
                    _problem = "签字板连接中断：请检查连线，然后点击“清除重签”";
                    _log.LogWarning(e, "signature pad {Port} stopped answering", _options.PortName);
                }
            }
        }
    }

    private sealed class Session(Guid recordId, SerialPort port, StrokeRecorder recorder)
    {
        public Guid RecordId { get; } = recordId;

        public SerialPort Port { get; } = port;

        public StrokeRecorder Recorder { get; } = recorder;

        public CancellationTokenSource Stop { get; } = new();

        public Task? Reading { get; set; }

        public long Samples { get; set; }

        public bool Ended { get; set; }
    }
}
