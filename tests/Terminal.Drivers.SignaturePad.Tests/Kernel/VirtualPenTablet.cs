using Terminal.Drivers.Linux;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Terminal.Drivers.SignaturePad.Evdev;
using Terminal.Drivers.SignaturePad.Interop;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Tests.Kernel;

/// <summary>
/// The device's side of evdev, for the kernel tests: a virtual pen tablet made through /dev/uinput. What it writes
/// goes through the kernel's input core and evdev to /dev/input/eventN, exactly as a USB pen's reports do. Like a real
/// pen driver it sends only values that changed, each frame ending with SYN_REPORT. <see cref="Write"/> takes raw
/// device units (the axes' own ranges).
/// </summary>
internal sealed unsafe class VirtualPenTablet : IDisposable
{
    private int _fd;
    private bool _created;
    private PenSample _last;

    private VirtualPenTablet(int fd, AbsoluteAxis x, AbsoluteAxis y, AbsoluteAxis pressure)
    {
        _fd = fd;
        _last = new PenSample(x.Value, y.Value, pressure.Value, false, false);
    }

    /// <summary>The evdev node the kernel made for the tablet, e.g. /dev/input/event3.</summary>
    internal string EventNode { get; private set; } = "";

    /// <summary>input_event records written so far (SYN_REPORT included).</summary>
    internal int EventsWritten { get; private set; }

    /// <summary>A pen with tool, tip and barrel button, and absolute X, Y and pressure.</summary>
    internal static VirtualPenTablet CreatePen(string name, AbsoluteAxis x, AbsoluteAxis y, AbsoluteAxis pressure) =>
        Create(name, [0x140, 0x14A, 0x14B], [(0x00, x), (0x01, y), (0x18, pressure)], x, y, pressure);

    /// <summary>A keyboard with one key (KEY_A): an input device that is not a pen.</summary>
    internal static VirtualPenTablet CreateKeyboard(string name) => Create(name, [30], [], default, default, default);

    private static VirtualPenTablet Create(string name, ushort[] keys, (ushort Code, AbsoluteAxis Axis)[] axes, AbsoluteAxis x, AbsoluteAxis y, AbsoluteAxis pressure)
    {
        var fd = Libc.Open(KernelRig.Uinput, Libc.OpenWriteOnly | Libc.OpenNonBlocking | Libc.OpenCloseOnExec);
        Check(fd, "open /dev/uinput");
        var tablet = new VirtualPenTablet(fd, x, y, pressure);
        try
        {
            Check(Libc.Ioctl(fd, Uinput.SetEventBit, (void*)1), "UI_SET_EVBIT EV_KEY");
            foreach (var key in keys)
            {
                Check(Libc.Ioctl(fd, Uinput.SetKeyBit, (void*)key), "UI_SET_KEYBIT");
            }
            if (axes.Length > 0)
            {
                Check(Libc.Ioctl(fd, Uinput.SetEventBit, (void*)3), "UI_SET_EVBIT EV_ABS");
            }
            Span<byte> absSetup = stackalloc byte[Uinput.AbsoluteSetupSize];
            foreach (var (code, axis) in axes)
            {
                Check(Libc.Ioctl(fd, Uinput.SetAbsoluteBit, (void*)code), "UI_SET_ABSBIT");
                absSetup.Clear();
                BinaryPrimitives.WriteUInt16LittleEndian(absSetup, code);
                axis.Write(absSetup[Uinput.AbsoluteSetupInfoOffset..]);
                fixed (byte* p = absSetup)
                {
                    Check(Libc.Ioctl(fd, Uinput.AbsoluteSetup, p), "UI_ABS_SETUP");
                }
            }
            Span<byte> setup = stackalloc byte[Uinput.SetupSize];
            setup.Clear();
            BinaryPrimitives.WriteUInt16LittleEndian(setup, Uinput.BusVirtual);
            BinaryPrimitives.WriteUInt16LittleEndian(setup[2..], 0x1209); // vendor, product, version: made up
            BinaryPrimitives.WriteUInt16LittleEndian(setup[4..], 0x5164);
            BinaryPrimitives.WriteUInt16LittleEndian(setup[6..], 1);
            var nameBytes = Encoding.UTF8.GetBytes(name);
            nameBytes.AsSpan(0, Math.Min(nameBytes.Length, Uinput.SetupNameLength - 1)).CopyTo(setup[Uinput.SetupNameOffset..]);
            fixed (byte* p = setup)
            {
                Check(Libc.Ioctl(fd, Uinput.DeviceSetup, p), "UI_DEV_SETUP");
            }
            Check(Libc.Ioctl(fd, Uinput.DeviceCreate, null), "UI_DEV_CREATE");
            tablet._created = true;
            tablet.EventNode = FindEventNode(fd);
            return tablet;
        }
        catch
        {
            tablet.Dispose();
            throw;
        }
    }

