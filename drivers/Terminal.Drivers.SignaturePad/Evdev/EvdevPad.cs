using Terminal.Drivers.Linux;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Terminal.Drivers.SignaturePad.Interop;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// A pen signature pad the kernel drives (USB HID, or a serial pad through inputattach), read from its
/// /dev/input/eventN node. Opening checks that the node is a pen (EVIOCGBIT), reads its name (EVIOCGNAME) and axis
/// ranges (EVIOCGABS), asks for monotonic timestamps (EVIOCSCLOCKID) and grabs it (EVIOCGRAB), so the kiosk's
/// desktop does not also move a pointer with the pen. The fd and a read buffer stay open until
/// <see cref="Dispose"/>; decoding is <see cref="InputEventLayout"/> and <see cref="PenReportAssembler"/>.
/// Not thread-safe: one reader at a time.
/// </summary>
public sealed unsafe partial class EvdevPad : IDisposable
{
    private const int NameLength = 256;
    private const int EventTypeBytes = InputCodes.EV_CNT / 8;
    private const int AbsoluteBytes = InputCodes.ABS_CNT / 8;
    private const int KeyBytes = InputCodes.KEY_CNT / 8;

    private int _fd;
    private readonly PenReportAssembler _assembler;

    private EvdevPad(string devicePath, int fd, string name, PenAxes axes, bool grabbed)
    {
        DevicePath = devicePath;
        _fd = fd;
        Name = name;
        Axes = axes;
        IsGrabbed = grabbed;
        _assembler = new PenReportAssembler(axes);
    }

    /// <summary>The device node, e.g. /dev/input/event3.</summary>
    public string DevicePath { get; }

    /// <summary>The device's name as the kernel knows it (EVIOCGNAME), e.g. "Wacom STU-540".</summary>
    public string Name { get; }

    /// <summary>The X, Y and pressure ranges (EVIOCGABS) that samples are scaled with.</summary>
    public PenAxes Axes { get; }

    /// <summary>True when this fd has the device to itself (EVIOCGRAB).</summary>
    public bool IsGrabbed { get; }

    /// <summary>True until <see cref="Dispose"/>.</summary>
    public bool IsOpen => _fd >= 0;

    /// <summary>How many runs of events the kernel dropped because this reader fell behind (SYN_DROPPED).</summary>
    public int DroppedRuns => _assembler.DroppedRuns;

    /// <summary>A recorder for this pad's strokes: the same <see cref="SignatureInk"/> as the serial pad gives.</summary>
    public StrokeRecorder CreateRecorder() => Axes.CreateRecorder();

    /// <summary>
    /// Opens <paramref name="devicePath"/> as a signature pad, grabbing it unless <paramref name="grab"/> is false.
    /// Never throws for the device's sake: a failure is <see cref="PadOpenResult.Failed"/> with the Chinese message.
    /// </summary>
    public static PadOpenResult Open(string devicePath, bool grab = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(devicePath);
        try
        {
            return new PadOpenResult.Opened(OpenDevice(devicePath, grab));
        }
        catch (SignaturePadException e)
        {
            return new PadOpenResult.Failed(e.Error, e.Detail);
        }
    }

    private static EvdevPad OpenDevice(string devicePath, bool grab)
    {
        int fd;
        do
        {
            fd = Libc.Open(devicePath, Libc.OpenReadOnly | Libc.OpenNonBlocking | Libc.OpenCloseOnExec);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);
        if (fd < 0)
        {
            throw SignaturePadException.FromErrno(PadOperation.Open, Marshal.GetLastPInvokeError(), "open", devicePath);
        }
        try
        {
            Span<byte> types = stackalloc byte[EventTypeBytes];
            Span<byte> absolute = stackalloc byte[AbsoluteBytes];
            Span<byte> keys = stackalloc byte[KeyBytes];
            QueryBits(fd, devicePath, 0, types);
            QueryBits(fd, devicePath, InputCodes.EV_ABS, absolute);
            QueryBits(fd, devicePath, InputCodes.EV_KEY, keys);
            var name = QueryName(fd, devicePath);
            if (!PenCapabilities.IsPen(types, absolute, keys, out var missing))
            {
                throw new SignaturePadException(SignaturePadError.NotAPen, $"{devicePath} (\"{name}\") has no {missing}: not a pen");
            }
            var axes = new PenAxes(
                QueryAxis(fd, devicePath, InputCodes.ABS_X),
                QueryAxis(fd, devicePath, InputCodes.ABS_Y),
                PenCapabilities.HasPressure(absolute) ? QueryAxis(fd, devicePath, InputCodes.ABS_PRESSURE) : null);
            if (axes.Width <= 0 || axes.Height <= 0)
            {
                throw new SignaturePadException(SignaturePadError.NotAPen,
                    string.Create(CultureInfo.InvariantCulture, $"{devicePath} (\"{name}\") reports an empty X or Y range ({axes.X}, {axes.Y})"));
            }
            var clock = EvdevIoctl.ClockMonotonic;
            Check(Libc.Ioctl(fd, EvdevIoctl.SetClockId, &clock), PadOperation.Query, "EVIOCSCLOCKID", devicePath);
            if (grab)
            {
                Check(Libc.Ioctl(fd, EvdevIoctl.Grab, (void*)1), PadOperation.Grab, "EVIOCGRAB", devicePath);
            }
            return new EvdevPad(devicePath, fd, name, axes, grab);
        }
        catch
        {
            Libc.Close(fd);
            throw;
        }
    }

    /// <summary>Closes the device (which also releases the grab). Safe to call again.</summary>
    public void Dispose()
    {
        if (_fd < 0)
        {
            return;
        }
        Libc.Close(_fd);
        _fd = -1;
    }

    private static void QueryBits(int fd, string devicePath, int eventType, Span<byte> bits)
    {
        bits.Clear();
        fixed (byte* p = bits)
        {
            Check(Libc.Ioctl(fd, EvdevIoctl.GetBits(eventType, bits.Length), p), PadOperation.Query, "EVIOCGBIT", devicePath);
        }
    }

    private static string QueryName(int fd, string devicePath)
    {
        Span<byte> name = stackalloc byte[NameLength];
        name.Clear();
        fixed (byte* p = name)
        {
            Check(Libc.Ioctl(fd, EvdevIoctl.GetName(NameLength), p), PadOperation.Query, "EVIOCGNAME", devicePath);
        }
        var end = name.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? name : name[..end]);
    }

    private static AbsoluteAxis QueryAxis(int fd, string devicePath, int axis)
    {
        Span<byte> info = stackalloc byte[AbsoluteAxis.Size];
        fixed (byte* p = info)
        {
            Check(Libc.Ioctl(fd, EvdevIoctl.GetAbsolute(axis), p), PadOperation.Query, "EVIOCGABS", devicePath);
        }
        return AbsoluteAxis.Read(info);
    }

    private static void Check(int result, PadOperation operation, string call, string devicePath)
    {
        if (result < 0)
        {
            throw SignaturePadException.FromErrno(operation, Marshal.GetLastPInvokeError(), call, devicePath);
        }
    }
}
