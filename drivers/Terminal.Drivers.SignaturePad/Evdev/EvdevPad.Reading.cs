using Terminal.Drivers.Linux;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Drivers.SignaturePad.Interop;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Evdev;

public sealed unsafe partial class EvdevPad
{
    /// <summary>Records read per read(2): a pen sends a frame of about five every few milliseconds.</summary>
    private const int BatchRecords = 64;

    /// <summary>How long <see cref="ReadAsync"/> waits in one poll before it looks at its cancellation token.</summary>
    private const int PollSliceMilliseconds = 100;

    private readonly byte[] _buffer = new byte[BatchRecords * InputEventLayout.Size];
    private int _offset;
    private int _filled;
    private long _firstTimestamp = -1;

    /// <summary>
    /// Gives the next pen sample, waiting up to <paramref name="timeoutMilliseconds"/> (−1: no limit); false when none
    /// came in time. <paramref name="milliseconds"/> counts from the first sample read, by the kernel's timestamps.
    /// Allocates nothing. Throws <see cref="SignaturePadException"/> (Unplugged when the pad went away).
    /// </summary>
    public bool TryRead(int timeoutMilliseconds, out PenSample sample, out int milliseconds)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        var deadline = timeoutMilliseconds < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMilliseconds;
        while (true)
        {
            while (_filled - _offset >= InputEventLayout.Size)
            {
                var inputEvent = InputEventLayout.Read(_buffer.AsSpan(_offset, InputEventLayout.Size));
                _offset += InputEventLayout.Size;
                if (_assembler.TryAdd(inputEvent, out var report))
                {
                    return Emit(report, out sample, out milliseconds);
                }
                if (_assembler.NeedsResync)
                {
                    return Emit(Resync(), out sample, out milliseconds);
                }
            }
            _offset = _filled = 0;
            if (FillBuffer())
            {
                continue;
            }
            var wait = deadline == long.MaxValue ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
            if (wait == 0 || !WaitReadable(wait))
            {
                sample = default;
                milliseconds = 0;
                return false;
            }
        }
    }

    /// <summary>
    /// The samples as they come, until cancelled (then <see cref="OperationCanceledException"/>) or the pad fails
    /// (<see cref="SignaturePadException"/>). Samples already queued are given without waiting; only a wait for the
    /// pen costs a task.
    /// </summary>
    public async IAsyncEnumerable<(PenSample Sample, int Milliseconds)> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryRead(0, out var sample, out var milliseconds))
            {
                yield return (sample, milliseconds);
                continue;
            }
            await Task.Run(() => WaitReadable(PollSliceMilliseconds), cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Emit(PenReport report, out PenSample sample, out int milliseconds)
    {
        if (_firstTimestamp < 0)
        {
            _firstTimestamp = report.TimestampMicroseconds;
        }
        sample = report.Sample;
        milliseconds = (int)Math.Clamp((report.TimestampMicroseconds - _firstTimestamp) / 1000, 0, int.MaxValue);
        return true;
    }

    /// <summary>Reads what the kernel has queued; false when nothing is (EAGAIN).</summary>
    private bool FillBuffer()
    {
        nint got;
        fixed (byte* p = _buffer)
        {
            do
            {
                got = Libc.Read(_fd, p, (nuint)_buffer.Length);
            }
            while (got < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);
        }
        if (got < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EAGAIN)
            {
                return false;
            }
            throw SignaturePadException.FromErrno(PadOperation.Read, errno, "read", DevicePath);
        }
        if (got == 0)
        {
            throw new SignaturePadException(SignaturePadError.Unplugged, $"read on {DevicePath}: end of file");
        }
        if (got % InputEventLayout.Size != 0)
        {
            throw new EvdevProtocolException(string.Create(CultureInfo.InvariantCulture,
                $"read on {DevicePath} gave {got} bytes, not whole {InputEventLayout.Size}-byte input_events"));
        }
        _filled = (int)got;
        return true;
    }

    /// <summary>Waits until the fd is readable or hung up (true) or the time passed (false).</summary>
    private bool WaitReadable(int timeoutMilliseconds)
    {
        var fd = new PollFd { Fd = _fd, Events = PollFd.In };
        int ready;
        do
        {
            ready = Libc.Poll(&fd, 1, timeoutMilliseconds);
        }
        while (ready < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);
        if (ready < 0)
        {
            throw SignaturePadException.FromErrno(PadOperation.Read, Marshal.GetLastPInvokeError(), "poll", DevicePath);
        }
        if ((fd.ReturnedEvents & PollFd.Invalid) != 0)
        {
            throw new SignaturePadException(SignaturePadError.Unplugged, $"poll on {DevicePath}: the fd is no longer open (POLLNVAL)");
        }
        // POLLHUP / POLLERR: the device is gone; the next read says so with ENODEV.
        return ready > 0;
    }

    /// <summary>After SYN_DROPPED: the pen's state as the device has it now.</summary>
    private PenReport Resync()
    {
        Span<byte> keys = stackalloc byte[KeyBytes];
        keys.Clear();
        fixed (byte* p = keys)
        {
            Check(Libc.Ioctl(_fd, EvdevIoctl.GetKeyState(KeyBytes), p), PadOperation.Read, "EVIOCGKEY", DevicePath);
        }
        var x = QueryAxis(_fd, DevicePath, InputCodes.ABS_X).Value;
        var y = QueryAxis(_fd, DevicePath, InputCodes.ABS_Y).Value;
        var pressure = Axes.Pressure is null ? 0 : QueryAxis(_fd, DevicePath, InputCodes.ABS_PRESSURE).Value;
        return _assembler.Resync(x, y, pressure, keys);
    }
}