    /// <summary>UI_GET_SYSNAME → /sys/devices/virtual/input/inputN/eventM → /dev/input/eventM (devtmpfs makes it; waits up to 5 s).</summary>
    private static string FindEventNode(int fd)
    {
        Span<byte> sysName = stackalloc byte[64];
        sysName.Clear();
        fixed (byte* p = sysName)
        {
            Check(Libc.Ioctl(fd, Uinput.GetSysName64, p), "UI_GET_SYSNAME");
        }
        var end = sysName.IndexOf((byte)0);
        var directory = Path.Combine("/sys/devices/virtual/input", Encoding.ASCII.GetString(end < 0 ? sysName : sysName[..end]));
        var deadline = Environment.TickCount64 + 5000;
        while (Environment.TickCount64 < deadline)
        {
            var eventDirectory = Directory.Exists(directory) ? Directory.GetDirectories(directory, "event*").FirstOrDefault() : null;
            if (eventDirectory is not null)
            {
                var node = Path.Combine("/dev/input", Path.GetFileName(eventDirectory));
                if (File.Exists(node))
                {
                    return node;
                }
            }
            Thread.Sleep(20);
        }
        throw new IOException($"uinput made {directory} but no /dev/input/event* node appeared within 5 s");
    }

    /// <summary>Sends one frame: the values that differ from the last frame, then SYN_REPORT.</summary>
    internal void Write(PenSample raw)
    {
        Span<byte> frame = stackalloc byte[7 * InputEventLayout.Size];
        var n = 0;
        void Add(Span<byte> f, ushort type, ushort code, int value) =>
            InputEventLayout.Write(new InputEvent(0, 0, type, code, value), f.Slice(n++ * InputEventLayout.Size));
        if (raw.InProximity != _last.InProximity) Add(frame, 1, 0x140, raw.InProximity ? 1 : 0);
        if (raw.X != _last.X) Add(frame, 3, 0x00, raw.X);
        if (raw.Y != _last.Y) Add(frame, 3, 0x01, raw.Y);
        if (raw.Pressure != _last.Pressure) Add(frame, 3, 0x18, raw.Pressure);
        if (raw.TipDown != _last.TipDown) Add(frame, 1, 0x14A, raw.TipDown ? 1 : 0);
        if (raw.BarrelButton != _last.BarrelButton) Add(frame, 1, 0x14B, raw.BarrelButton ? 1 : 0);
        Add(frame, 0, 0, 0);
        WriteRecords(frame[..(n * InputEventLayout.Size)]);
        _last = raw;
    }

    /// <summary>Writes whole input_event records (uinput takes only whole ones).</summary>
    internal void WriteRecords(ReadOnlySpan<byte> records)
    {
        fixed (byte* p = records)
        {
            var written = Libc.Write(_fd, p, (nuint)records.Length);
            Check((int)written, "write to uinput");
            Assert.AreEqual(records.Length, (int)written, "uinput takes the whole frame");
        }
        EventsWritten += records.Length / InputEventLayout.Size;
    }

    /// <summary>UI_DEV_DESTROY: the tablet is unplugged; its evdev node goes away.</summary>
    internal void Destroy()
    {
        if (_created)
        {
            Check(Libc.Ioctl(_fd, Uinput.DeviceDestroy, null), "UI_DEV_DESTROY");
            _created = false;
        }
    }

    public void Dispose()
    {
        if (_fd < 0)
        {
            return;
        }
        if (_created)
        {
            Libc.Ioctl(_fd, Uinput.DeviceDestroy, null);
            _created = false;
        }
        Libc.Close(_fd);
        _fd = -1;
    }

    private static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new IOException($"{call}: {Errno.Name(Marshal.GetLastPInvokeError())}");
        }
    }
}
